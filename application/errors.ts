/** Another writer appended to the stream first: reload, decide again, retry. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
  ) {
    super(`stream ${streamId} moved past version ${expectedVersion}`);
  }
}

/** The command kept losing the race for its stream after every retry: surfaces as 409. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** An idempotency key came back with a different command: refuse rather than guess. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor(readonly key: string) {
    super(`idempotency key ${key} was already used for a different command`);
  }
}

/** The store did not answer (throttled, timed out) after bounded retries; nothing was written or it is safe to retry. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** `If-Match` named a version the request has moved on from: the caller must look again before acting. */
export class StaleVersionError extends Error {
  override readonly name = 'StaleVersionError';
  constructor(
    readonly expected: number,
    readonly current: number,
    readonly state: unknown,
  ) {
    super(`the request is at version ${current}, not ${expected}: reload it and try again`);
  }
}
