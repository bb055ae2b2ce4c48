import type { MiddlewareObj } from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { ApiEvent, ApiResult } from '../types.js';

/**
 * middy's http-json-body-parser for requests that have a body (a GET without one passes through). The
 * body is JSON whatever the Content-Type says, as the API has always read it (malformed JSON becomes a
 * 400 `MALFORMED_JSON` in `toHttpError`) — except a form's url-encoded fields, which become an object of strings.
 */
export const jsonBody = (): MiddlewareObj<ApiEvent, ApiResult> => {
  // `disableContentTypeCheck` is in the middleware (v6) but not yet in its type definitions.
  const parser = httpJsonBodyParser({ disableContentTypeCheck: true } as Parameters<typeof httpJsonBodyParser>[0]);
  return {
    before: async (request) => {
      if (request.event.body === undefined || request.event.body === '') {
        delete request.event.body;
        return;
      }
      // The public portal's forms (pages that work without JavaScript) post url-encoded fields.
      if (/^application\/x-www-form-urlencoded\b/i.test(request.event.headers?.['content-type'] ?? '')) {
        const text = request.event.isBase64Encoded ? Buffer.from(request.event.body, 'base64').toString('utf8') : request.event.body;
        (request.event as { body?: unknown }).body = Object.fromEntries(new URLSearchParams(text));
        return;
      }
      await parser.before?.(request as never);
    },
  };
};
