import { describe, expect, it } from '@jest/globals';
import { computeDueDate, workingDaysBetween } from '../../../domain/calendar/due-date.js';
import { WorkingCalendar } from '../../../domain/calendar/working-calendar.js';
import { necs } from '../../support/agency.js';

const cal = necs.calendar;
const due = (receivedAt: string) => computeDueDate(cal, receivedAt, 5).dueAt;

describe('due date under the NECS calendar (Asia/Thimphu, Mon–Fri, 09:00–17:00, Bhutan holidays)', () => {
  it.each([
    ['a Friday morning: counts Mon–Fri of the next week', '2026-11-20T10:00:00+06:00', '2026-11-27T17:00:00+06:00'],
    ['after close on Friday: day 0 is Monday', '2026-11-20T17:30:00+06:00', '2026-11-30T17:00:00+06:00'],
    ['exactly at close of office counts as after close', '2026-11-20T17:00:00+06:00', '2026-11-30T17:00:00+06:00'],
    ['before the office opens: the same day is day 0', '2026-11-23T07:00:00+06:00', '2026-11-30T17:00:00+06:00'],
    ['on a Saturday: day 0 is Monday', '2026-11-21T11:00:00+06:00', '2026-11-30T17:00:00+06:00'],
    ['20:00 UTC Thursday is already Friday 02:00 in Thimphu', '2026-11-19T20:00:00Z', '2026-11-27T17:00:00+06:00'],
    ['11:00 UTC Friday is 17:00 in Thimphu: after close', '2026-11-20T11:00:00Z', '2026-11-30T17:00:00+06:00'],
    [
      'a holiday inside the count (Fourth King, 11 Nov) is skipped',
      '2026-11-10T10:00:00+06:00',
      '2026-11-18T17:00:00+06:00',
    ],
    ['received on a holiday: day 0 is the next working day', '2026-11-11T10:00:00+06:00', '2026-11-19T17:00:00+06:00'],
    ['National Day (17 Dec) is skipped', '2026-12-15T10:00:00+06:00', '2026-12-23T17:00:00+06:00'],
    [
      'across the year boundary (2 Jan 2027 is a Saturday and Nyilo)',
      '2026-12-28T10:00:00+06:00',
      '2027-01-04T17:00:00+06:00',
    ],
    ['Losar and the King’s birthday in one week of 2026', '2026-02-17T10:00:00+06:00', '2026-02-27T17:00:00+06:00'],
    ['Thimphu Tshechu closes the Thimphu office', '2026-09-18T10:00:00+06:00', '2026-09-30T17:00:00+06:00'],
    ['a time without an offset is Thimphu time', '2026-11-20T10:00:00', '2026-11-27T17:00:00+06:00'],
  ])('%s', (_why, receivedAt, expected) => {
    expect(due(receivedAt)).toBe(expected);
  });

  it('does not skip another region’s tshechu', () => {
    // Prepare: the same holidays, but an office in Paro
    const paro = new WorkingCalendar({ ...necs.config.calendar, region: 'paro' }, [
      { date: '2026-09-21', name: 'Thimphu Tshechu', region: 'thimphu' },
      { date: '2026-09-22', name: 'Thimphu Tshechu', region: 'thimphu' },
      { date: '2026-09-23', name: 'Blessed Rainy Day' },
    ]);
    // Act / Assess
    expect(computeDueDate(paro, '2026-09-18T10:00:00+06:00', 5).dueAt).toBe('2026-09-28T17:00:00+06:00');
  });

  it('explains day 0 and each day counted or skipped, with why', () => {
    // Act
    const result = computeDueDate(cal, '2026-11-10T18:30:00+06:00', 5);
    // Assess
    expect(result.dayZero).toBe('2026-11-12');
    expect(result.explanation.map((l) => [l.date, l.kind, l.reason])).toEqual([
      ['2026-11-10', 'skipped', 'received after close of office (17:00)'],
      ['2026-11-11', 'skipped', 'public holiday: Birth Anniversary of the Fourth Druk Gyalpo (Constitution Day)'],
      ['2026-11-12', 'day_zero', 'first working day after receipt'],
      ['2026-11-13', 'counted', 'working day 1 of 5'],
      ['2026-11-14', 'skipped', 'weekend (Saturday)'],
      ['2026-11-15', 'skipped', 'weekend (Sunday)'],
      ['2026-11-16', 'counted', 'working day 2 of 5'],
      ['2026-11-17', 'counted', 'working day 3 of 5'],
      ['2026-11-18', 'counted', 'working day 4 of 5'],
      ['2026-11-19', 'counted', 'working day 5 of 5'],
    ]);
    expect(result.dueAt).toBe('2026-11-19T17:00:00+06:00');
  });

  it('refuses what is not a date, saying so', () => {
    expect(() => due('next tuesday')).toThrow(/not an ISO-8601 date-time: next tuesday/);
    expect(() => due('2026-02-30T10:00:00+06:00')).toThrow(RangeError);
  });

  it('refuses a calendar with no working days instead of looping forever', () => {
    // Prepare: only Mondays are working days, and every Monday for eleven years is a holiday
    const mondaysOnly = { ...necs.config.calendar, workingWeekdays: [1] };
    const everyMondayOff = Array.from({ length: 600 }, (_, i) => ({
      date: cal.addDays('2026-11-23', i * 7),
      name: 'closed',
    }));
    // Act / Assess
    expect(computeDueDate(new WorkingCalendar(mondaysOnly, []), '2026-11-20T10:00:00+06:00', 5).dueAt).toBe(
      '2026-12-28T17:00:00+06:00',
    );
    expect(() =>
      computeDueDate(new WorkingCalendar(mondaysOnly, everyMondayOff), '2026-11-20T10:00:00+06:00', 5),
    ).toThrow(/no working day within/);
  });
});

describe('working days between two instants (for reports)', () => {
  it.each([
    ['answered on day 0', '2026-11-20T10:00:00+06:00', '2026-11-20T16:00:00+06:00', 0],
    ['answered the next Monday', '2026-11-20T10:00:00+06:00', '2026-11-23T09:30:00+06:00', 1],
    ['answered at the due date', '2026-11-20T10:00:00+06:00', '2026-11-27T17:00:00+06:00', 5],
    ['received after hours, answered next working day', '2026-11-20T18:00:00+06:00', '2026-11-23T12:00:00+06:00', 0],
    ['a holiday in between does not count', '2026-11-10T10:00:00+06:00', '2026-11-12T10:00:00+06:00', 1],
  ])('%s', (_why, from, to, expected) => {
    expect(workingDaysBetween(cal, from, to)).toBe(expected);
  });
});
