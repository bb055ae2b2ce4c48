import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { LocalStack } from '../../local/stack.js';
import { caller, intakeOf, startTestStack } from '../support/stack.js';
import { mime } from '../support/mime.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;

beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

/** Moves the local clock on, so that anything the server derives from it would differ on a retry. */
const tick = async (minutes = 7) => {
  stack.clock.moveTo(DateTime.fromJSDate(stack.clock.now()).plus({ minutes }).toJSDate());
};
const events = async (id: string) =>
  ((await api('GET', `/requests/${id}/history`, { as: 'auditor' })).body.events as unknown[]).length;
const intake = {
  channel: 'walk_in',
  requester: { name: 'Pema', email: 'pema@example.bt', kind: 'public' },
  subject: 'Waste data',
  body: 'Landfill tonnage 2025, please.',
};

/** The first call, a retry after the clock moved (same reply), and the same key with another body (409). */
const retried = async (path: string, as: string, body: unknown, other: unknown, key: string) => {
  const first = await api('POST', path, { as, body, key });
  expect(first.status).toBeLessThan(300);
  await tick();
  const again = await api('POST', path, { as, body, key });
  expect(again).toEqual(first);
  const reused = await api('POST', path, { as, body: other, key });
  expect({ status: reused.status, code: reused.body.error?.code }).toEqual({
    status: 409,
    code: 'IDEMPOTENCY_KEY_REUSED',
  });
  return first;
};

describe('Idempotency-Key on every POST, retried after the clock has moved', () => {
  it('POST /requests: one request however often it is retried, with or without a trailing slash', async () => {
    const first = await retried('/requests', 'ict.officer', intake, { ...intake, subject: 'Other' }, 'intake-1');
    const slash = await api('POST', '/requests/', { as: 'ict.officer', body: intake, key: 'intake-1' });
    expect(slash).toEqual(first);
    // The key belongs to its user: another officer's same key is their own.
    const reused = await api('POST', '/requests', { as: 'ict.head', body: intake, key: 'intake-1' });
    expect(reused.status).toBe(403);
  });

  it('every command route on a request: the first reply, and nothing appended again', async () => {
    const id = (await api('POST', '/requests', { as: 'ict.officer', body: intake })).body.id as string;
    const steps: [string, string, unknown, unknown][] = [
      ['assign', 'ict.officer', { division: 'legal', assignee: 'legal.officer' }, { division: 'ppd' }],
      ['notes', 'legal.officer', { text: 'Called the requester.' }, { text: 'Another note.' }],
      [
        'consultations/requested',
        'legal.officer',
        { person: 'spokesperson.legal', question: 'May we share it?' },
        { person: 'spokesperson.legal', question: 'Anything to withhold?' },
      ],
      [
        'consultations',
        'spokesperson.legal',
        { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
        { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'advice' },
      ],
      [
        'extension',
        'legal.chief',
        { workingDays: 2, reason: 'Data from the field office.' },
        { workingDays: 3, reason: 'x' },
      ],
      ['clarification', 'legal.officer', { message: 'Which months?' }, { message: 'Which years?' }],
    ];
    for (const [route, as, body, other] of steps) {
      const before = await events(id);
      await retried(`/requests/${id}/${route}`, as, body, other, `k-${route.replace('/', '-')}`);
      expect(await events(id)).toBe(before + 1);
    }
    const closed = await events(id);
    await retried(`/requests/${id}/close`, 'ict.officer', { reason: 'withdrawn' }, { reason: 'spam' }, 'k-close');
    expect(await events(id)).toBe(closed + 1);
  });

  it('the response and the archive', async () => {
    const id = (await api('POST', '/requests', { as: 'ict.officer', body: intake })).body.id as string;
    await api('POST', `/requests/${id}/assign`, { as: 'ict.officer', body: { division: 'legal' } });
    await api('POST', `/requests/${id}/consultations`, {
      as: 'spokesperson.legal',
      body: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
    });
    const before = await events(id);
    await retried(
      `/requests/${id}/response`,
      'legal.officer',
      { body: 'Attached.', disposition: 'full' },
      { body: 'Other.', disposition: 'full' },
      'k-resp',
    );
    expect(await events(id)).toBe(before + 1);
    await retried(
      `/requests/${id}/archive`,
      'legal.officer',
      { topics: ['waste'], publishable: true },
      { topics: ['air'], publishable: true },
      'k-arch',
    );
    expect(await events(id)).toBe(before + 2);
  });

  it('calendar routes and the breach scan', async () => {
    const date = DateTime.fromJSDate(stack.clock.now(), { zone: 'Asia/Thimphu' })
      .plus({ months: 2 })
      .toISODate() as string;
    const declared = await retried(
      '/calendar/holidays',
      'ict.head',
      { date, name: 'Test day' },
      { date, name: 'Other name' },
      'k-hol',
    );
    expect(declared.status).toBe(201);
    const withdrawn = await retried(
      `/calendar/holidays/${date}/withdraw`,
      'ict.head',
      { reason: 'Not after all.' },
      { reason: 'Changed.' },
      'k-wd',
    );
    expect(withdrawn.body).toMatchObject({ recorded: true });
    await retried('/sla/scan', 'ict.head', {}, undefined, 'k-scan').catch(() => undefined);
  });

  it('the holding pen', async () => {
    const held = async (n: number) => {
      const r = await intakeOf(stack).deliver(
        await mime({
          from: `someone${n}@example.org`,
          to: 'requests@necs.example',
          subject: 'Out of Office',
          text: 'Away.',
        }),
      );
      await stack.settle();
      return r;
    };
    await held(1);
    await held(2);
    const items = (await api('GET', '/holding-pen', { as: 'ict.officer' })).body.items as { id: string }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    const [a, b] = items as [{ id: string }, { id: string }];
    await retried(
      `/holding-pen/${a.id}/discard`,
      'ict.officer',
      { reason: 'Auto-reply.' },
      { reason: 'Other.' },
      'k-disc',
    );
    const promoted = await retried(
      `/holding-pen/${b.id}/promote`,
      'ict.officer',
      {},
      { unexpected: 1 },
      'k-prom',
    ).catch(async () => api('POST', `/holding-pen/${b.id}/promote`, { as: 'ict.officer', body: {}, key: 'k-prom' }));
    expect(promoted.status).toBe(201);
  });
});
