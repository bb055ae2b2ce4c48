import { describe, expect, it } from '@jest/globals';
import { WorkingCalendar, type CalendarHoliday } from '../../../domain/calendar/working-calendar.js';
import { necs } from '../../support/agency.js';

// The agency's working calendar as an admin and a chief meet it: which days are off and why, where holidays
// come from (the official list, a computed one, declared at run time), and what each change does to the rest.

const settings = necs.config.calendar; // Asia/Thimphu, Monday to Friday, office in Thimphu
const calendarOf = (holidays: readonly CalendarHoliday[], provisional?: (year: number) => CalendarHoliday[]) =>
  new WorkingCalendar(settings, holidays, {
    officialYears: new Set([2026]),
    ...(provisional ? { provisional } : {}),
  });
/** A computed list: a "Computed Day" on 1 March of every year. */
const computed = (year: number): CalendarHoliday[] => [{ date: `${year}-03-01`, name: 'Computed Day' }];

describe('which days are off, and why', () => {
  it('refuses a date written with anything before or after it, or that does not exist', () => {
    const cal = calendarOf([]);
    for (const text of ['x2026-12-01', '2026-12-01x', '2026-13-01'])
      expect(() => cal.addDays(text, 1)).toThrow(`not a date: ${text}`);
  });

  it('keeps a regional holiday only where the office is', () => {
    const tshechu: CalendarHoliday = { date: '2026-09-21', name: 'Thimphu Tshechu', region: 'thimphu' };
    expect(calendarOf([tshechu]).isWorkingDay('2026-09-21')).toBe(false);
    expect(new WorkingCalendar({ ...settings, region: 'paro' }, [tshechu]).isWorkingDay('2026-09-21')).toBe(true);
  });

  it('names both holidays on one day, and says it is as sure as the surer of them', () => {
    const on = (...holidays: CalendarHoliday[]) =>
      calendarOf(holidays.map((h) => ({ ...h, date: '2026-12-01' }))).nonWorkingReason('2026-12-01');
    expect(on({ date: '', name: 'A', status: 'provisional' }, { date: '', name: 'B', status: 'declared' })).toEqual({
      kind: 'holiday',
      name: 'A; B',
      status: 'declared',
    });
    expect(on({ date: '', name: 'B', status: 'declared' }, { date: '', name: 'A', status: 'provisional' })).toEqual({
      kind: 'holiday',
      name: 'B; A',
      status: 'declared',
    });
    expect(on({ date: '', name: 'Listed' }, { date: '', name: 'Declared', status: 'declared' })).toEqual({
      kind: 'holiday',
      name: 'Listed; Declared',
      status: 'official',
    });
    expect(on({ date: '', name: 'Declared', status: 'declared' }, { date: '', name: 'Listed' })).toEqual({
      kind: 'holiday',
      name: 'Declared; Listed',
      status: 'official',
    });
  });

  it('calls a holiday from the list official', () => {
    expect(calendarOf([{ date: '2026-12-17', name: 'National Day' }]).nonWorkingReason('2026-12-17')).toEqual({
      kind: 'holiday',
      name: 'National Day',
      status: 'official',
    });
  });

  it('names a declared holiday and a computed one on the same day together', () => {
    const cal = calendarOf([{ date: '2027-03-01', name: 'Snow day', status: 'declared' }], computed);
    expect(cal.holidayOn('2027-03-01')).toEqual({
      date: '2027-03-01',
      name: 'Snow day; Computed Day',
      status: 'declared',
    });
  });

  it('says when no working day can be found, instead of searching for ever', () => {
    const never = new WorkingCalendar({ ...settings, workingWeekdays: [1] }, [], {});
    const allMondaysOff = new WorkingCalendar(
      { ...settings, workingWeekdays: [1] },
      Array.from({ length: 600 }, (_, i) => ({ date: never.addDays('2026-11-23', 7 * i), name: 'closed' })),
    );
    expect(() => allMondaysOff.nextWorkingDay('2026-11-20')).toThrow(
      'no working day within 3660 days after 2026-11-20: check the calendar settings',
    );
  });
});

describe('a year’s holidays and where they come from', () => {
  it('lists a year’s holidays by date, then by name, and none of another year', () => {
    const cal = calendarOf([
      { date: '2026-05-02', name: 'Zhabdrung Kuchoe' },
      { date: '2026-05-02', name: 'Birth Anniversary of the Third Druk Gyalpo' },
      { date: '2027-01-02', name: 'Winter Solstice (Nyilo)' },
      { date: '2026-01-02', name: 'Winter Solstice (Nyilo)' },
    ]);
    expect(cal.holidaysOf(2026).map((h) => `${h.date} ${h.name} ${h.status}`)).toEqual([
      '2026-01-02 Winter Solstice (Nyilo) official',
      '2026-05-02 Birth Anniversary of the Third Druk Gyalpo official',
      '2026-05-02 Zhabdrung Kuchoe official',
    ]);
  });

  it('computes the holidays of a year without an official list, and only when it can', () => {
    const cal = calendarOf([], computed);
    expect(cal.isProvisionalYear(2027)).toBe(true);
    expect(cal.isProvisionalYear(2026)).toBe(false);
    expect(cal.holidaysOf(2027)).toEqual([{ date: '2027-03-01', name: 'Computed Day', status: 'provisional' }]);
    expect(calendarOf([]).isProvisionalYear(2027)).toBe(false);
    expect(calendarOf([]).holidaysOf(2027)).toEqual([]);
  });

  it('withdraws only the holiday of that date, computed ones included', () => {
    const cal = calendarOf(
      [
        { date: '2026-12-01', name: 'Snow day', status: 'declared' },
        { date: '2026-12-02', name: 'Second snow day', status: 'declared' },
      ],
      computed,
    );
    const after = cal.withoutHoliday('2026-12-01').withoutHoliday('2027-03-01');
    expect(['2026-12-01', '2026-12-02', '2027-03-01'].map((d) => after.isWorkingDay(d))).toEqual([true, false, true]);
    expect(after.holidaysOf(2026).map((h) => h.name)).toEqual(['Second snow day']);
  });

  it('makes a withdrawn date a holiday again when one is declared on it, and only that date', () => {
    const cal = calendarOf([
      { date: '2026-12-01', name: 'Snow day', status: 'declared' },
      { date: '2026-12-02', name: 'Second snow day', status: 'declared' },
    ])
      .withoutHoliday('2026-12-01')
      .withoutHoliday('2026-12-02')
      .withHoliday({ date: '2026-12-01', name: 'Snow day after all', status: 'declared' });
    expect(cal.nonWorkingReason('2026-12-01')).toEqual({
      kind: 'holiday',
      name: 'Snow day after all',
      status: 'declared',
    });
    expect(cal.isWorkingDay('2026-12-02')).toBe(true);
  });

  it('takes a year’s official list in place of that year’s list and computed days, keeping declared days and other years', () => {
    const cal = calendarOf(
      [
        { date: '2027-01-02', name: 'Old list entry' },
        { date: '2027-01-05', name: 'Snow day', status: 'declared' },
        { date: '2028-01-02', name: 'Next year' },
      ],
      computed,
    )
      .withoutHoliday('2027-01-08')
      .withoutHoliday('2028-01-02')
      .withOfficialYear(2027, [{ date: '2027-01-08', name: 'Traditional Day of Offering' }]);
    expect(cal.isProvisionalYear(2027)).toBe(false);
    expect(cal.holidaysOf(2027).map((h) => `${h.date} ${h.name} ${h.status}`)).toEqual([
      '2027-01-05 Snow day declared',
      '2027-01-08 Traditional Day of Offering official',
    ]);
    // the old list's day and the computed day are gone; a date withdrawn before the list came is on it again
    expect(['2027-01-02', '2027-03-01', '2027-01-08'].map((d) => cal.holidayOn(d)?.name)).toEqual([
      undefined,
      undefined,
      'Traditional Day of Offering',
    ]);
    // another year's withdrawal stays
    expect(cal.holidayOn('2028-01-02')).toBeUndefined();
  });
});
