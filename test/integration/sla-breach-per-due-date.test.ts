import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../local/stack.js';
import { caller, outbox, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack(); // Monday 23 November 2026, 11:00 in Thimphu; no holiday that week or the next
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const moveTo = async (iso: string) => {
  const r = await fetch(`${stack.apiUrl}/_local/clock`, { method: 'POST', body: JSON.stringify({ now: iso }) });
  expect(r.status).toBe(200);
};
const scan = async () => {
  const r = await api('POST', '/sla/scan', { as: 'ict.head', body: {} });
  expect(r.status).toBe(200);
  await stack.settle();
  return r.body as { breached: string[] };
};
const eventsOf = async (id: string) =>
  (await api('GET', `/requests/${id}/history`, { as: 'auditor' })).body.events as {
    type: string;
    data: Record<string, unknown>;
  }[];
const digestsToLegalChief = async () =>
  (await outbox(stack)).filter(
    (m) => m.destination.to.includes('legal.chief@necs.example') && m.subject.startsWith('Information requests:'),
  );

describe('a breach whose due date then moves', () => {
  it('is breached again, and alerted again, when the extended due date is missed too', async () => {
    // Prepare: received Monday 23 November at 11:30, held by Legal: due Monday 30 November at 17:00
    await moveTo('2026-11-23T11:30:00+06:00');
    const created = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'letter',
        requester: { name: 'Karma', email: 'karma@example.bt', kind: 'public' },
        subject: 'Forest cover data',
        body: 'Please.',
        receivedAt: '2026-11-23T11:30:00+06:00',
      },
    });
    const id = created.body.id as string;
    expect(created.body.dueAt).toBe('2026-11-30T17:00:00+06:00');
    await api('POST', `/requests/${id}/assign`, { as: 'ict.officer', body: { division: 'legal' } });
    await stack.settle();

    // Act: the first due date is missed; the chief extends by two working days; the new one is missed too
    await moveTo('2026-12-01T10:00:00+06:00');
    expect((await scan()).breached).toContain(id);
    expect(await digestsToLegalChief()).toHaveLength(1);
    const extended = await api('POST', `/requests/${id}/extension`, {
      as: 'legal.chief',
      body: { workingDays: 2, reason: 'the regional office holds the maps' },
    });
    expect(extended.status).toBeLessThan(300);
    await stack.settle();
    await moveTo('2026-12-03T10:00:00+06:00');
    expect((await scan()).breached).toContain(id);

    // Assess: one breach per due date, and an alert for each
    const events = await eventsOf(id);
    expect(events.filter((e) => e.type === 'SlaBreached').map((e) => e.data.dueAt)).toEqual([
      '2026-11-30T17:00:00+06:00',
      '2026-12-02T17:00:00+06:00',
    ]);
    expect(
      events.filter((e) => e.type === 'BreachAlertSent' && e.data.kind === 'breached').map((e) => e.data.dueAt),
    ).toEqual(['2026-11-30T17:00:00+06:00', '2026-12-02T17:00:00+06:00']);
    const digests = await digestsToLegalChief();
    expect(digests).toHaveLength(2);
    expect(digests[1]?.body.text).toContain(id);
  }, 90_000);
});
