import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { ZonedDateTime } from '../../../domain/time/zoned-date-time.js';
import { TEST_START } from '../../support/clock.js';

/**
 * Reading a date or date-time at the edges of the calendar, by name. Each expected value is what Luxon 3
 * (which domain/time replaced) gives for the same text; each case also checks Luxon still says so.
 * The property tests compare both over random texts, but run only a few dozen cases per mutant under
 * `npm run mutate`, where these named edges are what tell a broken rule.
 */

const NOW = TEST_START.getTime();

/** What a reader sees of a value: the ISO text, or why it is not a date-time. */
const read = (text: string, zone = 'UTC') => {
  const d = ZonedDateTime.fromISO(text, zone, NOW);
  return { iso: d.toISO(), reason: d.invalidReason, explanation: d.invalidExplanation };
};
const luxonRead = (text: string, zone = 'UTC') => {
  const d = DateTime.fromISO(text, { zone });
  return { iso: d.toISO(), reason: d.invalidReason, explanation: d.invalidExplanation ?? null };
};

describe('midnight written as 24:00', () => {
  it('is the start of the next day', () => {
    expect(read('2026-11-23T24:00')).toEqual({ iso: '2026-11-24T00:00:00.000Z', reason: null, explanation: null });
    expect(read('2026-12-31T24:00:00.000+06:00', 'Asia/Thimphu').iso).toBe('2027-01-01T00:00:00.000+06:00');
    expect(luxonRead('2026-11-23T24:00').iso).toBe('2026-11-24T00:00:00.000Z');
  });

  it('is refused with any minute, second or millisecond past it, and so is hour 25', () => {
    for (const [text, hour] of [
      ['2026-11-23T24:01', 24],
      ['2026-11-23T24:00:01', 24],
      ['2026-11-23T24:00:00.001', 24],
      ['2026-11-23T25:00', 25],
    ] as const) {
      const expected = {
        iso: null,
        reason: 'unit out of range',
        explanation: `you specified ${hour} (of type number) as a hour, which is invalid`,
      };
      expect({ text, ...read(text) }).toEqual({ text, ...expected });
      expect({ text, ...luxonRead(text) }).toEqual({ text, ...expected });
    }
  });
});

describe('29 February', () => {
  it('exists in years divisible by 4, and in centuries only when divisible by 400', () => {
    for (const [year, exists] of [
      [2024, true],
      [2026, false],
      [2000, true],
      [1900, false],
      [2100, false],
      [2400, true],
    ] as const) {
      const text = `${year}-02-29`;
      const expected = exists
        ? { iso: `${year}-02-29T00:00:00.000Z`, reason: null, explanation: null }
        : {
            iso: null,
            reason: 'unit out of range',
            explanation: 'you specified 29 (of type number) as a day, which is invalid',
          };
      expect({ text, ...read(text) }).toEqual({ text, ...expected });
      expect({ text, ...luxonRead(text) }).toEqual({ text, ...expected });
    }
  });

  it('is where a month added to 31 January lands, or the 28th when the year has none', () => {
    const plusMonth = (text: string) => ZonedDateTime.fromISO(text, 'UTC', NOW).plus({ months: 1 }).toISODate();
    expect(plusMonth('2000-01-31')).toBe('2000-02-29');
    expect(plusMonth('2100-01-31')).toBe('2100-02-28');
    expect(plusMonth('1900-01-31')).toBe('1900-02-28');
    expect(plusMonth('2028-01-31')).toBe('2028-02-29');
    expect(DateTime.fromISO('2100-01-31', { zone: 'UTC' }).plus({ months: 1 }).toISODate()).toBe('2100-02-28');
  });
});

describe('fractions of a second', () => {
  it('are cut to the millisecond, and a fraction that rounds up to a whole second is refused (as Luxon does)', () => {
    expect(read('2026-11-23T10:00:00.9999').iso).toBe('2026-11-23T10:00:00.999Z');
    const text = '2026-11-23T10:00:00.99999999999999999';
    const expected = {
      iso: null,
      reason: 'unit out of range',
      explanation: 'you specified 1000 (of type number) as a millisecond, which is invalid',
    };
    expect(read(text)).toEqual(expected);
    expect(luxonRead(text)).toEqual(expected);
  });
});

describe('years outside 0000–9999', () => {
  it('are written with six digits and a sign', () => {
    for (const [text, iso] of [
      ['+010000-01-01T00:00Z', '+010000-01-01T00:00:00.000Z'],
      ['-000001-06-15T10:30Z', '-000001-06-15T10:30:00.000Z'],
      ['0000-01-01T00:00Z', '0000-01-01T00:00:00.000Z'],
      ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ] as const) {
      expect({ text, iso: read(text).iso }).toEqual({ text, iso });
      expect({ text, iso: luxonRead(text).iso }).toEqual({ text, iso });
    }
    expect(ZonedDateTime.fromISO('-000001-06-15T10:30Z', 'UTC', NOW).toISODate()).toBe('-000001-06-15');
  });

  it('end where the platform’s dates end: one millisecond later, or an offset past it, is invalid input', () => {
    expect(read('+275760-09-13T00:00:00Z').iso).toBe('+275760-09-13T00:00:00.000Z');
    expect(read('-271821-04-20T00:00:00Z').iso).toBe('-271821-04-20T00:00:00.000Z');
    for (const [text, zone] of [
      ['+275760-09-13T00:00:00.001Z', 'UTC'],
      ['-271821-04-19T23:59:59.999Z', 'UTC'],
      ['+300000-01-01T00:00Z', 'UTC'],
      // The last instant, seen six hours east: its local time is past the last date.
      ['+275760-09-13T00:00:00Z', 'Asia/Thimphu'],
      ['-271821-04-20T00:00:00Z', 'America/New_York'],
    ] as const) {
      const expected = { iso: null, reason: 'invalid input', explanation: null };
      expect({ text, zone, ...read(text, zone) }).toEqual({ text, zone, ...expected });
      expect({ text, zone, ...luxonRead(text, zone) }).toEqual({ text, zone, ...expected });
    }
  });

  it('are refused past the last date when a calculation moves there', () => {
    const last = ZonedDateTime.fromISO('+275760-09-12T00:00:00Z', 'UTC', NOW);
    expect(last.plus({ days: 1 }).toISO()).toBe('+275760-09-13T00:00:00.000Z');
    expect(last.plus({ days: 2 }).invalidReason).toBe('invalid input');
    expect(last.plus({ milliseconds: 2 * 86_400_000 }).invalidReason).toBe('invalid input');
  });
});

describe('a text that is not a date-time', () => {
  it('says why: an impossible date, an unknown zone, or no ISO-8601 at all', () => {
    for (const [text, zone] of [
      ['2026-02-30', 'UTC'],
      ['2026-13-01', 'UTC'],
      ['2026-11-23T10:00[Mars/Olympus]', 'UTC'],
      ['2026-11-23T10:00', 'Asia/Thimpu'],
      ['23/11/2026', 'UTC'],
    ] as const) {
      expect({ text, zone, ...read(text, zone) }).toEqual({ text, zone, ...luxonRead(text, zone) });
    }
    expect(read('2026-02-30')).toEqual({
      iso: null,
      reason: 'unit out of range',
      explanation: 'you specified 30 (of type number) as a day, which is invalid',
    });
    expect(read('2026-11-23T10:00[Mars/Olympus]')).toEqual({
      iso: null,
      reason: 'unsupported zone',
      explanation: 'the zone "Mars/Olympus" is not supported',
    });
    expect(read('2026-11-23T10:00', 'Asia/Thimpu')).toEqual({
      iso: null,
      reason: 'unsupported zone',
      explanation: 'the zone "Asia/Thimpu" is not supported',
    });
  });
});
