import { afterEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime, IANAZone, Settings } from 'luxon';
import { isValidTimeZone } from '../../../domain/time/time-zone.js';
import { longEnglishDateTime } from '../../../domain/time/english.js';
import { ZonedDateTime } from '../../../domain/time/zoned-date-time.js';
import { Instant, LocalDate } from '../../../events/primitives.js';
import { TEST_START } from '../../support/clock.js';

/**
 * domain/time against Luxon 3 (what it replaced): the same text in, the same values out, over
 * 1970–2100, in Bhutan's zone and zones with DST, half-hour, 45-minute and half-hour-DST offsets,
 * including local times that happen twice or never (DST overlaps and gaps).
 */

const ZONES = [
  'Asia/Thimphu',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'UTC',
] as const;
const MIN = Date.UTC(1970, 0, 1);
const MAX = Date.UTC(2100, 11, 31, 23, 59, 59, 999);
const RUNS = 1_000;

const realNow = Settings.now;
afterEach(() => {
  Settings.now = realNow;
});

/** Every offset change of a zone in 1970–2100 (found with Luxon, to the millisecond). */
const transitionsOf = (zone: string): number[] => {
  const offset = (ts: number) => DateTime.fromMillis(ts, { zone }).offset;
  const found: number[] = [];
  const week = 7 * 86_400_000;
  for (let t = MIN; t < MAX; t += week) {
    if (offset(t) === offset(t + week)) continue;
    let [lo, hi] = [t, t + week];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offset(mid) === offset(lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
};
const TRANSITIONS = new Map(ZONES.map((z) => [z, transitionsOf(z)]));

const zone = fc.constantFrom(...ZONES);
const instant = fc.integer({ min: MIN, max: MAX });
/** When "now" is: the offset a zone has now decides which of two local times is meant. */
const now = fc.oneof(instant, fc.constantFrom(Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)));

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const localText = (ms: number): string => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
};

/** A local time (no offset) within three hours of one of the zone's offset changes: gaps and overlaps. */
const nearTransition = zone
  .filter((z) => (TRANSITIONS.get(z) ?? []).length > 0)
  .chain((z) =>
    fc.record({
      zone: fc.constant(z),
      text: fc
        .tuple(
          fc.constantFrom(...(TRANSITIONS.get(z) as number[])),
          fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }),
        )
        .map(([t, delta]) => {
          const before = DateTime.fromMillis(t - 1, { zone: z }).offset;
          return localText(t + before * 60_000 + delta);
        }),
    }),
  );

/** The text of an instant with one of its zone's offsets, as events store them (Luxon's own output). */
const instantText = fc
  .tuple(instant, zone, fc.boolean())
  .map(([ms, z, suppress]) => DateTime.fromMillis(ms, { zone: z }).toISO({ suppressMilliseconds: suppress }) as string);

/** Everything the code base reads off a value, side by side. */
const view = (d: DateTime | ZonedDateTime) => ({
  valid: d.isValid,
  reason: d.invalidReason,
  explanation: d.invalidExplanation ?? null,
  iso: d.toISO(),
  isoShort: d.toISO({ suppressMilliseconds: true }),
  date: d.toISODate(),
  month: d instanceof DateTime ? d.toFormat('yyyy-MM') : d.toYearMonth(),
  millis: d.toMillis(),
  ...(d.isValid ? { year: d.year, offset: d.offset } : {}),
  // Luxon's own weekday is off on 29 February of years 0–99 (its Date.UTC 19xx fix-up); its en-GB text is right.
  ...(d.isValid && d.year >= 100 ? { weekday: d.weekday } : {}),
  long: d instanceof DateTime ? d.setLocale('en-GB').toFormat('cccc, d LLLL yyyy, HH:mm') : longEnglishDateTime(d),
});

/** The operations the code base applies to a value, each compared. */
const operations = (d: DateTime | ZonedDateTime, n: number, hour: number, minute: number, other: string) => {
  // Both classes have these methods with these arguments; a union's overloads need the cast.
  const x = d as DateTime;
  return {
    self: view(d),
    startOfDay: view(x.startOf('day')),
    startOfMonth: view(x.startOf('month')),
    endOfDay: view(x.endOf('day')),
    endOfMonth: view(x.endOf('month')),
    plusDays: view(x.plus({ days: n })),
    minusDays: view(x.minus({ days: n })),
    plusMonths: view(x.plus({ months: n })),
    minusMonths: view(x.minus({ months: n })),
    minusYear: view(x.minus({ years: 1 })),
    minusMs: view(x.minus({ milliseconds: 1 })),
    set: view(x.set({ hour, minute })),
    utc: view(x.toUTC()),
    other: view(x.setZone(other)),
  };
};

const both = (text: string, z: string | undefined, at: number) => {
  Settings.now = () => at;
  return {
    luxon: DateTime.fromISO(text, z === undefined ? {} : { zone: z }),
    ours: ZonedDateTime.fromISO(text, z, at),
  };
};

const args = fc.tuple(
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: 0, max: 23 }),
  fc.integer({ min: 0, max: 59 }),
  zone,
);

describe('ZonedDateTime is Luxon to the byte', () => {
  it('finds offset changes in every zone with DST (the generators rely on them)', () => {
    for (const z of ['Europe/London', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham'])
      expect((TRANSITIONS.get(z as never) ?? []).length).toBeGreaterThan(100);
    expect(TRANSITIONS.get('Asia/Kathmandu')).toHaveLength(1); // +05:30 → +05:45 in 1986
  });

  it('reads stored instants (with an offset) and computes with them the same, 1970–2100', () => {
    fc.assert(
      fc.property(instantText, zone, now, args, (text, z, at, [n, hour, minute, other]) => {
        const { luxon, ours } = both(text, z, at);
        expect(operations(ours, n, hour, minute, other)).toEqual(operations(luxon, n, hour, minute, other));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads local times next to DST changes (gaps and overlaps) the same, whatever the offset now', () => {
    fc.assert(
      fc.property(nearTransition, now, args, ({ zone: z, text }, at, [n, hour, minute, other]) => {
        const { luxon, ours } = both(text, z, at);
        expect(operations(ours, n, hour, minute, other)).toEqual(operations(luxon, n, hour, minute, other));
        const date = text.slice(0, 10);
        const dates = both(date, z, at);
        expect(operations(dates.ours, n, hour, minute, other)).toEqual(operations(dates.luxon, n, hour, minute, other));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads dates and instants without a zone in the process zone the same', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          instantText,
          instantText.map((t) => t.slice(0, 10)),
          instantText.map((t) => t.slice(0, 19)),
        ),
        now,
        (text, at) => {
          const { luxon, ours } = both(text, undefined, at);
          expect(view(ours)).toEqual(view(luxon));
          expect(view(ours.toUTC())).toEqual(view(luxon.toUTC()));
        },
      ),
      { numRuns: RUNS },
    );
  });

  /** Texts in (and just outside) the ISO grammar: separators, fractions, offsets, out-of-range fields. */
  const two = fc.integer({ min: 0, max: 99 }).map((n) => pad(n));
  const sep = fc.constantFrom('-', '');
  const isoLike = fc
    .record({
      year: fc.oneof(
        fc.integer({ min: 1960, max: 2110 }).map((y) => pad(y, 4)),
        fc.constantFrom('0000', '0099', '9999', '+002026', '-000001', '+010000', '202'),
      ),
      month: fc.option(fc.oneof(two, fc.constantFrom('01', '02', '12', '13', '00'))),
      day: fc.option(fc.oneof(two, fc.constantFrom('28', '29', '30', '31', '00'))),
      dsep: sep,
      t: fc.constantFrom('T', 't', ' ', 'T'),
      time: fc.option(
        fc.record({
          h: fc.oneof(two, fc.constantFrom('00', '23', '24', '12')),
          m: fc.option(fc.oneof(two, fc.constantFrom('00', '59', '60'))),
          s: fc.option(fc.oneof(two, fc.constantFrom('00', '59', '60'))),
          f: fc.option(fc.tuple(fc.constantFrom('.', ','), fc.stringMatching(/^\d{1,31}$/))),
          tsep: fc.constantFrom(':', ''),
        }),
      ),
      offset: fc.option(
        fc.constantFrom(
          'Z',
          'z',
          '+06:00',
          '+0600',
          '+06',
          '-03:30',
          '-0330',
          '+05:45',
          '+13:45',
          '-00:30',
          '+24:00',
          '+14:60',
          '+1',
          '[Asia/Thimphu]',
          '+01:00[Europe/London]',
          '[UTC]',
          '[Mars/Olympus]',
        ),
      ),
      junk: fc.option(fc.constantFrom(' ', 'x', 'W', '.')),
    })
    .map(({ year, month, day, dsep, t, time, offset, junk }) => {
      let s = year;
      if (month !== null) s += dsep + month + (day !== null ? dsep + day : '');
      if (time !== null) {
        s += t + time.h;
        if (time.m !== null)
          s += time.tsep + time.m + (time.s !== null ? time.tsep + time.s + (time.f ? time.f.join('') : '') : '');
      }
      if (offset !== null && time !== null) s += offset;
      return s + (junk ?? '');
    });

  it('gives the same value, or the same refusal, for any ISO-like text', () => {
    fc.assert(
      fc.property(fc.oneof(isoLike, fc.string({ maxLength: 40 })), zone, now, (text, z, at) => {
        const { luxon, ours } = both(text, z, at);
        if (ours.invalidReason === 'unparsable' && luxon.invalidReason !== 'unparsable') {
          // A week date, ordinal date or bare time: read by Luxon (or refused for a field out of range), refused by zod at every boundary first.
          expect({ text, atBoundary: Instant.safeParse(text).success || LocalDate.safeParse(text).success }).toEqual({
            text,
            atBoundary: false,
          });
        } else {
          expect(view(ours)).toEqual(view(luxon));
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('agrees on every text zod lets through as an Instant or a LocalDate, and those are valid', () => {
    fc.assert(
      fc.property(
        isoLike.filter((t) => Instant.safeParse(t).success || LocalDate.safeParse(t).success),
        zone,
        now,
        (text, z, at) => {
          const { luxon, ours } = both(text, z, at);
          expect(ours.isValid).toBe(true);
          expect(view(ours)).toEqual(view(luxon));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses only forms zod never lets through: week dates, ordinal dates, times without a date', () => {
    const luxonOnly = [
      '2026-W46-4',
      '2026W464',
      '2026-W46',
      '2026-316',
      '2026316',
      '2026-316T10:00Z',
      '10:00',
      '1000:00',
      '2026-W46-4T10:00:00+06:00',
    ];
    for (const text of luxonOnly) {
      const { luxon, ours } = both(text, 'Asia/Thimphu', TEST_START.getTime());
      expect(ours.isValid).toBe(false);
      expect(ours.invalidReason).toBe('unparsable');
      expect({ text, luxonReads: luxon.isValid }).toEqual({ text, luxonReads: true });
      expect(Instant.safeParse(text).success || LocalDate.safeParse(text).success).toBe(false);
    }
  });

  it('knows the same time zones', () => {
    const names = [
      ...Intl.supportedValuesOf('timeZone'),
      'UTC',
      'utc',
      'GMT',
      'Etc/GMT+5',
      'Etc/GMT-14',
      '+05:45',
      '-03:00',
      'UTC+3',
      'Asia/Thimpu',
      'Thimphu',
      'Mars/Olympus',
      '',
      ' ',
      'Europe/London ',
      'asia/thimphu',
      'EST5EDT',
      'Z',
    ];
    for (const name of names)
      expect({ name, valid: isValidTimeZone(name) }).toEqual({ name, valid: IANAZone.isValidZone(name) });
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (name) => isValidTimeZone(name) === IANAZone.isValidZone(name)),
    );
  });
});
