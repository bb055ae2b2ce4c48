import { describe, expect, it } from '@jest/globals';
import { holidaysOfYear, LUNAR, provisionalHolidaysFor } from '../../../domain/calendar/bhutan-holidays.js';
import { lunarDatesOf } from '../../../domain/calendar/bhutan-holidays-computed.js';
import { calendarNotices } from '../../../domain/calendar/holiday-notices.js';
import { authorizeCalendarChange, authorizeSlaScan } from '../../../domain/calendar/policy.js';
import { regionProblem } from '../../../domain/calendar/regions.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { as, necs } from '../../support/agency.js';

// What the calendar says to people: refusals, the admins' December notice, the hint for a region typed the
// wrong way, and which holidays a year's computed list holds.

describe('what the calendar tells people', () => {
  it('tells a chief why they may not change the calendar or run the breach scan', () => {
    const chief = as('legal.chief');
    expect((authorizeCalendarChange(chief) as DomainError).message).toBe(
      'only an admin may change the agency calendar',
    );
    expect((authorizeSlaScan(chief) as DomainError).message).toBe(
      'only an admin (or the scheduler) runs the breach scan',
    );
  });

  it('tells the admins in December which year’s official list is missing, and how to record it', () => {
    expect(calendarNotices(necs.calendar, '2026-12-07')).toEqual([
      "2027's official holiday list is not recorded yet: due dates in 2027 rest on holidays computed from the Bhutanese calendar (provisional). " +
        'When the Ministry of Home Affairs publishes the list, record it in Request Desk under Calendar, "Record the official list for 2027"; open requests\' due dates then move to match.',
    ]);
  });

  it.each([
    ['Samdrup  Jongkhar', 'samdrup-jongkhar'],
    ['samdrup_jongkhar', 'samdrup-jongkhar'],
    [' Trashi Yangtse ', 'trashiyangtse'],
    ['SamdrupJongkhar', 'samdrup-jongkhar'],
  ])('hints how to write the region “%s”', (typed, id) => {
    expect(regionProblem('BT', typed)).toBe(`unknown region "${typed}": region ids are lowercase, write "${id}"`);
  });

  it('lists the regions it knows when a region is not one of them', () => {
    expect(regionProblem('BT', 'Atlantis')).toMatch(/^unknown region "Atlantis": expected one of BT's 20 regions \(/);
  });
});

describe('a year’s computed holidays', () => {
  it('are computed for Bhutan only', () => {
    expect(provisionalHolidaysFor('BT')).toBeDefined();
    expect(provisionalHolidaysFor('bt')).toBeDefined();
    expect(provisionalHolidaysFor('IN')).toBeUndefined();
  });

  it('leave out a lunar date that falls in the year before, and keep a late Day of Offering that falls in the year', () => {
    const dates = lunarDatesOf(2027);
    const early = [...dates];
    early[0] = '2026-12-31';
    expect(holidaysOfYear(2027, early).some((h) => h.date === '2026-12-31')).toBe(false);
    expect(holidaysOfYear(2027, early).filter((h) => h.name === LUNAR[0]?.name)).toEqual([]);
    const late = [...dates];
    late[LUNAR.length] = '2027-12-30';
    expect(holidaysOfYear(2027, late).filter((h) => h.name === 'Traditional Day of Offering')).toEqual([
      ...holidaysOfYear(2027, dates).filter((h) => h.name === 'Traditional Day of Offering'),
      { date: '2027-12-30', name: 'Traditional Day of Offering' },
    ]);
  });
});
