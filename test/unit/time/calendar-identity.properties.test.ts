import { afterEach, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { DateTime, Settings } from 'luxon';
import { grantLeave, asOfInstant } from '../../../application/people-input.js';
import type { ReadModels } from '../../../application/read-models.js';
import { loadDisclosures, previousMonth } from '../../../application/reports.js';
import { reviewMonths, reviewPeriod } from '../../../application/website/review.js';
import { loadWebsiteFacts } from '../../../application/website/website-reports.js';
import { CalendarSettings } from '../../../domain/agency/config.js';
import { computeDueDate, dayZero, workingDaysBetween } from '../../../domain/calendar/due-date.js';
import { WorkingCalendar } from '../../../domain/calendar/working-calendar.js';
import { humanDue } from '../../../domain/mail/templates.js';
import { checkReceivedAt } from '../../../domain/request/received-at.js';
import { necs } from '../../support/agency.js';
import * as old from './luxon-reference.js';

/**
 * The calendar and application operations, run on domain/time and on the Luxon code they replaced
 * (luxon-reference.ts), with the same inputs: due dates over holidays, working days between
 * instants, close of office on DST days, report ranges and month keys, review periods, leave dates.
 */

const ZONES = [
  'Asia/Thimphu',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
] as const;
const MIN = Date.UTC(1970, 0, 1);
const MAX = Date.UTC(2100, 11, 20);
const realNow = Settings.now;
afterEach(() => {
  Settings.now = realNow;
  jest.restoreAllMocks();
});

/**
 * Both implementations read the same "now", where it decides anything (a local time that happens twice
 * takes the offset the zone has now): Luxon from `Settings.now`, ours from `Date.now`. Without the second,
 * ours read the machine's date and the property failed on some days of the year and not others.
 */
const sameNow = (now: number) => {
  Settings.now = () => now;
  jest.spyOn(Date, 'now').mockReturnValue(now);
};

const zone = fc.constantFrom(...ZONES);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const instantMs = fc.integer({ min: MIN, max: MAX });
const instantIn = (ms: number, z: string, suppress = false) =>
  DateTime.fromMillis(ms, { zone: z }).toISO({ suppressMilliseconds: suppress }) as string;
/** A stored instant (with offset), or a local time without one (read in the calendar's zone). */
const text = fc
  .tuple(instantMs, zone, fc.boolean(), fc.boolean())
  .map(([ms, z, local, suppress]) => (local ? instantIn(ms, z, suppress).slice(0, 19) : instantIn(ms, z, suppress)));
/** Close of office at any minute: in London and New York 01:00–02:59 falls in a DST gap or overlap once a year. */
const closes = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${pad(h)}:${pad(m)}`);

/** A NECS calendar in another zone and with other office hours; holidays stay NECS's own. */
const calendarIn = (z: string, close: string): WorkingCalendar => {
  const inside = necs.calendar as unknown as {
    entries: ConstructorParameters<typeof WorkingCalendar>[1];
    years: ConstructorParameters<typeof WorkingCalendar>[2];
  };
  return new WorkingCalendar(
    { ...necs.config.calendar, timeZone: z, officeHours: { ...necs.config.calendar.officeHours, closes: close } },
    inside.entries,
    inside.years,
  );
};

/** What a call returned, or the error it threw. */
const outcome = <T>(f: () => T): { value: T } | { error: string } => {
  try {
    return { value: f() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
};

const at = fc.oneof(instantMs, fc.constantFrom(Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)));

describe('calendar operations on domain/time equal those on Luxon', () => {
  it('NECS due dates (Bhutan, official and computed holidays), 1970–2100', () => {
    const cal = necs.calendar;
    const luxonCal = old.luxonCalendarLike(cal);
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 30 }), (receivedAt, n) => {
        expect(outcome(() => computeDueDate(cal, receivedAt, n))).toEqual(
          outcome(() => computeDueDate(luxonCal, receivedAt, n)),
        );
      }),
      { numRuns: 1_000 },
    );
  });

  it('due dates, day 0 and working days between in zones with DST and odd offsets, any close of office', () => {
    fc.assert(
      fc.property(
        zone,
        closes,
        text,
        fc.integer({ min: -30, max: 400 }),
        zone,
        fc.integer({ min: 0, max: 25 }),
        at,
        (z, close, from, days, toZone, n, now) => {
          sameNow(now);
          // Within a year or so of `from`: the count walks every day in between.
          const to = instantIn(
            Date.parse(from.length > 19 ? from : `${from}Z`) + days * 86_400_000 + days * 3_600_000,
            toZone,
          );
          const cal = calendarIn(z, close);
          const luxonCal = old.luxonCalendarLike(cal);
          expect(outcome(() => computeDueDate(cal, from, n))).toEqual(outcome(() => computeDueDate(luxonCal, from, n)));
          expect(outcome(() => workingDaysBetween(cal, from, to))).toEqual(
            outcome(() => workingDaysBetween(luxonCal, from, to)),
          );
          expect(outcome(() => dayZero(cal, cal.parseInstant(from)))).toEqual(
            outcome(() => dayZero(luxonCal, luxonCal.parseInstant(from))),
          );
          const date = from.slice(0, 10);
          expect(outcome(() => cal.format(cal.closeOfOffice(date)))).toEqual(
            outcome(() => luxonCal.format(luxonCal.closeOfOffice(date))),
          );
          expect(outcome(() => cal.isAfterClose(cal.parseInstant(from)))).toEqual(
            outcome(() => luxonCal.isAfterClose(luxonCal.parseInstant(from))),
          );
        },
      ),
      { numRuns: 800 },
    );
  });

  it('refuses the same texts with the same message', () => {
    const cal = necs.calendar;
    const luxonCal = old.luxonCalendarLike(cal);
    for (const bad of [
      '',
      'yesterday',
      '2026-02-30T10:00:00Z',
      '2026-13-01',
      '2026-11-12T24:01Z',
      '2026-11-12T10:60Z',
      '2026-11-12T10:00:60Z',
      '2026-11-12T10:00+06:00[Mars/Olympus]',
    ]) {
      expect(outcome(() => computeDueDate(cal, bad, 20))).toEqual(outcome(() => computeDueDate(luxonCal, bad, 20)));
      expect(outcome(() => cal.closeOfOffice(bad))).toEqual(outcome(() => luxonCal.closeOfOffice(bad)));
    }
  });

  it('checks a received-at date against now and the start date the same', () => {
    fc.assert(
      fc.property(zone, text, text, fc.option(fc.integer({ min: MIN, max: MAX })), (z, receivedAt, now, start) => {
        const cal = calendarIn(z, '17:00');
        const luxonCal = old.luxonCalendarLike(cal);
        const startDate = start === null ? undefined : new Date(start).toISOString().slice(0, 10);
        const ours = checkReceivedAt(
          cal.parseInstant(receivedAt),
          cal.parseInstant(now),
          startDate ? cal.parseInstant(startDate) : undefined,
        );
        const theirs = old.checkReceivedAt(
          luxonCal.parseInstant(receivedAt) as never,
          luxonCal.parseInstant(now) as never,
          startDate ? (luxonCal.parseInstant(startDate) as never) : undefined,
        );
        expect(ours && { code: ours.code, message: ours.message, details: ours.details }).toEqual(
          theirs && { code: theirs.code, message: theirs.message, details: theirs.details },
        );
      }),
      { numRuns: 1_000 },
    );
  });

  it('writes the due date in mail the same', () => {
    fc.assert(
      fc.property(instantMs, zone, fc.boolean(), (ms, z, suppress) => {
        const dueAt = instantIn(ms, 'Asia/Thimphu', suppress);
        expect(humanDue(dueAt, z)).toBe(old.humanDue(dueAt, z));
      }),
      { numRuns: 1_000 },
    );
    expect(humanDue('2026-11-27T17:00:00+06:00', 'Asia/Thimphu')).toBe(
      'Friday, 27 November 2026, 17:00 (Asia/Thimphu)',
    );
  });

  it('reports: previous month, the months read and the instants kept between two dates', async () => {
    const months = fc
      .tuple(fc.integer({ min: 1970, max: 2100 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${pad(m)}`);
    fc.assert(fc.property(months, (m) => previousMonth(m) === old.previousMonth(m)));
    for (const m of ['2026-13', '2026-00', '2026-1', '']) expect(previousMonth(m)).toBe(old.previousMonth(m));

    const day = fc
      .integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(
        zone,
        day,
        fc.integer({ min: 0, max: 70 }),
        fc.array(fc.integer({ min: -3 * 86_400_000, max: 75 * 86_400_000 }), { maxLength: 12 }),
        async (z, from, span, offsets) => {
          const to = new Date(Date.parse(from) + span * 86_400_000).toISOString().slice(0, 10);
          const base = Date.parse(`${from}T00:00:00Z`);
          const instants = offsets.map((o) => instantIn(base + o, ZONES[Math.abs(o) % ZONES.length] as string));
          const expected = old.monthsAndRange(from, to, z, instants);
          const read: string[] = [];
          const readModels = {
            partition: async (pk: string) => {
              read.push(pk);
              return instants.map((i, k) => ({ sentAt: i, submittedAt: i, requestId: `R${k}`, status: 'submitted' }));
            },
          } as unknown as ReadModels;
          const rows = await loadDisclosures({ readModels, timeZone: z }, from, to);
          expect(read).toEqual(expected.months.map((m) => `disclosures#${m}`));
          expect(rows.length).toBe(expected.kept.length * expected.months.length);
          read.length = 0;
          const facts = await loadWebsiteFacts(readModels, z, from, to);
          expect(read).toEqual(expected.months.map((m) => `website-month#${m}`));
          expect(facts.map((f) => f.submittedAt).sort()).toEqual(expected.months.flatMap(() => expected.kept).sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('website review: the period and the months read, for every MM-DD the config accepts', () => {
    const reviewDates = [...Array(12).keys()].flatMap((m) =>
      [...Array(31).keys()].map((d) => `${pad(m + 1)}-${pad(d + 1)}`),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2100 }), fc.constantFrom(...reviewDates), zone, (year, date, z) => {
        const period = reviewPeriod(year, date, z);
        expect(period).toEqual(old.reviewPeriod(year, date, z));
        if (period.from !== null) expect(reviewMonths(period, z)).toEqual(old.reviewMonths(period, z));
      }),
      { numRuns: 2_000 },
    );
  });

  it('leave and as-of dates: a day is its start (from), the next morning (to), its last millisecond (as of)', () => {
    const metadata = { now: '2026-11-12T10:00:00+06:00', actor: { kind: 'system', component: 'test' } } as const;
    fc.assert(
      fc.property(
        zone,
        fc.oneof(
          text.map((t) => t.slice(0, 10)),
          text.filter((t) => t.length > 19),
        ),
        fc.oneof(
          text.map((t) => t.slice(0, 10)),
          text.filter((t) => t.length > 19),
        ),
        at,
        (z, from, to, now) => {
          sameNow(now);
          const leave = grantLeave('someone', { from, to, delegateTo: 'other' }, z, metadata as never);
          expect(leave.data).toEqual({
            personId: 'someone',
            from: old.startOf(from, z),
            to: old.endOf(to, z),
            delegateTo: 'other',
          });
          expect(asOfInstant(to, metadata.now, z)).toBe(old.asOfInstant(to, metadata.now, z));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('validates the agency time zone the same', () => {
    for (const tz of [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Asia/Thimpu', '', 'Bhutan']) {
      expect({ tz, ok: CalendarSettings.unwrap().shape.timeZone.safeParse(tz).success }).toEqual({
        tz,
        ok: old.isValidZone(tz),
      });
    }
  });
});
