import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';
import type { ApiEvent, ApiResult } from '../types.js';
import { toHttpError } from '../errors.js';

/**
 * Turns any failure into the contract's error JSON, `{"error": {"code", "message", "details"?}}`, as an
 * error that middy's http-error-handler (used before this one) then writes out; logs server faults
 * without request content.
 */
export const contractErrors = (logger: Logger): MiddlewareObj<ApiEvent, ApiResult> => ({
  onError: async (request) => {
    const error = toHttpError(request.error);
    if (error.status >= 500)
      logger.error('request failed', { path: request.event.requestContext?.http?.path, error: request.error as Error });
    const body = JSON.stringify({
      error: {
        code: error.code,
        message: error.message,
        ...(error.details !== undefined ? { details: error.details } : {}),
      },
    });
    request.error = Object.assign(new Error(body), { statusCode: error.status, expose: true });
  },
});
