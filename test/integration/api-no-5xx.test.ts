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
  fc.constantFrom(
    '%E0%A4%A',
    '%',
    '%zz',
    '%00',
    '..',
    '%2F..%2F',
    'NECS-2026-00001',
    'NECS-9999-99999999999999999999',
    'a'.repeat(3000),
    '2026-13-45',
    'ཆུ་ཚད',
    '%F0%9F%92%A9',
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);
/** A lone UTF-16 surrogate, spelled as JSON spells it (`"\\ud800"`) or as a raw half of a pair. */
const loneSurrogate = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)),
  fc.constantFrom('\ud800', '\udfff', 'a\udbff'),
);
/** Text with lone surrogates among ordinary characters: JSON.stringify escapes them as `\udxxx`. */
const brokenText = fc
  .array(fc.oneof(fc.string({ maxLength: 5 }), loneSurrogate), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''));
/** Dates and instants at the ends of what ISO-8601 can spell. */
const extremeDate = fc.constantFrom(
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '0001-01-01',
  '9999-12-31',
  '9999-12',
  '0001-01',
  '0000-01-01T00:00:00Z',
  '9999',
  '0001',
);
const jsonish = fc.oneof(
  fc
    .dictionary(
      fc.constantFrom(
        'subject',
        'body',
        'text',
        'name',
        'title',
        'reason',
        'question',
        'message',
        'topic',
        'source',
        'note',
        'id',
        'person',
      ),
      fc.oneof(brokenText, extremeDate),
    )
    .map((o) => JSON.stringify(o)),
  fc
    .anything({ stringUnit: fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), loneSurrogate) })
    .map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom(
    '{',
    '[]',
    'null',
    '"x"',
    '{"__proto__":{"x":1}}',
    '{"requester":null}',
    '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
    '1e999999',
  ),
  fc.json().map((j) => j),
  fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
);
const query = fc.dictionary(
  fc.constantFrom(
    'receivedAt',
    'month',
    'from',
    'to',
    'status',
    'asOf',
    'format',
    'division',
    'x',
    'year',
    'limit',
    'cursor',
    'q',
  ),
  fc.oneof(fc.string({ maxLength: 30 }), extremeDate, brokenText),
  { maxKeys: 3 },
);
const user = fc.constantFrom(
  undefined,
  'ict.officer',
  'ict.head',
  'legal.officer',
  'auditor',
  'secretary',
  'nobody',
  'spokesperson.legal',
);

describe('no input gets a 5xx', () => {
  it('the malformed percent-encoding of the audit is a 4xx', async () => {
    const r = await send('GET', '/requests/%E0%A4%A', undefined, { authorization: 'Bearer local:ict.officer' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toMatchObject({ error: { code: 'MALFORMED_PATH' } });
  });

  it('a lone UTF-16 surrogate in a text field is a 400 naming the field, on every route that takes text', async () => {
    const S = '\\ud800';
    const cases: [string, string, string][] = [
      [
        '/requests',
        'ict.officer',
        `{"channel":"letter","requester":{"name":"Sonam${S}","kind":"public"},"subject":"Forest data","body":"Please."}`,
      ],
      [
        '/people',
        'ict.head',
        `{"id":"new.person","name":"N${S}","email":"new.person@necs.example","roles":["auditor"]}`,
      ],
      ['/divisions', 'ict.head', `{"id":"climate","name":"Climate${S}"}`],
      ['/calendar/holidays', 'ict.head', `{"date":"2026-12-30","name":"Holiday${S}"}`],
      ['/website-updates', 'legal.officer', `{"kind":"news","title":"News${S}","body":"Text"}`],
      ['/reports/common-requests/propose', 'legal.officer', `{"topic":"forest${S}"}`],
      ['/calendar/years/2027/official', 'ict.head', `{"source":"circular${S}","holidays":[]}`],
    ];
    for (const [path, as, body] of cases) {
      const r = await send('POST', path, body, {
        authorization: `Bearer local:${as}`,
        'content-type': 'application/json',
      });
      expect({
        path,
        status: r.status,
        code: (JSON.parse(r.text) as { error?: { code: string } }).error?.code,
      }).toEqual({ path, status: 400, code: 'INVALID_INPUT' });
      expect(r.text).toMatch(/well-formed Unicode/);
    }
  });

  it('a body nested thousands deep is a 400 saying how deep a body may nest, with or without an Idempotency-Key', async () => {
    // Found by the property below (seed -184895295): the key's fingerprint hashed the parsed body recursively.
    const deep = `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    for (const [path, key] of [
      ['/portal/confirm/x', '-'],
      ['/requests/NECS-2026-00001/notes', 'note-1'],
      ['/requests/NECS-2026-00001/notes', undefined],
    ] as const) {
      const r = await send('POST', path, deep, {
        authorization: 'Bearer local:spokesperson.legal',
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      });
      expect({ path, status: r.status, body: JSON.parse(r.text) as unknown }).toEqual({
        path,
        status: 400,
        body: {
          error: expect.objectContaining({
            code: 'INVALID_INPUT',
            message: expect.stringMatching(/nests more than 64 levels/),
          }),
        },
      });
    }
  });

  it('a due date asked for at year 9999 or year 1 is a 400 saying which years the calendar covers', async () => {
    for (const at of ['9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z']) {
      const r = await send('GET', `/calendar/due-date?receivedAt=${at}`, undefined, {});
      expect(r.status).toBe(400);
      expect(JSON.parse(r.text)).toMatchObject({
        error: {
          code: 'INVALID_INPUT',
          message: expect.stringMatching(/outside the years the agency calendar covers/),
        },
      });
    }
    const holiday = await send('POST', '/calendar/holidays', '{"date":"9999-12-31","name":"End of time"}', {
      authorization: 'Bearer local:ict.head',
      'content-type': 'application/json',
    });
    expect(holiday.status).toBe(400);
  });

  it('every route, with random paths, queries, bodies, users and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...allRoutes),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        query,
        jsonish,
        user,
        fc.option(fc.string({ maxLength: 200 })),
        async (route, segs, q, body, as, key) => {
          let i = 0;
          const path = route.path.replace(/\{\w+\}/g, () => segs[i++] ?? 'x');
          const qs = new URLSearchParams(q).toString();
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (as) headers.authorization = `Bearer local:${as}`;
          if (key !== null) headers['idempotency-key'] = key.replace(/[^\x20-\x7e]/g, '');
          const r = await send(
            route.method,
            `${path}${qs ? `?${qs}` : ''}`,
            route.method === 'POST' ? body : undefined,
            headers,
          );
          expect({ route: `${route.method} ${route.path}`, path, status: r.status < 500 ? 'ok' : r.text }).toEqual({
            route: `${route.method} ${route.path}`,
            path,
            status: 'ok',
          });
        },
      ),
      { numRuns: 300 },
    );
  }, 240_000);
});
