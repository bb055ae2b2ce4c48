import type { MiddlewareObj } from '@middy/core';
import { HttpError } from '../errors.js';
import type { ApiEvent, ApiResult } from '../types.js';

/** Refuses bodies over `maxBytes` with 413 before anything parses them. */
export const bodyLimit = (maxBytes: number): MiddlewareObj<ApiEvent, ApiResult> => ({
  before: async ({ event }) => {
    if (!event.body) return;
    const size = event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body);
    if (size > maxBytes)
      throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `the body is ${size} bytes; the limit is ${maxBytes}`);
  },
});
