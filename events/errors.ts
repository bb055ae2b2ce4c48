/** A stored or incoming event does not match any known type and schema version. */
export class UnknownEventError extends Error {
  override readonly name = 'UnknownEventError';
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A writer tried to store an event the catalogue would refuse to read back: a bug, refused before anything is written. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  constructor(
    message: string,
    readonly streamId: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
