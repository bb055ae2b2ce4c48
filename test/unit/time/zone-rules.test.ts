import { describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { intlOffset, isValidTimeZone, offsetAt, zoneNamed } from '../../../domain/time/time-zone.js';
import { GENERATED_ZONE_RULES } from '../../../domain/time/zone-rules.generated.js';
import { offsetFromRules } from '../../../domain/time/zone-rules.js';
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
