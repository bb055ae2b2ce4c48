/**
 * Replaces `@aws-lambda-powertools/jmespath`'s `search` (its lexer, parser and tree interpreter: ~13 KB of
 * the API's idempotency chunk). The API's idempotency store (functions/api/idempotency-dynamodb.ts) reads
 * its key and fingerprint with the JMESPath expressions `key` and `fingerprint`; this evaluates such
 * expressions — identifiers joined by dots — as the tree interpreter does (a field of an object, by `in`,
 * else null; null stops the chain), and refuses any other expression saying why, before touching the data.
 * test/infra/bundle-plugins.test.ts compares it with the real `search` on generated data.
 */
import { isRecord } from '@aws-lambda-powertools/commons/typeutils';

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** `search(expression, data)` for field paths (`key`, `a.b`); the options (custom functions) are not needed by them. */
export const search = (expression: string, data: unknown, _options?: unknown): unknown => {
  if (typeof expression !== 'string' || !FIELD_PATH.test(expression)) {
    throw new Error(
      `JMESPath expression ${JSON.stringify(expression)} is not supported in this bundle: only field paths such as "key" or "a.b" are (infra/shims/jmespath-search.ts)`,
    );
  }
  let value = data;
  for (const field of expression.split('.')) {
    value = isRecord(value) && field in value ? value[field] : null;
    if (value === null) return null;
  }
  return value;
};
