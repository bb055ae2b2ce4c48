import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { longEnglishDateTime } from '../../../domain/time/english.js';
import { ZonedDateTime } from '../../../domain/time/zoned-date-time.js';
import { TEST_START } from '../../support/clock.js';

/**
 * The long English date-time the mails write a due date in (`Friday, 27 November 2026, 17:00`), as
 * Luxon's `setLocale('en-GB').toFormat('cccc, d LLLL yyyy, HH:mm')` wrote it.
 */

const NOW = TEST_START.getTime();
const luxonLong = (text: string, zone: string): string =>
  DateTime.fromISO(text, { zone }).setLocale('en-GB').toFormat('cccc, d LLLL yyyy, HH:mm');

describe('the long English date-time', () => {
  it('names the weekday and month, and writes the hour and minute with two digits', () => {
    for (const [text, zone, long] of [
      ['2026-11-27T11:00:00Z', 'Asia/Thimphu', 'Friday, 27 November 2026, 17:00'],
      ['2026-11-30T03:05:00+06:00', 'Asia/Thimphu', 'Monday, 30 November 2026, 03:05'],
      ['2027-01-03T00:00:00+06:00', 'Asia/Thimphu', 'Sunday, 3 January 2027, 00:00'],
      ['2026-11-23T23:59:00Z', 'UTC', 'Monday, 23 November 2026, 23:59'],
    ] as const) {
      expect({ text, long: longEnglishDateTime(ZonedDateTime.fromISO(text, zone, NOW)) }).toEqual({ text, long });
      expect({ text, long: luxonLong(text, zone) }).toEqual({ text, long });
    }
  });

  it('writes a year with four digits, and a year before year 1 with its minus sign', () => {
    for (const [text, long] of [
      ['0999-03-01T09:30:00Z', 'Friday, 1 March 0999, 09:30'],
      ['0000-01-01T00:00:00Z', 'Saturday, 1 January 0000, 00:00'],
      ['-000001-06-15T10:30:00Z', 'Tuesday, 15 June -0001, 10:30'],
      ['-001234-06-15T10:30:00Z', 'Wednesday, 15 June -1234, 10:30'],
      ['+010000-01-01T00:00:00Z', 'Saturday, 1 January 10000, 00:00'],
    ] as const) {
      expect({ text, long: longEnglishDateTime(ZonedDateTime.fromISO(text, 'UTC', NOW)) }).toEqual({ text, long });
      expect({ text, long: luxonLong(text, 'UTC') }).toEqual({ text, long });
    }
  });

  it('is "Invalid DateTime" for a value that is not a date-time', () => {
    expect(longEnglishDateTime(ZonedDateTime.fromISO('2026-02-30', 'UTC', NOW))).toBe('Invalid DateTime');
    expect(luxonLong('2026-02-30', 'UTC')).toBe('Invalid DateTime');
  });
});
