import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { provisionalBhutanHolidays } from '../../domain/calendar/bhutan-holidays.js';
import { computeDueDate } from '../../domain/calendar/due-date.js';
import type { LocalStack } from '../../local/stack.js';
import { as } from '../support/agency.js';
import { caller, outbox, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
/** The next year still without an official list as the test starts (2027 when this was written). */
let next: number;

beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
  const now = DateTime.fromJSDate(stack.clock.now(), { zone: 'Asia/Thimphu' });
  next = now.month === 12 ? now.year + 2 : now.year + 1;
}, 60_000);
afterAll(async () => stack.stop());

const moveTo = async (iso: string) => {
  const r = await fetch(`${stack.apiUrl}/_local/clock`, { method: 'POST', body: JSON.stringify({ now: iso }) });
  expect(r.status).toBe(200);
};
/** The first working day on or after a date, at 10:00 in Thimphu. */
const workingDayFrom = (date: string) => {
  let day = date;
  while (!stack.agency.calendar.isWorkingDay(day)) day = stack.agency.calendar.addDays(day, 1);
  return `${day}T10:00:00+06:00`;
};

describe('holidays by year over the API', () => {
  it('lists a year’s holidays for anyone, official or provisional, with their region', async () => {
    // Act
    const official = await api('GET', '/calendar/holidays?year=2026');
    const computed = await api('GET', `/calendar/holidays?year=${next}`);
    // Assess
    expect(official.status).toBe(200);
    expect(official.body).toMatchObject({ year: 2026, status: 'official' });
    expect(official.body.holidays).toContainEqual({
      date: '2026-09-21',
      name: 'Thimphu Tshechu',
      region: 'thimphu',
      status: 'official',
    });
    expect(official.body.holidays).toContainEqual({ date: '2026-10-21', name: 'Dashain', status: 'official' });
    expect(computed.body).toMatchObject({ year: next, status: 'provisional' });
    expect((computed.body.holidays as { status: string }[]).every((h) => h.status === 'provisional')).toBe(true);
    expect((await api('GET', '/calendar/holidays?year=twenty')).status).toBe(400);
    expect((await api('GET', '/calendar/holidays')).status).toBe(400);
  });

  it('tells the admins from 1 December that next year is still provisional', async () => {
    // Act: the first working day of December before `next`
    await moveTo(workingDayFrom(`${next - 1}-12-01`));
    const scan = await api('POST', '/sla/scan', { as: 'ict.head', body: {} });
    await stack.settle();
    // Assess
    expect(scan.status).toBe(200);
    const notices = (await outbox(stack)).filter(
      (m) =>
        m.destination.to.includes('ict.head@necs.example') && m.subject.startsWith('Request Desk: calendar notice'),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body.text).toContain(`${next}'s official holiday list is not recorded yet`);
    expect(
      (await outbox(stack)).some(
        (m) => m.destination.to.includes('legal.chief@necs.example') && m.subject.includes('calendar notice'),
      ),
    ).toBe(false);
  });

  it('records the official list (admins only) and moves open due dates, naming the cause', async () => {
    // Prepare: a request received on the first working day of `next`, under the computed calendar
    const receivedAt = workingDayFrom(`${next}-01-01`);
    await moveTo(receivedAt);
    const created = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'letter',
        requester: { name: 'Karma', email: 'karma@example.bt', kind: 'public' },
        subject: 'Air quality',
        body: 'Please.',
        receivedAt,
      },
    });
    expect(created.status).toBe(201);
    await stack.settle();
    const id = created.body.id as string;
    const explained = await api('GET', `/calendar/due-date?receivedAt=${encodeURIComponent(receivedAt)}`);
    expect((explained.body.explanation as { provisional?: boolean }[]).some((l) => l.provisional)).toBe(true);
    // The official list, as if the Traditional Day of Offering were not a holiday that year
    const holidays = provisionalBhutanHolidays(next).filter((h) => h.name !== 'Traditional Day of Offering');
    const list = { source: `Ministry of Home Affairs, government holidays for ${next}`, holidays };
    const before = computeDueDate(stack.agency.calendar, receivedAt, 5).dueAt;
    const after = computeDueDate(stack.agency.calendar.withOfficialYear(next, holidays), receivedAt, 5).dueAt;
    expect(created.body.dueAt).toBe(before);
    if (next === 2027) expect([before, after]).toEqual(['2027-01-11T17:00:00+06:00', '2027-01-08T17:00:00+06:00']);

    // Act
    const refused = await api('POST', `/calendar/years/${next}/official`, { as: 'legal.chief', body: list });
    const badRegion = await api('POST', `/calendar/years/${next}/official`, {
      as: 'ict.head',
      body: { ...list, holidays: [{ date: `${next}-10-10`, name: 'Thimphu Tshechu', region: 'Thimphu' }] },
    });
    const recorded = await api('POST', `/calendar/years/${next}/official`, { as: 'ict.head', body: list });
    await stack.settle();
    const again = await api('POST', `/calendar/years/${next}/official`, { as: 'ict.head', body: list });

    // Assess
    expect(refused.status).toBe(403);
    expect(badRegion.status).toBe(400);
    expect(badRegion.body.error?.message).toMatch(/write "thimphu"/);
    expect(recorded.status).toBe(201);
    expect(recorded.body.moved).toEqual(
      before === after ? [] : [{ requestId: id, previousDueAt: before, dueAt: after }],
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ recorded: false, moved: [] });
    const listed = await api('GET', `/calendar/holidays?year=${next}`);
    expect(listed.body.status).toBe('official');
    expect((listed.body.holidays as { status: string }[]).every((h) => h.status === 'official')).toBe(true);
    const view = await api('GET', `/requests/${id}`, { as: 'ict.officer' });
    expect(view.body.dueAt).toBe(after);
    const history = (await api('GET', `/requests/${id}/history`, { as: 'auditor' })).body.events as {
      type: string;
      data: Record<string, unknown>;
    }[];
    if (before !== after) {
      expect(history.find((e) => e.type === 'DueDateRecalculated')?.data).toEqual({
        previousDueAt: before,
        dueAt: after,
        cause: { kind: 'official_list_recorded', year: next, name: `official holiday list for ${next}` },
      });
    }
  });

  it('finishes a recording interrupted after the list was stored when the same list is sent again', async () => {
    // Prepare: a request under the computed calendar of the year after, then the list stored with no request moved (a crash)
    const year = next + 1;
    const receivedAt = workingDayFrom(`${year}-01-01`);
    await moveTo(receivedAt);
    const created = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'letter',
        requester: { name: 'Karma', email: 'karma@example.bt', kind: 'public' },
        subject: 'Water',
        body: 'Please.',
        receivedAt,
      },
    });
    await stack.settle();
    const id = created.body.id as string;
    const workingDays = Array.from({ length: 20 }, (_, i) =>
      stack.agency.calendar.addDays(receivedAt.slice(0, 10), i),
    ).filter((d) => d > receivedAt.slice(0, 10) && stack.agency.calendar.isWorkingDay(d));
    const holidays = [
      ...provisionalBhutanHolidays(year),
      { date: workingDays[1] as string, name: 'Extra holiday in the official list' },
    ];
    const list = { source: `Ministry of Home Affairs, government holidays for ${year}`, holidays };
    await stack.core.agencyCalendar.change({
      type: 'RecordOfficialHolidays',
      data: { year, ...list },
      metadata: { now: receivedAt, actor: as('ict.head') },
    });
    const after = computeDueDate(stack.agency.calendar.withOfficialYear(year, holidays), receivedAt, 5).dueAt;
    expect((await api('GET', `/requests/${id}`, { as: 'ict.officer' })).body.dueAt).not.toBe(after);

    // Act
    const retry = await api('POST', `/calendar/years/${year}/official`, { as: 'ict.head', body: list });
    await stack.settle();

    // Assess
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ recorded: false, moved: [{ requestId: id, dueAt: after }] });
    expect((await api('GET', `/requests/${id}`, { as: 'ict.officer' })).body.dueAt).toBe(after);
  });
});
