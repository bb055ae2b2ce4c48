import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { DateTime } from 'luxon';
import { computeDueDate } from '../../domain/calendar/due-date.js';
import type { LocalStack } from '../../local/stack.js';
import { caller, outbox, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
/** A Monday at least a week after the real date, 10:00 in Thimphu, with no holiday that week or the next. */
let monday: DateTime;

beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
  const cal = stack.agency.calendar;
  monday = DateTime.fromJSDate(stack.clock.now(), { zone: 'Asia/Thimphu' })
    .plus({ weeks: 1 })
    .startOf('week')
    .set({ hour: 10 });
  const quiet = (m: DateTime) =>
    Array.from({ length: 14 }, (_, i) => m.plus({ days: i }).toISODate() as string).every((d) => !cal.holidayOn(d));
  while (!quiet(monday)) monday = monday.plus({ weeks: 1 });
}, 60_000);
afterAll(async () => stack.stop());

const at = (days: number, hour = 10) => monday.plus({ days }).set({ hour }).toISO() as string;
const moveTo = async (iso: string) => {
  const r = await fetch(`${stack.apiUrl}/_local/clock`, { method: 'POST', body: JSON.stringify({ now: iso }) });
  expect(r.status).toBe(200);
};
const register = async (division?: string, subject = 'Forest cover data') => {
  const r = await api('POST', '/requests', {
    as: 'ict.officer',
    body: {
      channel: 'letter',
      requester: { name: 'Karma', email: 'karma@example.bt', kind: 'public' },
      subject,
      body: 'Please.',
      receivedAt: stack.clock.now().toISOString(),
    },
  });
  const id = r.body.id as string;
  if (division) await api('POST', `/requests/${id}/assign`, { as: 'ict.officer', body: { division } });
  await stack.settle();
  return { id, dueAt: r.body.dueAt as string };
};
const scan = async () => {
  const r = await api('POST', '/sla/scan', { as: 'ict.head', body: {} });
  expect(r.status).toBe(200);
  await stack.settle();
  return r.body as { breached: string[]; atRisk: string[]; alertsQueued: number };
};
const typesOf = async (id: string) =>
  (await api('GET', `/requests/${id}/history`, { as: 'auditor' })).body.events as {
    type: string;
    data: Record<string, unknown>;
  }[];
const digestsTo = async (email: string) =>
  (await outbox(stack)).filter(
    (m) => m.destination.to.includes(email) && m.subject.startsWith('Information requests:'),
  );

describe('the breach scan, moving the local clock', () => {
  it('flags at risk the day before, mails the division’s officers once, and the chief once when breached', async () => {
    // Prepare: received Monday 10:00, assigned to Legal: due Monday next week at 17:00
    await moveTo(at(0));
    const legal = await register('legal', 'Legal at-risk case');
    const unassigned = await register(undefined, 'Unassigned case');
    expect(legal.dueAt).toBe(computeDueDate(stack.agency.calendar, at(0), 5).dueAt);

    // Act: Friday (due Monday = the next working day) → at risk
    await moveTo(at(4));
    const friday = await scan();
    expect(friday.atRisk).toEqual(expect.arrayContaining([legal.id, unassigned.id]));
    expect(friday.breached).toEqual([]);
    const officerDigests = await digestsTo('legal.officer@necs.example');
    expect(officerDigests).toHaveLength(1);
    expect(officerDigests[0]?.body.text).toContain(legal.id);
    expect((await digestsTo('ict.officer@necs.example'))[0]?.body.text).toContain(unassigned.id);

    // Act: Tuesday after the due date → breached; the chief of Legal, and the ICT chief for the unassigned one
    await moveTo(at(8));
    const tuesday = await scan();
    expect(tuesday.breached).toEqual(expect.arrayContaining([legal.id, unassigned.id]));
    const chief = await digestsTo('legal.chief@necs.example');
    expect(chief).toHaveLength(1);
    expect(chief[0]?.subject).toMatch(/^Information requests: 1 overdue, 0 due soon/);
    // The staff's words: who asked, the division's name, who holds it — no ids or stored values.
    expect(chief[0]?.body.text).toContain(
      `${legal.id} | Overdue | 1 working day(s) overdue | Legal at-risk case | Member of the public | Legal Division | Nobody yet |`,
    );
    const ictDigest = (await digestsTo('ict.head@necs.example'))[0]?.body ?? {};
    expect(ictDigest.text).toContain(
      `${unassigned.id} | Overdue | 1 working day(s) overdue | Unassigned case | Member of the public | No division yet | Nobody yet |`,
    );
    for (const mail of [chief[0]?.body.text ?? '', ictDigest.text ?? '', ictDigest.html ?? ''])
      expect(mail).not.toMatch(/\| (public|legal|unassigned) \||>(public|legal|unassigned)<|GET \/|POST \//);

    // Act: a second scan the same day sends nothing new and records nothing new
    const again = await scan();
    expect(again.breached).toEqual(expect.arrayContaining([legal.id]));
    expect(await digestsTo('legal.chief@necs.example')).toHaveLength(1);
    const events = await typesOf(legal.id);
    expect(events.filter((e) => e.type === 'SlaBreached')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'SlaAtRisk')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'BreachAlertSent').map((e) => e.data.kind)).toEqual(['at_risk', 'breached']);

    // Act: the same digest delivered again by the queue (past FIFO's deduplication window)
    const day = monday.plus({ days: 8 }).toISODate() as string;
    const job = {
      digestId: `${day}.legal.chief`,
      recipient: 'legal.chief',
      email: 'legal.chief@necs.example',
      day,
      items: [
        {
          requestId: legal.id,
          subject: 'Legal at-risk case',
          requesterKind: 'public',
          division: 'legal',
          assignee: null,
          dueAt: legal.dueAt,
          pausedAt: null,
          kind: 'breached',
          workingDaysOverdue: 1,
        },
      ],
    };
    await stack.sqs.client.send(
      new SendMessageCommand({
        QueueUrl: stack.sqs.queues.Alerts?.url,
        MessageBody: JSON.stringify(job),
        MessageGroupId: 'legal.chief',
        MessageDeduplicationId: `${job.digestId}-again`,
      }),
    );
    await stack.settle();
    expect(await digestsTo('legal.chief@necs.example')).toHaveLength(1);
  }, 60_000);

  it('escalates to the head of agency after three working days overdue, on working days only', async () => {
    // The requests above are overdue since Monday of week 2 (due at 17:00 on day 7)
    await moveTo(at(12, 11)); // Saturday: no mail goes out
    expect((await scan()).alertsQueued).toBe(0);
    await moveTo(at(14, 9)); // Monday of week 3: 5 working days overdue
    await scan();
    const head = await digestsTo('secretary@necs.example');
    expect(head).toHaveLength(1);
    expect(head[0]?.body.text).toMatch(/Overdue — escalated \| 5 working day\(s\) overdue/);
  }, 60_000);

  it('sends no alert for a request answered between the scan and the digest', async () => {
    await moveTo(at(21, 10)); // Monday of week 4
    const late = await register('ppd', 'Answered just in time');
    await api('POST', `/requests/${late.id}/consultations`, {
      as: 'spokesperson.ppd',
      body: { with: 'spokesperson', person: 'spokesperson.ppd', outcome: 'cleared' },
    });
    await moveTo(at(29, 10)); // due Monday (day 28) at 17:00; Tuesday: breached
    const before = (await digestsTo('ppd.chief@necs.example')).length;
    const r = await api('POST', '/sla/scan', { as: 'ict.head', body: {} }); // queued, not yet sent
    expect((r.body as { breached: string[] }).breached).toContain(late.id);
    await api('POST', `/requests/${late.id}/response`, {
      as: 'ppd.officer',
      body: { body: 'Here it is.', disposition: 'full' },
    });
    await stack.settle();
    const after = await digestsTo('ppd.chief@necs.example');
    expect(after.length - before === 0 || !after.at(-1)?.body.text?.includes(late.id)).toBe(true);
    expect((await typesOf(late.id)).filter((e) => e.type === 'BreachAlertSent')).toHaveLength(0);
  }, 60_000);

  it('records a breach once when scans run concurrently', async () => {
    await moveTo(at(35, 10));
    const r = await register('legal', 'Concurrent scans');
    await moveTo(at(44, 10));
    await Promise.all([stack.scan(), stack.scan(), stack.scan()]);
    expect((await typesOf(r.id)).filter((e) => e.type === 'SlaBreached')).toHaveLength(1);
  }, 60_000);
});

describe('holidays declared at run time', () => {
  it('move the due dates of open requests, and the history says why', async () => {
    await moveTo(at(49, 8)); // Monday of week 8, before office hours
    const r = await register('legal', 'Snow day');
    const snowDay = monday.plus({ days: 51 }).toISODate() as string; // Wednesday
    await moveTo(at(51, 7)); // Wednesday 07:00: the morning itself
    const declared = await api('POST', '/calendar/holidays', {
      as: 'ict.head',
      body: { date: snowDay, name: 'First snowfall' },
    });
    expect(declared.status).toBe(201);
    expect(declared.body.moved).toEqual(
      expect.arrayContaining([
        {
          requestId: r.id,
          previousDueAt: r.dueAt,
          dueAt: computeDueDate(stack.agency.calendar.withHoliday({ date: snowDay, name: 'x' }), at(49, 8), 5).dueAt,
        },
      ]),
    );
    const recalculated = (await typesOf(r.id)).find((e) => e.type === 'DueDateRecalculated');
    expect(recalculated?.data).toMatchObject({
      previousDueAt: r.dueAt,
      cause: { kind: 'holiday_declared', date: snowDay, name: 'First snowfall' },
    });
    expect(
      (await api('GET', `/calendar/due-date?receivedAt=${encodeURIComponent(at(51, 10))}`)).body.explanation,
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          date: snowDay,
          kind: 'skipped',
          reason: 'received on a public holiday: First snowfall',
        }),
      ]),
    );
    expect(
      (await api('POST', '/calendar/holidays', { as: 'legal.chief', body: { date: snowDay, name: 'x' } })).status,
    ).toBe(403);
  }, 60_000);
});
