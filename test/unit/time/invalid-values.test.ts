import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { ZonedDateTime } from '../../../domain/time/zoned-date-time.js';
import { TEST_START } from '../../support/clock.js';

/**
 * A value that is not a date-time stays one through every calculation, and keeps saying why: the first
 * reason (an unreadable text, an impossible date, an unknown zone), not a later one. The refusals a person
 * reads (`not an ISO-8601 date-time: … (the input "…" can't be parsed as ISO 8601)`) quote it. Luxon 3 does
 * the same; each case checks it still does.
 */

const NOW = TEST_START.getTime();

type Value = ZonedDateTime | DateTime;
const why = (d: Value) => ({ valid: d.isValid, reason: d.invalidReason, explanation: d.invalidExplanation ?? null });

/** Every calculation the code base makes, each on the invalid value. */
const calculations = (d: Value) => {
  const x = d as DateTime;
  return {
    plusDay: why(x.plus({ days: 1 })),
    minusMonth: why(x.minus({ months: 1 })),
    plusMs: why(x.plus({ milliseconds: 1 })),
    set: why(x.set({ hour: 9 })),
    startOfDay: why(x.startOf('day')),
    startOfMonth: why(x.startOf('month')),
    endOfDay: why(x.endOf('day')),
    endOfMonth: why(x.endOf('month')),
    inThimphu: why(x.setZone('Asia/Thimphu')),
    inUtc: why(x.toUTC()),
  };
};

describe('a value that is not a date-time', () => {
  it.each([
    ['an unreadable text', 'next Friday', 'UTC', 'unparsable', `the input "next Friday" can't be parsed as ISO 8601`],
    [
      'an impossible date',
      '2026-02-30',
      'UTC',
      'unit out of range',
      'you specified 30 (of type number) as a day, which is invalid',
    ],
    [
      'an unknown zone',
      '2026-11-23T10:00:00',
      'Asia/Thimpu',
      'unsupported zone',
      'the zone "Asia/Thimpu" is not supported',
    ],
  ])('keeps its first reason through every calculation: %s', (_what, text, zone, reason, explanation) => {
    const ours = ZonedDateTime.fromISO(text, zone, NOW);
    const expected = { valid: false, reason, explanation };
    const all = calculations(ours);
    for (const [name, value] of Object.entries(all)) expect({ name, ...value }).toEqual({ name, ...expected });
    expect(all).toEqual(calculations(DateTime.fromISO(text, { zone })));
  });

  it('has no instant, no ISO text and no date', () => {
    const d = ZonedDateTime.fromISO('next Friday', 'UTC', NOW);
    expect([d.toMillis(), d.toISO(), d.toISODate(), d.toYearMonth()]).toEqual([NaN, null, null, 'Invalid DateTime']);
    expect(Number.isNaN(d.plus({ days: 1 }).valueOf())).toBe(true);
  });

  it('moved to an unknown zone, says the zone is unknown', () => {
    const d = ZonedDateTime.fromISO('next Friday', 'UTC', NOW).setZone('Mars/Olympus');
    expect(why(d)).toEqual({
      valid: false,
      reason: 'unsupported zone',
      explanation: 'the zone "Mars/Olympus" is not supported',
    });
    expect(why(d)).toEqual(why(DateTime.fromISO('next Friday', { zone: 'UTC' }).setZone('Mars/Olympus')));
  });
});
