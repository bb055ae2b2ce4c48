import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allRoutes } from '../../functions/api/all-routes.js';
import type { LocalStack } from '../../local/stack.js';
import { startTestStack } from '../support/stack.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack();
}, 60_000);
afterAll(async () => stack.stop());

const send = async (method: string, path: string, body: string | undefined, headers: Record<string, string>) => {
  const res = await fetch(`${stack.apiUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  return { status: res.status, text };
};

/** Path segments a stranger might send: malformed percent-encoding, huge, odd scripts, traversal. */
const segment = fc.oneof(
  fc.constantFrom('%E0%A4%A', '%', '%zz', '%00', '..', '%2F..%2F', 'NECS-2026-00001', 'NECS-9999-99999999999999999999', 'a'.repeat(3000), '2026-13-45', 'ཆུ་ཚད', '%F0%9F%92%A9', '__proto__', 'constructor'),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);
const jsonish = fc.oneof(
  fc.constantFrom('{', '[]', 'null', '"x"', '{"__proto__":{"x":1}}', '{"requester":null}', '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}', '1e999999'),
  fc.json().map((j) => j),
  fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
);
const query = fc.dictionary(fc.constantFrom('receivedAt', 'month', 'from', 'to', 'status', 'asOf', 'format', 'division', 'x', 'year', 'limit', 'cursor', 'q'), fc.string({ maxLength: 30 }), { maxKeys: 3 });
const user = fc.constantFrom(undefined, 'ict.officer', 'ict.head', 'legal.officer', 'auditor', 'secretary', 'nobody', 'spokesperson.legal');

describe('no input gets a 5xx', () => {
  it('the malformed percent-encoding of the audit is a 4xx', async () => {
    const r = await send('GET', '/requests/%E0%A4%A', undefined, { authorization: 'Bearer local:ict.officer' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toMatchObject({ error: { code: 'MALFORMED_PATH' } });
  });

  it('every route, with random paths, queries, bodies, users and headers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allRoutes), fc.array(segment, { minLength: 3, maxLength: 3 }), query, jsonish, user, fc.option(fc.string({ maxLength: 200 })), async (route, segs, q, body, as, key) => {
        let i = 0;
        const path = route.path.replace(/\{\w+\}/g, () => segs[i++] ?? 'x');
        const qs = new URLSearchParams(q).toString();
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (as) headers.authorization = `Bearer local:${as}`;
        if (key !== null) headers['idempotency-key'] = key.replace(/[^\x20-\x7e]/g, '');
        const r = await send(route.method, `${path}${qs ? `?${qs}` : ''}`, route.method === 'POST' ? body : undefined, headers);
        expect({ route: `${route.method} ${route.path}`, path, status: r.status < 500 ? 'ok' : r.text }).toEqual({ route: `${route.method} ${route.path}`, path, status: 'ok' });
      }),
      { numRuns: 300 },
    );
  }, 240_000);
});
