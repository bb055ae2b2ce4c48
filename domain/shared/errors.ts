/** Why the workflow refused a command. Each code maps to one HTTP status at the API edge. */
export type DomainErrorCode =
  | 'FORBIDDEN'
  | 'INVALID_TRANSITION'
  | 'SPOKESPERSON_NOT_CONSULTED'
  | 'REQUEST_NOT_FOUND'
  | 'REQUEST_ALREADY_EXISTS'
  | 'INVALID_INPUT'
  | 'UNKNOWN_DIVISION'
  | 'UNKNOWN_PERSON'
  | 'EXTENSION_LIMIT_EXCEEDED'
  | 'WEBSITE_UPDATE_NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'PERSON_NOT_FOUND'
  | 'PERSON_INACTIVE'
  | 'SOCIAL_ACCOUNT_NOT_FOUND'
  | 'INCIDENT_NOT_FOUND'
  | 'ASSESSMENT_REQUIRED';

/** A refusal by the domain: a rule of the workflow, not a fault. Returned, never thrown, by `decide`. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export const isDomainError = (value: unknown): value is DomainError => value instanceof DomainError;
