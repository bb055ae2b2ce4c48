import type { MiddlewareObj } from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { ApiEvent, ApiResult } from '../types.js';

/**
 * middy's http-json-body-parser for requests that have a body (a GET without one passes through). The
 * body is JSON whatever the Content-Type says, as the API has always read it; malformed JSON becomes a
 * 400 `MALFORMED_JSON` in `toHttpError`.
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
      await parser.before?.(request as never);
    },
  };
};
