import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { ZonedDateTime } from '../../../domain/time/zoned-date-time.js';
import { TEST_START } from '../../support/clock.js';

/**
 * Zones named by a fixed offset (`UTC+6`), by an IANA name, or as the process's own zone, and when two
 * values are the same moment in the same zone. Each expected value is what Luxon 3 gives.
 */

const NOW = TEST_START.getTime();
const STORED = '2026-11-23T10:00:00.000Z';
const at = (zone: string) => ZonedDateTime.fromISO(STORED, undefined, NOW).setZone(zone);

describe('a zone named by its offset from UTC', () => {
  it('gives local times with that offset, and only UTC itself is written Z', () => {
    for (const [zone, iso] of [
      ['UTC+6', '2026-11-23T16:00:00.000+06:00'],
      ['utc+5:30', '2026-11-23T15:30:00.000+05:30'],
      ['UTC-3', '2026-11-23T07:00:00.000-03:00'],
      ['utc-00:30', '2026-11-23T09:30:00.000-00:30'],
      ['UTC+0', '2026-11-23T10:00:00.000Z'],
      ['UTC', '2026-11-23T10:00:00.000Z'],
      ['gmt', '2026-11-23T10:00:00.000Z'],
    ] as const) {
      expect({ zone, iso: at(zone).toISO() }).toEqual({ zone, iso });
      expect({ zone, iso: DateTime.fromISO(STORED).setZone(zone).toISO() }).toEqual({ zone, iso });
    }
  });

  it('gives the local date and hour there', () => {
    const late = ZonedDateTime.fromISO('2026-11-23T20:30:00Z', undefined, NOW).setZone('UTC+6');
    expect({ date: late.toISODate(), hour: late.hour, minute: late.minute, offset: late.offset }).toEqual({
      date: '2026-11-24',
      hour: 2,
      minute: 30,
      offset: 360,
    });
  });
});

describe('two values are equal', () => {
  it('when they are the same moment in the same zone, however the zone is written', () => {
    const cases = [
      ['UTC', 'UTC', true],
      ['UTC', 'gmt', true],
      ['UTC+6', 'UTC+06:00', true],
      ['UTC+6', 'UTC+5', false],
      ['UTC', 'UTC+6', false],
      ['Asia/Thimphu', 'Asia/Thimphu', true],
      ['Asia/Thimphu', 'Asia/Dhaka', false],
      ['Asia/Thimphu', 'UTC+6', false],
      ['UTC+6', 'Asia/Thimphu', false],
      ['system', 'local', true],
      ['system', 'UTC', false],
      ['UTC', 'system', false],
      ['system', 'Asia/Thimphu', false],
      ['Asia/Thimphu', 'system', false],
    ] as const;
    for (const [a, b, equal] of cases) {
      expect({ a, b, equal: at(a).equals(at(b)) }).toEqual({ a, b, equal });
      expect({ a, b, equal: DateTime.fromISO(STORED).setZone(a).equals(DateTime.fromISO(STORED).setZone(b)) }).toEqual({
        a,
        b,
        equal,
      });
    }
  });

  it('not when they are different moments in the same zone', () => {
    const a = ZonedDateTime.fromISO('2026-11-23T10:00:00Z', 'UTC', NOW);
    const b = ZonedDateTime.fromISO('2026-11-23T10:00:00.001Z', 'UTC', NOW);
    expect(a.equals(b)).toBe(false);
    expect(a.equals(b.minus({ milliseconds: 1 }))).toBe(true);
  });

  it('never when either is not a date-time', () => {
    const valid = at('UTC');
    const invalid = ZonedDateTime.fromISO('2026-02-30', 'UTC', NOW);
    expect([valid.equals(invalid), invalid.equals(valid), invalid.equals(invalid)]).toEqual([false, false, false]);
  });
});
