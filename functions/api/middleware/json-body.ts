import type { MiddlewareObj } from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import { isWellFormedText } from '../../../events/text.js';
import { HttpError } from '../errors.js';
import type { ApiEvent, ApiResult } from '../types.js';

/** How deep a body may nest: the API's own bodies nest a few levels; canonical hashing recurses per level. */
export const MAX_BODY_DEPTH = 64;

/**
 * What is wrong with a parsed body, if anything: the path of the first string (key or value) that is not
 * well-formed Unicode (JSON may spell a lone UTF-16 surrogate, `"\ud800"`, which nothing downstream can
 * hash, store or mail), or nesting deeper than {@link MAX_BODY_DEPTH}.
 */
const bodyProblem = (body: unknown): { path: string; problem: 'lone_surrogate' | 'too_deep' } | undefined => {
  // Iterative: a body may nest thousands deep, more than the call stack holds.
  const pending: [unknown, string, number][] = [[body, '', 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path, depth] = next;
    if (typeof value === 'string') {
      if (!isWellFormedText(value)) return { path: path || '(the body)', problem: 'lone_surrogate' };
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_BODY_DEPTH) return { path: path || '(the body)', problem: 'too_deep' };
      for (const [key, inner] of Object.entries(value)) {
        const here = path ? `${path}.${key}` : key;
        if (!isWellFormedText(key)) return { path: here, problem: 'lone_surrogate' };
        pending.push([inner, here, depth + 1]);
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
 * strings; a string that is not well-formed Unicode, or a body nested too deep, is a 400 `INVALID_INPUT`.
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
      const bad = bodyProblem((request.event as { body?: unknown }).body);
      if (bad?.problem === 'lone_surrogate')
        throw new HttpError(
          400,
          'INVALID_INPUT',
          `${bad.path}: text must be well-formed Unicode (a lone UTF-16 surrogate such as \\ud800 is not a character)`,
          [{ path: bad.path, message: 'lone UTF-16 surrogate' }],
        );
      if (bad?.problem === 'too_deep')
        throw new HttpError(
          400,
          'INVALID_INPUT',
          `${bad.path}: the body nests more than ${MAX_BODY_DEPTH} levels deep`,
          [{ path: bad.path, message: `nested more than ${MAX_BODY_DEPTH} levels` }],
        );
    },
  };
};
