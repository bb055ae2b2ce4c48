import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computeDueDate, workingDaysBetween } from '../../../domain/calendar/due-date.js';
import { necs } from '../../support/agency.js';

const cal = necs.calendar;
const closes = necs.config.calendar.officeHours.closes;

/** Any instant from 2025 to the end of 2027, the years the holiday files cover. */
const instant = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-20T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const workingDays = fc.integer({ min: 1, max: 20 });

describe('due date properties', () => {
  it('is always a working day, at close of office', () => {
    fc.assert(
      fc.property(instant, workingDays, (receivedAt, n) => {
        const due = cal.parseInstant(computeDueDate(cal, receivedAt, n).dueAt);
        expect(cal.isWorkingDay(cal.localDate(due))).toBe(true);
        expect((due.toISO() as string).slice(11, 16)).toBe(closes);
      }),
      { numRuns: 500 },
    );
  });

  it('is never earlier when the request is received later', () => {
    fc.assert(
      fc.property(instant, instant, workingDays, (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(computeDueDate(cal, early, n).dueAt <= computeDueDate(cal, late, n).dueAt).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is never earlier when a holiday is added', () => {
    fc.assert(
      fc.property(instant, workingDays, fc.integer({ min: -3, max: 30 }), (receivedAt, n, offset) => {
        const receiptDay = cal.localDate(cal.parseInstant(receivedAt));
        const withHoliday = cal.withHoliday({ date: cal.addDays(receiptDay, offset), name: 'declared' });
        expect(computeDueDate(withHoliday, receivedAt, n).dueAt >= computeDueDate(cal, receivedAt, n).dueAt).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('counts exactly N working days after day 0, and says so', () => {
    fc.assert(
      fc.property(instant, workingDays, (receivedAt, n) => {
        const result = computeDueDate(cal, receivedAt, n);
        const counted = result.explanation.filter((l) => l.kind === 'counted');
        expect(counted).toHaveLength(n);
        expect(result.explanation.filter((l) => l.kind === 'day_zero')).toHaveLength(1);
        expect(counted.at(-1)?.date).toBe(cal.localDate(cal.parseInstant(result.dueAt)));
        expect(workingDaysBetween(cal, receivedAt, result.dueAt)).toBe(n);
        for (const line of result.explanation.filter((l) => l.kind === 'skipped' && l.date > result.dayZero)) {
          expect(cal.isWorkingDay(line.date)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
