import type { MiddlewareObj } from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import { isWellFormedText } from '../../../events/text.js';
import { HttpError } from '../errors.js';
import type { ApiEvent, ApiResult } from '../types.js';

/**
 * The path of the first string (key or value) that is not well-formed Unicode, or undefined. JSON may
 * spell a lone UTF-16 surrogate (`"\ud800"`); nothing downstream can hash, store or mail it.
 */
const loneSurrogateAt = (body: unknown): string | undefined => {
  // Iterative: a body may nest thousands deep, more than the call stack holds.
  const pending: [unknown, string][] = [[body, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      if (!isWellFormedText(value)) return path || '(the body)';
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        const here = path ? `${path}.${key}` : key;
        if (!isWellFormedText(key)) return here;
        pending.push([inner, here]);
      }
    }
  }
  return undefined;
};

/**
 * Paths whose body is signed by its sender (a platform's webhook): the route checks the signature over
 * the bytes as sent and parses them itself, so a malformed body with a bad signature is a 401, not a 400.
 */
export const RAW_BODY_PATHS = /^\/social\/inbound\//;

/**
 * middy's http-json-body-parser for requests that have a body (a GET without one passes through). The
 * body is JSON whatever the Content-Type says, as the API has always read it (malformed JSON becomes a
 * 400 `MALFORMED_JSON` in `toHttpError`), except a form's url-encoded fields, which become an object of
 * strings; a string that is not well-formed Unicode is a 400 `INVALID_INPUT`.
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
      if (RAW_BODY_PATHS.test(request.event.rawPath ?? '')) {
        if (request.event.isBase64Encoded) {
          request.event.body = Buffer.from(request.event.body, 'base64').toString('utf8');
          request.event.isBase64Encoded = false;
        }
        return;
      }
      // The public portal's forms (pages that work without JavaScript) post url-encoded fields.
      if (/^application\/x-www-form-urlencoded\b/i.test(request.event.headers?.['content-type'] ?? '')) {
        const text = request.event.isBase64Encoded
          ? Buffer.from(request.event.body, 'base64').toString('utf8')
          : request.event.body;
        (request.event as { body?: unknown }).body = Object.fromEntries(new URLSearchParams(text));
        return;
      }
      await parser.before?.(request as never);
      const bad = loneSurrogateAt((request.event as { body?: unknown }).body);
      if (bad)
        throw new HttpError(
          400,
          'INVALID_INPUT',
          `${bad}: text must be well-formed Unicode (a lone UTF-16 surrogate such as \\ud800 is not a character)`,
          [{ path: bad, message: 'lone UTF-16 surrogate' }],
        );
    },
  };
};
