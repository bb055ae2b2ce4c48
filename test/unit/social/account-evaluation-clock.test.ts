import { describe, expect, it } from '@jest/globals';
import { evaluationDueAt } from '../../../domain/social/evaluation-clock.js';
import { plainCalendar } from '../../support/agency.js';

// When an account's next yearly evaluation falls due: the same date a year later, at close of office.
describe('the yearly evaluation date', () => {
  it('a February date other than the 29th keeps its day, whether or not the next year is a leap year', () => {
    // Monday 15 February 2027 (2027 is a common year).
    expect(evaluationDueAt(plainCalendar(), '2026-02-15T10:00:00+06:00')).toBe('2027-02-15T17:00:00+06:00');
    // Tuesday 15 February 2028 (2028 is a leap year).
    expect(evaluationDueAt(plainCalendar(), '2027-02-15T10:00:00+06:00')).toBe('2028-02-15T17:00:00+06:00');
  });

  it('the 29th of another month stays the 29th', () => {
    // Thursday 29 April 2027.
    expect(evaluationDueAt(plainCalendar(), '2026-04-29T10:00:00+06:00')).toBe('2027-04-29T17:00:00+06:00');
  });

  it('an early-month date keeps its day', () => {
    // Friday 5 March 2027.
    expect(evaluationDueAt(plainCalendar(), '2026-03-05T10:00:00+06:00')).toBe('2027-03-05T17:00:00+06:00');
  });

  it('counts from the local date in Thimphu, not the UTC one', () => {
    // 20:00 UTC on 4 March is 02:00 on 5 March in Thimphu.
    expect(evaluationDueAt(plainCalendar(), '2026-03-04T20:00:00Z')).toBe('2027-03-05T17:00:00+06:00');
  });
});
