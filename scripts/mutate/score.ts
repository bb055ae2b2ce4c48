/** The part of a mutation-testing-report-schema JSON report (Stryker's `json` reporter) the score needs. */
export interface MutationReport {
  readonly files: Readonly<Record<string, { readonly mutants: readonly { readonly status: string }[] }>>;
}

/** Statuses that count: a test found the mutant (killed, or it made the tests hang), or none did. */
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/**
 * Stryker's mutation score, in percent: detected ÷ (detected + undetected). Mutants that do not compile or
 * crash at run time, and those ignored (`// Stryker disable`), count on neither side, as in Stryker's own.
 */
export const mutationScore = (report: MutationReport): number => {
  const { detected, undetected } = mutantCounts(report);
  return detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
};

/** How a folder's mutants came out: the counts behind its score. */
export interface MutantCounts {
  readonly detected: number;
  /**
   * Of the detected, those whose tests ran past Stryker's time-out. A mutant that makes a loop endless is one;
   * on a loaded machine a slow run of a mutant the tests would not catch is another: a folder with many wants
   * a re-run on a quiet machine before its score is trusted (docs/mutation-testing.md).
   */
  readonly timedOut: number;
  readonly undetected: number;
  /** Ignored (static or disabled as equivalent), compile and run-time errors: on neither side of M1. */
  readonly other: number;
}

/** The counts of a report's mutants by side of M1. */
export const mutantCounts = (report: MutationReport): MutantCounts => {
  let detected = 0;
  let timedOut = 0;
  let undetected = 0;
  let other = 0;
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) {
      if (m.status === 'Timeout') timedOut++;
      if (DETECTED.has(m.status)) detected++;
      else if (UNDETECTED.has(m.status)) undetected++;
      else other++;
    }
  }
  return { detected, timedOut, undetected, other };
};

/**
 * One report from several (one per folder, as `npm run mutate` runs them): every file of each. A file in two
 * reports keeps its latest entry, the one of the report given last.
 */
export const mergeReports = (reports: readonly MutationReport[]): MutationReport => ({
  files: Object.assign({}, ...reports.map((r) => r.files)) as MutationReport['files'],
});
