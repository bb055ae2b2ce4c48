import { describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { intlOffset, isValidTimeZone, offsetAt, zoneNamed } from '../../../domain/time/time-zone.js';
import { GENERATED_ZONE_RULES } from '../../../domain/time/zone-rules.generated.js';
import { computeZoneRules, offsetFromRules } from '../../../domain/time/zone-rules.js';
import { ZonedDateTime } from '../../../domain/time/zoned-date-time.js';
import { GENERATED_ZONES, RULES_FROM, RULES_TO, zoneRulesFromIntl } from '../../../scripts/time/zone-rules-source.js';
import { necs } from '../../support/agency.js';

describe("the agency's time zone", () => {
  // First in this file: nothing before it may have built a formatter for the zone.
  it('gives local times without building an Intl.DateTimeFormat (ICU zone data is not loaded at a cold start)', () => {
    // Prepare
    const built = jest.spyOn(Intl, 'DateTimeFormat');
    // Act
    const due = ZonedDateTime.fromISO('2026-11-27T17:00:00', necs.config.calendar.timeZone);
    const valid = isValidTimeZone('Asia/Thimphu');
    // Assess
    expect(due.toISO()).toBe('2026-11-27T17:00:00.000+06:00');
    expect(valid).toBe(true);
    expect(built).not.toHaveBeenCalled();
    built.mockRestore();
  });

  it('is one whose rules are generated', () => {
    expect(GENERATED_ZONES).toContain(necs.config.calendar.timeZone);
  });
});

describe('the generated zone rules (domain/time/zone-rules.generated.ts)', () => {
  it('equal what Intl gives now: if not, run `npx tsx scripts/time/zone-rules.ts` (a tz database update)', () => {
    expect(GENERATED_ZONE_RULES).toEqual(zoneRulesFromIntl());
  }, 60_000);

  it('give the offset Intl gives at any instant of 1900–2100, and around each change to the second', () => {
    for (const zone of GENERATED_ZONES) {
      const rules = GENERATED_ZONE_RULES[zone]!;
      for (const change of rules.changes)
        for (const ts of [change - 1001, change - 1000, change - 1, change, change + 999, change + 1000])
          expect([ts, offsetAt(zoneNamed(zone), ts)]).toEqual([ts, intlOffset(zone, ts)]);
      fc.assert(
        fc.property(fc.integer({ min: RULES_FROM, max: RULES_TO - 1 }), (ts) => {
          expect(offsetAt(zoneNamed(zone), ts)).toBe(intlOffset(zone, ts));
        }),
        { numRuns: 2_000 },
      );
    }
  });

  it('answer nothing outside the years they cover, where Intl answers instead', () => {
    const rules = GENERATED_ZONE_RULES['Asia/Thimphu']!;
    expect(offsetFromRules(rules, RULES_FROM - 1)).toBeUndefined();
    expect(offsetFromRules(rules, RULES_TO)).toBeUndefined();
    expect(offsetFromRules(rules, NaN)).toBeUndefined();
    const later = Date.UTC(2150, 5, 1);
    expect(offsetAt(zoneNamed('Asia/Thimphu'), later)).toBe(intlOffset('Asia/Thimphu', later));
  });
});

describe("computing a zone's rules (what `npx tsx scripts/time/zone-rules.ts` writes)", () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const FROM = Date.UTC(2026, 0, 1);
  /** A made-up zone at +05:00 that moves to +06:00 at `change`. */
  const movingAt = (change: number) => (ts: number) => (ts < change ? 300 : 360);

  it('finds a change to the second, between two daily samples', () => {
    const change = FROM + 10 * DAY + 13 * HOUR + 1_234_000;
    expect(computeZoneRules(movingAt(change), FROM, FROM + 30 * DAY)).toEqual({
      from: FROM,
      to: FROM + 30 * DAY,
      offsets: [300, 360],
      changes: [change],
    });
  });

  it('starts with the offset at its first instant, and lists no change made before it', () => {
    const change = FROM - 2 * HOUR;
    expect(computeZoneRules(movingAt(change), FROM, FROM + 3 * DAY)).toEqual({
      from: FROM,
      to: FROM + 3 * DAY,
      offsets: [360],
      changes: [],
    });
  });

  it('lists a change in the last second it covers, and none at its end, which it does not cover', () => {
    const to = FROM + 3 * DAY + 7 * HOUR;
    expect(computeZoneRules(movingAt(to - 1000), FROM, to).changes).toEqual([to - 1000]);
    expect(computeZoneRules(movingAt(to), FROM, to)).toEqual({ from: FROM, to, offsets: [300], changes: [] });
  });

  it('gives, for every instant it covers, the offset the zone has then', () => {
    const changes = [FROM + 5 * DAY + 2 * HOUR, FROM + 40 * DAY + 30_000];
    const zone = (ts: number) => (ts < changes[0]! ? 300 : ts < changes[1]! ? 330 : 345);
    const rules = computeZoneRules(zone, FROM, FROM + 60 * DAY);
    for (const ts of [FROM, changes[0]! - 1, changes[0]!, changes[1]! - 1, changes[1]!, FROM + 60 * DAY - 1])
      expect([ts, offsetFromRules(rules, ts)]).toEqual([ts, zone(ts)]);
  });
});

describe('reading an offset from Intl', () => {
  it('reads midnight written as 24:00 (as some engines write it with hour12: false) as the start of the day', () => {
    const write = Intl.DateTimeFormat.prototype.formatToParts;
    const asEngine = jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts').mockImplementation(function (
      this: Intl.DateTimeFormat,
      date,
    ) {
      return write.call(this, date).map((p) => (p.type === 'hour' && p.value === '00' ? { ...p, value: '24' } : p));
    });
    try {
      // 00:30 on 24 November 2026 in Kolkata (+05:30), and 00:00 in Kathmandu (+05:45).
      const kolkata = intlOffset('Asia/Kolkata', Date.UTC(2026, 10, 23, 19, 0));
      const kathmandu = intlOffset('Asia/Kathmandu', Date.UTC(2026, 10, 23, 18, 15));
      expect([kolkata, kathmandu]).toEqual([330, 345]);
      expect(asEngine).toHaveBeenCalled();
    } finally {
      asEngine.mockRestore();
    }
  });
});
