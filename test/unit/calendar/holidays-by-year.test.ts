import { describe, expect, it } from '@jest/globals';
import { computeDueDate } from '../../../domain/calendar/due-date.js';
import {
  decideCalendar,
  evolveCalendar,
  initialCalendarState,
  type CalendarCommand,
  type OfficialHoliday,
} from '../../../domain/calendar/calendar-decider.js';
import { calendarNotices } from '../../../domain/calendar/holiday-notices.js';
import { provisionalBhutanHolidays } from '../../../domain/calendar/bhutan-holidays.js';
import { noticeDigests } from '../../../domain/sla/digests.js';
import type { CalendarEvent } from '../../../events/calendar-events.js';
import { parseCalendarEvent } from '../../../events/catalogue.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { as, necs } from '../../support/agency.js';

const cal = necs.calendar;
const due = (receivedAt: string) => computeDueDate(cal, receivedAt, 5);

const record = (year: number, holidays: readonly OfficialHoliday[], by = 'ict.head'): CalendarCommand => ({
  type: 'RecordOfficialHolidays',
  data: { year, source: `MoHA list of government holidays for ${year}`, holidays },
  metadata: { now: '2026-11-25T10:00:00+06:00', actor: as(by) },
});
const fold = (events: readonly CalendarEvent[] | DomainError, state = initialCalendarState(cal)) => {
  if (events instanceof DomainError) throw events;
  return events.reduce(evolveCalendar, state);
};
/** 2027's computed list without the Traditional Day of Offering, as if the official list moved it. */
const officialWithoutOffering = provisionalBhutanHolidays(2027).filter((h) => h.date !== '2027-01-08');

describe('holidays by year: official where the list is in, computed (provisional) where not', () => {
  it('lists each year’s holidays with their status', () => {
    expect(cal.isProvisionalYear(2026)).toBe(false);
    expect(cal.isProvisionalYear(2027)).toBe(true);
    expect(cal.holidaysOf(2026).every((h) => h.status === 'official')).toBe(true);
    expect(cal.holidaysOf(2027).every((h) => h.status === 'provisional')).toBe(true);
    expect(cal.holidaysOf(2027)).toContainEqual({
      date: '2027-10-10',
      name: 'Thimphu Tshechu',
      region: 'thimphu',
      status: 'provisional',
    });
    expect(cal.holidaysOf(2031).length).toBeGreaterThan(15);
  });

  it.each([
    [
      'late December 2026, all official, ends on New Year’s Eve',
      '2026-12-24T10:00:00+06:00',
      '2026-12-31T17:00:00+06:00',
    ],
    [
      'over the new year: Nyilo is a Saturday, due Thursday 7 Jan',
      '2026-12-31T10:00:00+06:00',
      '2027-01-07T17:00:00+06:00',
    ],
    ['8 Jan 2027 (Traditional Day of Offering) is skipped', '2027-01-01T10:00:00+06:00', '2027-01-11T17:00:00+06:00'],
    [
      'received after close on 31 Dec: day 0 is 1 Jan, 8 Jan skipped',
      '2026-12-31T17:30:00+06:00',
      '2027-01-11T17:00:00+06:00',
    ],
    ['Losar 2027 (Sun 7 and Mon 8 Feb): Monday is skipped', '2027-02-04T10:00:00+06:00', '2027-02-12T17:00:00+06:00'],
  ])('due dates across the year boundary: %s', (_why, receivedAt, expected) => {
    expect(due(receivedAt).dueAt).toBe(expected);
  });

  it('says in the explanation which days rest on the computed list', () => {
    // Act
    const lines = due('2027-01-01T10:00:00+06:00').explanation;
    // Assess
    expect(lines.find((l) => l.date === '2027-01-08')).toEqual({
      date: '2027-01-08',
      weekday: 'Fri',
      kind: 'skipped',
      provisional: true,
      reason:
        'public holiday: Traditional Day of Offering (provisional: computed from the Bhutanese calendar until the official list is in)',
    });
    expect(lines.find((l) => l.date === '2027-01-04')).toMatchObject({
      kind: 'counted',
      provisional: true,
      reason: "working day 1 of 5 (2027's official holiday list is not in yet)",
    });
    expect(due('2026-12-15T10:00:00+06:00').explanation.some((l) => l.provisional)).toBe(false);
  });

  it('records a year’s official list (admins only), which replaces the computed dates and moves due dates', () => {
    // Act
    const events = decideCalendar(record(2027, officialWithoutOffering), initialCalendarState(cal));
    const after = fold(events);
    // Assess
    expect(events).toEqual([
      expect.objectContaining({
        type: 'OfficialHolidaysRecorded',
        data: expect.objectContaining({ year: 2027, source: 'MoHA list of government holidays for 2027' }),
      }),
    ]);
    expect(parseCalendarEvent((events as CalendarEvent[])[0])).toEqual((events as CalendarEvent[])[0]);
    expect(after.calendar.isProvisionalYear(2027)).toBe(false);
    expect(after.calendar.holidayOn('2027-01-08')).toBeUndefined();
    expect(after.calendar.holidayOn('2027-01-02')).toMatchObject({ status: 'official' });
    expect(computeDueDate(after.calendar, '2027-01-01T10:00:00+06:00', 5).dueAt).toBe('2027-01-08T17:00:00+06:00');
    expect(computeDueDate(after.calendar, '2027-01-01T10:00:00+06:00', 5).explanation.some((l) => l.provisional)).toBe(
      false,
    );
    expect(
      (decideCalendar(record(2027, officialWithoutOffering, 'legal.chief'), initialCalendarState(cal)) as DomainError)
        .code,
    ).toBe('FORBIDDEN');
  });

  it('records nothing when the same list comes again, and a corrected list replaces the earlier one', () => {
    const first = fold(decideCalendar(record(2027, officialWithoutOffering), initialCalendarState(cal)));
    expect(decideCalendar(record(2027, officialWithoutOffering), first)).toEqual([]);
    const corrected = fold(
      decideCalendar(
        record(2027, [...officialWithoutOffering, { date: '2027-01-07', name: 'Traditional Day of Offering' }]),
        first,
      ),
      first,
    );
    expect(corrected.calendar.holidayOn('2027-01-07')).toMatchObject({
      name: 'Traditional Day of Offering',
      status: 'official',
    });
  });

  it('keeps holidays declared at run time when the official list comes in', () => {
    const declared = fold(
      decideCalendar(
        {
          type: 'DeclareHoliday',
          data: { date: '2027-01-13', name: 'First snowfall' },
          metadata: { now: '2027-01-13T07:00:00+06:00', actor: as('ict.head') },
        },
        initialCalendarState(cal),
      ),
    );
    expect(declared.calendar.holidayOn('2027-01-13')).toMatchObject({ status: 'declared' });
    const after = fold(decideCalendar(record(2027, officialWithoutOffering), declared), declared);
    expect(after.calendar.holidayOn('2027-01-13')).toMatchObject({ name: 'First snowfall', status: 'declared' });
    expect(after.calendar.holidaysOf(2027).filter((h) => h.status === 'declared')).toHaveLength(1);
  });

  it('refuses a list with a date outside its year or an unknown region, saying which', () => {
    const wrong = decideCalendar(
      record(2027, [
        { date: '2026-12-17', name: 'National Day' },
        { date: '2027-10-10', name: 'Thimphu Tshechu', region: 'Thimphu' },
      ]),
      initialCalendarState(cal),
    );
    expect(wrong).toBeInstanceOf(DomainError);
    expect((wrong as DomainError).code).toBe('INVALID_INPUT');
    expect((wrong as DomainError).message).toBe(
      'holidays[0]: 2026-12-17 is not in 2027; holidays[1]: unknown region "Thimphu": region ids are lowercase, write "thimphu"',
    );
  });
});

describe('the admins’ calendar notice', () => {
  it('from 1 December, while next year is provisional, and not before or after the list is in', () => {
    expect(calendarNotices(cal, '2026-11-30')).toEqual([]);
    expect(calendarNotices(cal, '2026-12-01')).toEqual([
      expect.stringMatching(
        /^2027's official holiday list is not recorded yet.*under Calendar, "Record the official list for 2027"/,
      ),
    ]);
    // Staff read it: no API path or method in it.
    expect(calendarNotices(cal, '2026-12-01').join(' ')).not.toMatch(/POST|GET|\/calendar\//);
    expect(calendarNotices(cal, '2025-12-15')).toEqual([]); // 2026's list is in
    const recorded = fold(decideCalendar(record(2027, officialWithoutOffering), initialCalendarState(cal)));
    expect(calendarNotices(recorded.calendar, '2026-12-01')).toEqual([]);
  });

  it('goes to each admin as a digest of its own on working days', () => {
    const digests = noticeDigests(cal, '2026-12-01', necs.directory);
    expect(digests.map((d) => [d.digestId, d.email, d.items.length, d.notices?.length])).toEqual([
      ['2026-12-01.ict.head.notices', 'ict.head@necs.example', 0, 1],
    ]);
    expect(noticeDigests(cal, '2026-12-05', necs.directory)).toEqual([]); // a Saturday
  });
});
