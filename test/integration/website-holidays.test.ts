import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { dynamoReadModels } from '../../adapters/dynamodb/read-models.js';
import { changeHoliday } from '../../application/calendar-changes.js';
import { StoreUnavailableError } from '../../application/errors.js';
import { buildRegisteredWorkflows } from '../../application/workflows.js';
import type { WebsiteCommands } from '../../application/website/website-commands.js';
import type { LocalStack } from '../../local/stack.js';
import { as } from '../support/agency.js';
import { caller, outbox, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
/** A Monday at least a week ahead, 10:00 in Thimphu, with no holiday in the two weeks from it. */
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
    Array.from({ length: 14 }, (_, i) => m.plus({ days: i - 3 }).toISODate() as string).every((d) => !cal.holidayOn(d));
  while (!quiet(monday)) monday = monday.plus({ weeks: 1 });
}, 60_000);
afterAll(async () => stack.stop());

const at = (days: number, hour = 10) =>
  monday
    .plus({ days })
    .set({ hour, minute: 0, second: 0, millisecond: 0 })
    .toISO({ suppressMilliseconds: true }) as string;
const dayOf = (days: number) => monday.plus({ days }).toISODate() as string;
const moveTo = async (iso: string) =>
  expect(
    (await fetch(`${stack.apiUrl}/_local/clock`, { method: 'POST', body: JSON.stringify({ now: iso }) })).status,
  ).toBe(200);
const submit = async (as: string, title: string, eventDate: string) => {
  const r = await api('POST', '/website-updates', {
    as,
    body: { kind: 'event', title, body: 'What happened.', eventDate },
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
};
const viewOf = async (id: string) =>
  (await api('GET', `/website-updates/${id}`, { as: 'ict.officer' })).body as {
    submissionDueAt: string;
    publicationDueAt: string | null;
    sla: { current: string };
  };
const recalculations = async (id: string) =>
  (await stack.core.websiteCommands.load(id)).events
    .filter((e) => e.type === 'WebsiteDueDateRecalculated')
    .map((e) => e.event.data);

describe('a holiday declared at run time, with website updates under way', () => {
  it('moves the running clock of every update it touches, and the one waiting with ICT, and moves them back when withdrawn', async () => {
    // Prepare: Monday. A returned update (Legal's clock, due Tuesday 17:00), one ICT confirmed complete
    // (ICT's clock, due Tuesday 17:00) and one ICT has not checked yet (for an event today: due Wednesday 17:00).
    await moveTo(at(0));
    const returned = await submit('legal.officer', 'Workshop in Thimphu', dayOf(-3));
    const complete = await submit('ppd.officer', 'Consultation on the waste strategy', dayOf(-1));
    const waiting = await submit('legal.chief', 'Signing of the memorandum', dayOf(0));
    await moveTo(at(0, 11));
    expect(
      (await api('POST', `/website-updates/${returned}/return`, { as: 'ict.officer', body: { reason: 'No caption' } }))
        .status,
    ).toBe(200);
    expect((await api('POST', `/website-updates/${complete}/complete`, { as: 'ict.officer', body: {} })).status).toBe(
      200,
    );
    await stack.settle();
    expect((await viewOf(returned)).submissionDueAt).toBe(at(1, 17));
    expect((await viewOf(complete)).publicationDueAt).toBe(at(1, 17));
    expect((await viewOf(waiting)).submissionDueAt).toBe(at(2, 17));

    // Act: the admin declares Tuesday a holiday
    const declared = await api('POST', '/calendar/holidays', {
      as: 'ict.head',
      body: { date: dayOf(1), name: 'Snow day' },
    });

    // Assess: each pending date moves a working day later, the reply and the histories say so, once
    expect(declared.status).toBe(201);
    expect(declared.body.websiteMoved).toEqual(
      expect.arrayContaining([
        { updateId: returned, clock: 'submission', previousDueAt: at(1, 17), dueAt: at(2, 17) },
        { updateId: complete, clock: 'publication', previousDueAt: at(1, 17), dueAt: at(2, 17) },
        { updateId: waiting, clock: 'submission', previousDueAt: at(2, 17), dueAt: at(3, 17) },
      ]),
    );
    await stack.settle();
    expect((await viewOf(returned)).submissionDueAt).toBe(at(2, 17));
    expect((await viewOf(complete)).publicationDueAt).toBe(at(2, 17));
    expect((await viewOf(waiting)).submissionDueAt).toBe(at(3, 17));
    expect(await recalculations(complete)).toEqual([
      {
        clock: 'publication',
        previousDueAt: at(1, 17),
        dueAt: at(2, 17),
        cause: { kind: 'holiday_declared', date: dayOf(1), name: 'Snow day' },
      },
    ]);
    const again = await api('POST', '/calendar/holidays', {
      as: 'ict.head',
      body: { date: dayOf(1), name: 'Snow day' },
    });
    expect(again.status).toBe(200);
    expect(again.body.websiteMoved).toEqual([]);
    expect(await recalculations(complete)).toHaveLength(1);

    // Withdrawn the same day (a day that has not passed): the dates move back; declared again, they move again
    const withdrawn = await api('POST', `/calendar/holidays/${dayOf(1)}/withdraw`, {
      as: 'ict.head',
      body: { reason: 'Declared in error' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.websiteMoved).toEqual(
      expect.arrayContaining([
        { updateId: complete, clock: 'publication', previousDueAt: at(2, 17), dueAt: at(1, 17) },
      ]),
    );
    await stack.settle();
    expect((await viewOf(complete)).publicationDueAt).toBe(at(1, 17));
    expect(
      (await api('POST', '/calendar/holidays', { as: 'ict.head', body: { date: dayOf(1), name: 'Snow day' } })).status,
    ).toBe(201);
    await stack.settle();

    // Wednesday 09:00: neither clock is breached (both are due tonight, not last night): at risk
    await moveTo(at(2, 9));
    const scan = await api('POST', '/sla/scan', { as: 'ict.head', body: {} });
    expect(scan.body.breached).not.toContain(returned);
    expect(scan.body.breached).not.toContain(complete);
    expect(scan.body.atRisk).toEqual(expect.arrayContaining([returned, complete]));
  }, 90_000);

  it('is finished by declaring it again when it stopped half-way through the website updates', async () => {
    // Prepare: two updates with ICT's clock running, due the Tuesday of the week after
    await moveTo(at(7));
    const ids = [
      await submit('legal.officer', 'Field visit to Paro', dayOf(6)),
      await submit('ppd.officer', 'Launch of the annual report', dayOf(6)),
    ];
    for (const id of ids)
      expect((await api('POST', `/website-updates/${id}/complete`, { as: 'ict.officer', body: {} })).status).toBe(200);
    await stack.settle();
    const readModels = dynamoReadModels(stack.doc, stack.tableNames.readModels);
    let calls = 0;
    const failing = new Proxy(stack.core.websiteCommands, {
      get(target, prop, receiver) {
        if (prop !== 'execute') return Reflect.get(target, prop, receiver) as unknown;
        return async (...args: Parameters<WebsiteCommands['execute']>) => {
          if (ids.includes(args[0]) && ++calls === 2)
            throw new StoreUnavailableError('injected: the store stopped answering');
          return target.execute(...args);
        };
      },
    });
    const deps = (website: WebsiteCommands) => ({
      agencyCalendar: stack.core.agencyCalendar,
      readModels,
      workflows: buildRegisteredWorkflows(stack.core.workflowContext, { website }).sla,
    });
    const holiday = { type: 'DeclareHoliday' as const, date: dayOf(8), name: 'Blessed day' };

    // Act: the declaration is recorded, then the store fails after the first update moved; the admin declares it again
    await expect(changeHoliday(deps(failing), holiday, as('ict.head'), at(7, 12))).rejects.toThrow(
      StoreUnavailableError,
    );
    const resumed = await changeHoliday(deps(stack.core.websiteCommands), holiday, as('ict.head'), at(7, 12));

    // Assess: nothing recorded twice, each update moved once
    expect(resumed.recorded).toBe(false);
    expect(resumed.moved).toEqual([expect.objectContaining({ kind: 'website', clock: 'publication' })]);
    for (const id of ids)
      expect(await recalculations(id)).toEqual([
        expect.objectContaining({ clock: 'publication', previousDueAt: at(8, 17), dueAt: at(9, 17) }),
      ]);
  }, 90_000);
});

describe('the monthly report mail', () => {
  it('gives the head of agency the month’s website updates beside its requests, as the JSON report has them', async () => {
    // Prepare: two months on, a quiet Monday: one update published in time, one still with ICT
    let day = monday.plus({ weeks: 8 });
    while (![0, 1, 2].every((d) => stack.agency.calendar.isWorkingDay(day.plus({ days: d }).toISODate() as string)))
      day = day.plus({ weeks: 1 });
    const month = day.toFormat('yyyy-MM');
    await moveTo(day.toISO() as string);
    const published = await submit('legal.officer', 'Inauguration of the new office', day.toISODate() as string);
    await submit('ppd.officer', 'Stakeholder meeting', day.toISODate() as string);
    await api('POST', `/website-updates/${published}/complete`, { as: 'ict.officer', body: {} });
    await moveTo(day.plus({ days: 1 }).toISO() as string);
    await api('POST', `/website-updates/${published}/published`, {
      as: 'ict.head',
      body: { url: 'https://www.necs.example/news/new-office' },
    });
    await stack.settle();
    const json = await api('GET', `/reports/monthly?month=${month}`, { as: 'secretary' });
    expect(json.body.website).toMatchObject({
      submitted: 2,
      complete: 1,
      submittedOnTime: 1,
      published: 1,
      publishedOnTime: 1,
    });

    // Act: the first working day of the month after, 09:30 (the local clock stays in the month)
    let first = day.plus({ months: 1 }).startOf('month').set({ hour: 9, minute: 30 });
    while (!stack.agency.calendar.isWorkingDay(first.toISODate() as string)) first = first.plus({ days: 1 });
    expect(await stack.sendMonthlyReport(first.toJSDate())).toBe('sent');

    // Assess: the secretary's mail has the website section, in text and HTML
    const mail = (await outbox(stack)).find((m) => m.subject.startsWith(`Information requests, ${month}:`));
    expect(mail?.destination.to).toEqual(['secretary@necs.example']);
    expect(mail?.body.text).toContain(`Website updates submitted in ${month}`);
    expect(mail?.body.text).toMatch(/^Updates submitted: 2 \(\d+\)$/m);
    expect(mail?.body.text).toMatch(/^… within 1 working day of complete information: 1 \(\d+\)$/m);
    expect(mail?.body.html).toContain('<h3 style="margin:16px 0 4px">Website updates</h3>');
  }, 90_000);
});
