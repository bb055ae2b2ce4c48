/** A stream a sweep could not process, and why. */
export interface SweepFailure {
  readonly streamId: string;
  readonly reason: string;
}

/**
 * Runs `work` on every stream in turn. A stream that cannot be read (an event the catalogue refuses, a
 * store error) is reported by name through `onFailure` and the sweep carries on with the next one: one
 * bad stream never hides the state of all the others. Returns the failures, for a non-zero exit at the end.
 */
export const sweepStreams = async (
  ids: readonly string[],
  work: (streamId: string) => Promise<void>,
  onFailure: (failure: SweepFailure) => void,
): Promise<SweepFailure[]> => {
  const failures: SweepFailure[] = [];
  for (const streamId of ids) {
    try {
      await work(streamId);
    } catch (err) {
      const failure = {
        streamId,
        reason: ((err as Error).message ?? String(err)).split('\n')[0]?.slice(0, 300) ?? 'unknown error',
      };
      failures.push(failure);
      onFailure(failure);
    }
  }
  return failures;
};
