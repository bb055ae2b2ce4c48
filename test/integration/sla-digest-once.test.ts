import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DigestJob } from '../../application/sla/notify.js';
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
const digestsToLegalOfficer = async () =>
  (await outbox(stack)).filter((m) => m.destination.to.includes('legal.officer@necs.example'));
const recordOf = async (digestId: string) => (await stack.core.store.read(`digest#${digestId}`)).events;
const historyOf = async (id: string) =>
  (await api('GET', `/requests/${id}/history`, { as: 'auditor' })).body.events as {
    type: string;
    actor: Record<string, unknown>;
  }[];

describe('the daily digest of one person', () => {
  it('is sent and recorded once when two deliveries of it run at the same time, and a later repeat does nothing', async () => {
    // Prepare: a request held by Legal, due Monday 30 November at 17:00; on Friday 27 November it is at risk
    const created = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'letter',
        requester: { name: 'Karma', email: 'karma@example.bt', kind: 'public' },
        subject: 'Forest cover data',
        body: 'Please.',
        receivedAt: '2026-11-23T11:00:00+06:00',
      },
    });
    const id = created.body.id as string;
    const dueAt = created.body.dueAt as string;
    expect(dueAt).toBe('2026-11-30T17:00:00+06:00');
    await api('POST', `/requests/${id}/assign`, { as: 'ict.officer', body: { division: 'legal' } });
    await stack.settle();
    await moveTo('2026-11-27T10:00:00+06:00');
    const job: DigestJob = {
      digestId: '2026-11-27.legal.officer',
      recipient: 'legal.officer',
      email: 'legal.officer@necs.example',
      day: '2026-11-27',
      items: [
        {
          kind: 'request',
          itemId: id,
          subject: 'Forest cover data',
          requesterKind: 'public',
          division: 'legal',
          assignee: null,
          dueAt,
          pausedAt: null,
          alert: 'at_risk',
          workingDaysOverdue: 0,
        },
      ],
    };
    const alertsBefore = (await historyOf(id)).length;

    // Act: two deliveries of the same digest at once (two scans queued it), then a third one later
    const results = await Promise.all([stack.sendDigest(job), stack.sendDigest(job)]);
    const repeat = await stack.sendDigest(job);

    // Assess: one mail, one record, one alert on the request; the others changed nothing
    expect([...results].sort()).toEqual(['already_sent', 'sent']);
    expect(repeat).toBe('already_sent');
    expect(await digestsToLegalOfficer()).toHaveLength(1);
    const record = await recordOf(job.digestId);
    expect(record.map((e) => e.type)).toEqual(['AlertDigestSent']);
    expect(record[0]?.event).toMatchObject({
      actor: { kind: 'system', component: 'notifier' },
      data: { recipient: 'legal.officer', day: '2026-11-27', requestIds: [id] },
    });
    const alerts = (await historyOf(id)).slice(alertsBefore);
    expect(alerts).toEqual([
      expect.objectContaining({ type: 'BreachAlertSent', actor: expect.objectContaining({ component: 'notifier' }) }),
    ]);
  }, 60_000);
});
