import { StoreUnavailableError } from '../application/errors.js';

const RETRYABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
]);

/** Throttling, timeouts and dropped connections (DynamoDB, SES, SQS): worth another try. Condition failures are not. */
export const isRetryable = (err: unknown): boolean => {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: string }).code;
  return (
    RETRYABLE.has(err.name) ||
    (code !== undefined && RETRYABLE.has(code)) ||
    (err as { $retryable?: unknown }).$retryable !== undefined
  );
};

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 50 };

/**
 * Runs `call`, retrying retryable failures with exponential backoff and full jitter. Only for calls
 * that are safe to repeat (reads, conditional writes with a client request token). After the last
 * attempt the failure surfaces as StoreUnavailableError with the cause attached.
 */
export const withRetries = async <T>(
  what: string,
  call: () => Promise<T>,
  policy: RetryPolicy = defaultRetryPolicy,
  exhausted: (message: string, cause: unknown) => Error = (message, cause) =>
    new StoreUnavailableError(message, { cause }),
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!isRetryable(err)) throw err;
      if (attempt >= policy.attempts) {
        throw exhausted(`${what} failed after ${attempt} attempts: ${(err as Error).name}`, err);
      }
      await new Promise((r) => setTimeout(r, Math.random() * policy.baseDelayMs * 2 ** attempt));
    }
  }
};
