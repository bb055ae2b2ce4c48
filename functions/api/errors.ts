import * as z from 'zod';
import { IdempotencyKeyInProgress, IdempotencyKeyMismatch, IdempotencyStoreUnavailable } from './idempotency.js';
import {
  ConcurrencyError,
  ConflictError,
  IdempotencyKeyReusedError,
  StaleVersionError,
  StoreUnavailableError,
} from '../../application/errors.js';
import { DomainError, type DomainErrorCode } from '../../domain/shared/errors.js';

/** An error with its HTTP status and the contract's SCREAMING_SNAKE code. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const domainStatus: Readonly<Record<DomainErrorCode, number>> = {
  FORBIDDEN: 403,
  INVALID_TRANSITION: 409,
  SPOKESPERSON_NOT_CONSULTED: 409,
  REQUEST_NOT_FOUND: 404,
  REQUEST_ALREADY_EXISTS: 409,
  INVALID_INPUT: 400,
  UNKNOWN_DIVISION: 400,
  UNKNOWN_PERSON: 400,
  EXTENSION_LIMIT_EXCEEDED: 409,
  WEBSITE_UPDATE_NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERSON_NOT_FOUND: 404,
  PERSON_INACTIVE: 409,
  SOCIAL_ACCOUNT_NOT_FOUND: 404,
  INCIDENT_NOT_FOUND: 404,
  ASSESSMENT_REQUIRED: 409,
};

/** Every failure as the contract's error JSON: `{error: {code, message, details?}}` with its status. */
export const toHttpError = (err: unknown): HttpError => {
  if (err instanceof HttpError) return err;
  if (err instanceof DomainError) return new HttpError(domainStatus[err.code], err.code, err.message, err.details);
  if (err instanceof z.ZodError) {
    return new HttpError(
      400,
      'INVALID_INPUT',
      'the request does not match what this route accepts',
      err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  if (err instanceof StaleVersionError) return new HttpError(412, 'STALE_VERSION', err.message, err.state);
  if (err instanceof ConflictError || err instanceof ConcurrencyError)
    return new HttpError(409, 'VERSION_CONFLICT', err.message);
  if (err instanceof IdempotencyKeyReusedError) return new HttpError(409, 'IDEMPOTENCY_KEY_REUSED', err.message);
  if (err instanceof IdempotencyKeyMismatch) {
    return new HttpError(
      409,
      'IDEMPOTENCY_KEY_REUSED',
      'this Idempotency-Key was already used on this route with another body',
    );
  }
  if (err instanceof IdempotencyKeyInProgress)
    return new HttpError(
      409,
      'IDEMPOTENCY_KEY_IN_PROGRESS',
      'a request with this Idempotency-Key is still running; retry shortly',
    );
  if (err instanceof IdempotencyStoreUnavailable)
    return new HttpError(503, 'SERVICE_UNAVAILABLE', 'the store is busy; try again shortly');
  const middyError = middyErrorOf(err);
  if (middyError) return middyError;
  if (err instanceof StoreUnavailableError)
    return new HttpError(503, 'SERVICE_UNAVAILABLE', 'the store is busy; try again shortly');
  return new HttpError(500, 'INTERNAL_ERROR', 'something went wrong on our side; it has been logged');
};

/** Errors middy's own middlewares raise (`createError`): malformed JSON from the body parser, and the like. */
const middyErrorOf = (err: unknown): HttpError | undefined => {
  if (!(err instanceof Error) || typeof (err as { statusCode?: unknown }).statusCode !== 'number') return undefined;
  const cause = (err as { cause?: { package?: string; message?: string } }).cause;
  if (cause?.package === '@middy/http-json-body-parser')
    return new HttpError(
      400,
      'MALFORMED_JSON',
      `the body is not valid JSON${cause.message ? `: ${cause.message}` : ''}`,
    );
  const status = (err as unknown as { statusCode: number }).statusCode;
  return status >= 400 && status < 500 ? new HttpError(status, 'INVALID_INPUT', err.message) : undefined;
};
