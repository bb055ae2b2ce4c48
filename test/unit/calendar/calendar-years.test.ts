import { describe, expect, it } from '@jest/globals';
import { CALENDAR_YEARS, outsideCalendarYears } from '../../../domain/calendar/calendar-years.js';

/** The agency calendar reasons about 1970–2100; a date outside those years is bad input, with a message saying why. */
describe('the years the agency calendar covers', () => {
  it('accepts its first and last years, and a year in between', () => {
    expect(outsideCalendarYears(1970, 'The due date')).toBeUndefined();
    expect(outsideCalendarYears(2026, 'The due date')).toBeUndefined();
    expect(outsideCalendarYears(2100, 'The due date')).toBeUndefined();
  });

  it('refuses the year before its first and the year after its last, saying which years it covers', () => {
    expect(outsideCalendarYears(1969, 'The due date')).toBe(
      'The due date is outside the years the agency calendar covers (1970–2100)',
    );
    expect(outsideCalendarYears(2101, 'The received date')).toBe(
      'The received date is outside the years the agency calendar covers (1970–2100)',
    );
    expect(CALENDAR_YEARS).toEqual({ first: 1970, last: 2100 });
  });

  it('refuses a year that is not a whole number (an unreadable date)', () => {
    expect(outsideCalendarYears(Number.NaN, 'The date')).toMatch(/outside the years/);
    expect(outsideCalendarYears(2026.5, 'The date')).toMatch(/outside the years/);
  });
});
