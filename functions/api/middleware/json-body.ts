import type { MiddlewareObj } from '@middy/core';
import { HttpError } from '../errors.js';
import type { ApiEvent, ApiResult } from '../types.js';

/** Parses a JSON body into `event.parsedBody`; malformed JSON is a 400 with the parser's reason. */
export const jsonBody = (): MiddlewareObj<ApiEvent & { parsedBody?: unknown }, ApiResult> => ({
  before: async ({ event }) => {
    if (!event.body) return;
    const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    try {
      event.parsedBody = JSON.parse(text);
    } catch (err) {
      throw new HttpError(400, 'MALFORMED_JSON', `the body is not valid JSON: ${(err as Error).message}`);
    }
  },
});
