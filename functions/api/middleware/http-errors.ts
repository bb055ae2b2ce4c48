import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';
import type { ApiEvent, ApiResult } from '../types.js';
import { toHttpError } from '../errors.js';

/** Turns any failure into the contract's error JSON; logs server faults without request content. */
export const httpErrors = (logger: Logger): MiddlewareObj<ApiEvent, ApiResult> => ({
  onError: async (request) => {
    const error = toHttpError(request.error);
    if (error.status >= 500) logger.error('request failed', { route: request.event.routeKey, error: request.error as Error });
    request.response = {
      statusCode: error.status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } }),
    };
  },
});
