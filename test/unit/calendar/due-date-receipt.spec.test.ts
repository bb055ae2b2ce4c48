import { describe, expect, it } from '@jest/globals';
import { computeDueDate } from '../../../domain/calendar/due-date.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { necs } from '../../support/agency.js';

// The first lines of a due date's explanation, as the request page and the acknowledgement mail show them:
// why the day of receipt was day 0, or why it was not, and whether that rests on a computed holiday list.

const cal = necs.calendar;
const PROVISIONAL = ' (provisional: computed from the Bhutanese calendar until the official list is in)';
const explain = (receivedAt: string) => computeDueDate(cal, receivedAt, 5).explanation;

describe('why the day of receipt is, or is not, day 0', () => {
  it('counts from the day of receipt when the request came in on a working day before close of office', () => {
    expect(explain('2026-11-23T10:00:00+06:00').slice(0, 2)).toStrictEqual([
      { date: '2026-11-23', weekday: 'Mon', kind: 'day_zero', reason: 'day of receipt, before close of office' },
      { date: '2026-11-24', weekday: 'Tue', kind: 'counted', count: 1, reason: 'working day 1 of 5' },
    ]);
  });

  it('says a request received at the weekend waits for Monday, and flags none of it as provisional', () => {
    expect(explain('2026-11-21T11:00:00+06:00').slice(0, 3)).toStrictEqual([
      { date: '2026-11-21', weekday: 'Sat', kind: 'skipped', reason: 'received at the weekend (Saturday)' },
      { date: '2026-11-22', weekday: 'Sun', kind: 'skipped', reason: 'weekend (Sunday)' },
      { date: '2026-11-23', weekday: 'Mon', kind: 'day_zero', reason: 'first working day after receipt' },
    ]);
  });

  it('names the official holiday a request was received on, without a provisional flag', () => {
    expect(explain('2026-11-11T10:00:00+06:00')[0]).toStrictEqual({
      date: '2026-11-11',
      weekday: 'Wed',
      kind: 'skipped',
      reason: 'received on a public holiday: Birth Anniversary of the Fourth Druk Gyalpo (Constitution Day)',
    });
  });

  it('flags a receipt on a computed holiday (a year whose official list is not in) as provisional, saying why', () => {
    const lines = explain('2027-02-08T10:00:00+06:00');
    expect(lines[0]).toStrictEqual({
      date: '2027-02-08',
      weekday: 'Mon',
      kind: 'skipped',
      reason: `received on a public holiday: Losar${PROVISIONAL}`,
      provisional: true,
    });
    expect(lines.find((l) => l.kind === 'counted')).toMatchObject({
      reason: "working day 1 of 5 (2027's official holiday list is not in yet)",
      provisional: true,
    });
  });

  it('refuses a receipt outside the years the calendar covers, naming the field and keeping the value', () => {
    const refusal = (() => {
      try {
        computeDueDate(cal, '2101-01-04T10:00:00+06:00', 5);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'receivedAt: 2101-01-04T10:00:00+06:00 is outside the years the agency calendar covers (1970–2100)',
      details: { receivedAt: '2101-01-04T10:00:00+06:00' },
    });
  });
});
