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
