import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mailJobFor } from '../../application/mail-jobs.js';
import { provisionalBhutanHolidays } from '../../domain/calendar/bhutan-holidays.js';
import { sendMailJob } from '../../application/send-mail.js';
import { sesSender } from '../../adapters/ses/ses-sender.js';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { RequestEvent } from '../../events/request-events.js';
import type { LocalStack } from '../../local/stack.js';
import { caller, outbox, startTestStack, type Reply } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack(); // Monday 23 November 2026, 09:00 in Thimphu
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const ok = (r: Reply) => {
  if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r;
};
const register = async (subject: string, email: string) => {
  const created = ok(
    await api('POST', '/requests', {
      as: 'ict.officer',
      body: { channel: 'web', requester: { name: 'Tashi', email, kind: 'public' }, subject, body: 'Please.' },
    }),
  );
  const id = created.body.id as string;
  ok(
    await api('POST', `/requests/${id}/assign`, {
      as: 'ict.officer',
      body: { division: 'legal', assignee: 'legal.officer' },
    }),
  );
  await stack.settle();
  return id;
};
const newDateMails = async (id: string) =>
  (await outbox(stack)).filter((m) => m.subject.startsWith('New due date:') && m.subject.includes(`[${id}]`));

describe('the requester is told when their due date moves', () => {
  it('by an extension: one mail with the new date and the reason, in the acknowledgment’s style', async () => {
    const id = await register('Effluent tests 2025', 'tashi.1@example.bt');
    // Act
    ok(
      await api('POST', `/requests/${id}/extension`, {
        as: 'legal.chief',
        body: { workingDays: 2, reason: 'The laboratory results come from Phuentsholing.' },
      }),
    );
    await stack.settle();
    await stack.settle();
    // Assess
    const mails = await newDateMails(id);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    const ack = (await outbox(stack)).find((m) => m.subject.startsWith('Received:') && m.subject.includes(`[${id}]`));
    expect(mail.subject).toBe(`New due date: [${id}] Effluent tests 2025`);
    expect(mail.destination.to).toEqual(['tashi.1@example.bt']);
    expect(mail.replyTo).toEqual(ack?.replyTo);
    expect(mail.body.text).toContain('We will now respond by Wednesday, 2 December 2026, 17:00');
    expect(mail.body.text).toContain('the date we gave you before was Monday, 30 November 2026, 17:00');
    expect(mail.body.text).toContain(
      'extended the time to respond by 2 working days, for this reason: The laboratory results come from Phuentsholing.',
    );
  }, 60_000);

  it('by a holiday declared and withdrawn: one mail each, saying which day and why; safe to send twice', async () => {
    const id = await register('Noise readings 2025', 'tashi.2@example.bt');
    // Act: Wednesday declared a holiday, then withdrawn
    ok(
      await api('POST', '/calendar/holidays', { as: 'ict.head', body: { date: '2026-11-25', name: 'First snowfall' } }),
    );
    await stack.settle();
    ok(
      await api('POST', '/calendar/holidays/2026-11-25/withdraw', {
        as: 'ict.head',
        body: { reason: 'Declared in error' },
      }),
    );
    await stack.settle();
    await stack.settle();
    // Assess: two moves, two mails
    const mails = await newDateMails(id);
    expect(mails.map((m) => m.body.text)).toEqual([
      expect.stringContaining('Wednesday, 25 November 2026 has been declared a public holiday (First snowfall)'),
      expect.stringContaining(
        'The holiday on Wednesday, 25 November 2026 has been withdrawn, so that day is a working day again.',
      ),
    ]);
    expect(mails[0]?.body.text).toContain('We will now respond by Tuesday, 1 December 2026, 17:00');
    // The mailer run again for a move already told sends nothing
    const { events } = await stack.core.commands.load(id);
    const moved = events.find((e) => e.event.type === 'DueDateRecalculated')!;
    const job = mailJobFor(id, moved.version, moved.event as RequestEvent)!;
    const send = sesSender(
      new SESv2Client({
        endpoint: stack.sesUrl,
        region: 'aws-ses-v2-local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    expect(
      await sendMailJob(
        {
          store: stack.core.store,
          decider: stack.core.decider,
          objects: stack.objects,
          send,
          agency: stack.agency,
          replySecret: stack.replySecret,
          now: stack.clock.now,
        },
        job,
      ),
    ).toBe('already_sent');
    expect(await newDateMails(id)).toHaveLength(2);
  }, 60_000);

  it('by a year’s official list: one mail naming the year', async () => {
    // Prepare: a request received on the first working day of 2027, due under the computed (provisional) calendar
    let day = '2027-01-01';
    while (!stack.agency.calendar.isWorkingDay(day)) day = stack.agency.calendar.addDays(day, 1);
    stack.clock.moveTo(new Date(`${day}T10:00:00+06:00`));
    const id = await register('Glacier retreat', 'tashi.3@example.bt');
    // Act: the official list, as if the Traditional Day of Offering were not a holiday that year
    const holidays = provisionalBhutanHolidays(2027).filter((h) => h.name !== 'Traditional Day of Offering');
    const recorded = ok(
      await api('POST', '/calendar/years/2027/official', {
        as: 'ict.head',
        body: { source: 'Ministry of Home Affairs, government holidays for 2027', holidays },
      }),
    );
    await stack.settle();
    await stack.settle();
    // Assess: the date moved, and the requester was told once, with why
    expect(recorded.body.moved).toEqual([expect.objectContaining({ requestId: id })]);
    const mails = await newDateMails(id);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain(
      "The government's official list of public holidays for 2027 has been published",
    );
  }, 60_000);

  it('the mail an official list calls for is one per move', () => {
    const event = {
      type: 'DueDateRecalculated',
      schemaVersion: 1,
      occurredAt: '2027-01-04T10:00:00+06:00',
      actor: { kind: 'system', component: 'calendar' },
      data: {
        previousDueAt: '2027-01-11T17:00:00+06:00',
        dueAt: '2027-01-08T17:00:00+06:00',
        cause: { kind: 'official_list_recorded', year: 2027 },
      },
    } as RequestEvent;
    expect(mailJobFor('NECS-2027-00001', 7, event)).toEqual({
      mailId: 'NECS-2027-00001.v7',
      requestId: 'NECS-2027-00001',
      version: 7,
      purpose: 'due_date_moved',
    });
    expect(
      mailJobFor('NECS-2027-00001', 7, {
        ...event,
        data: { ...event.data, dueAt: '2027-01-11T17:00:00+06:00' },
      } as RequestEvent),
    ).toBeUndefined();
  });
});
