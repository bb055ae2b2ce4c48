import type { Holiday } from '../agency/holidays.js';
import { GENERATED_FROM_YEAR, GENERATED_LUNAR_DATES } from './bhutan-holidays.generated.js';

/**
 * Bhutan's government holidays for a year whose official list is not yet in, computed from the
 * rules the Ministry of Home Affairs' lists follow. Names are the lists' own, so a computed year reads
 * like an official one. Only the national holidays and the Thimphu Drubchen and Tshechu are computed:
 * other dzongkhags' tshechu holidays are confirmed by each Dzongkhag Administration every year, and a
 * one-off holiday (the first snowfall, an election day) is declared at run time.
 */

/** Holidays on the same Gregorian date every year. */
const FIXED: readonly { monthDay: string; name: string }[] = [
  { monthDay: '01-02', name: 'Winter Solstice (Nyilo)' },
  { monthDay: '02-21', name: 'Birth Anniversary of His Majesty the King' },
  { monthDay: '02-22', name: 'Birth Anniversary of His Majesty the King' },
  { monthDay: '02-23', name: 'Birth Anniversary of His Majesty the King' },
  { monthDay: '05-02', name: 'Birth Anniversary of the Third Druk Gyalpo' },
  { monthDay: '11-01', name: 'Coronation of His Majesty the King' },
  { monthDay: '11-11', name: 'Birth Anniversary of the Fourth Druk Gyalpo (Constitution Day)' },
  { monthDay: '12-17', name: 'National Day' },
];

/**
 * Holidays on a Bhutanese lunar date (month, day) of the Bhutanese year that begins at Losar of the
 * Gregorian year, except the Traditional Day of Offering: the 1st day of the 12th month of the year
 * before, which falls in January or early February.
 */
export const LUNAR: readonly { month: number; day: number; name: string; ofPreviousYear?: true; region?: string }[] = [
  { month: 12, day: 1, name: 'Traditional Day of Offering', ofPreviousYear: true },
  { month: 1, day: 1, name: 'Losar' },
  { month: 1, day: 2, name: 'Losar' },
  { month: 3, day: 10, name: 'Zhabdrung Kuchoe' },
  { month: 4, day: 15, name: "Lord Buddha's Parinirvana" },
  { month: 5, day: 10, name: 'Birth Anniversary of Guru Rinpoche' },
  { month: 6, day: 4, name: 'First Sermon of Lord Buddha' },
  { month: 8, day: 10, name: 'Thimphu Tshechu', region: 'thimphu' },
  { month: 8, day: 11, name: 'Thimphu Tshechu', region: 'thimphu' },
  { month: 8, day: 12, name: 'Thimphu Tshechu', region: 'thimphu' },
  { month: 9, day: 22, name: 'Descending Day of Lord Buddha' },
];

/**
 * Thrue Bab, the Blessed Rainy Day, follows the Sun's passage through a lunar mansion, not a lunar
 * date; the lists have put it on 22–24 September (22 Sep 2015, 24 Sep 2023, 23 Sep 2025 and 2026).
 * The computed list takes the 23rd until the official list says otherwise.
 */
const BLESSED_RAINY_DAY = '09-23';

/** The Thimphu Drubchen holiday falls four days before the Tshechu's first day (2023, 2025, 2026 lists). */
const DRUBCHEN_DAYS_BEFORE_TSHECHU = 4;

const shift = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Lists by year, assembled on first use. */
const assembledYears = new Map<number, readonly Holiday[]>();

/**
 * Bhutan's computed (provisional) government holidays of a Gregorian year, sorted by date. The lunar and
 * astronomical dates are computed at build time (bhutan-holidays-computed.ts, run by
 * scripts/time/bhutan-holidays.ts) for the years of bhutan-holidays.generated.ts: no function carries the
 * astronomy. A year outside that table gets only the holidays on fixed Gregorian dates; the official list,
 * entered at run time, is what counts for any year.
 */
export const provisionalBhutanHolidays = (year: number): Holiday[] => {
  let list = assembledYears.get(year);
  if (!list) {
    const generated = GENERATED_LUNAR_DATES[year - GENERATED_FROM_YEAR];
    list = Object.freeze(generated ? holidaysOfYear(year, fromDayOffsets(year, generated)) : fixedHolidaysOf(year));
    assembledYears.set(year, list);
  }
  return [...list];
};

const DAY_MS = 86_400_000;
/** Dates as days from 1 January of `year` (what the generated module stores), and back. */
export const toDayOffsets = (year: number, dates: readonly string[]): number[] =>
  dates.map((d) => Math.round((Date.parse(`${d}T00:00:00Z`) - Date.UTC(year, 0, 1)) / DAY_MS));
const fromDayOffsets = (year: number, offsets: readonly number[]): string[] =>
  offsets.map((o) => new Date(Date.UTC(year, 0, 1) + o * DAY_MS).toISOString().slice(0, 10));

const byDate = (a: Holiday, b: Holiday) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name);

/** The holidays on the same Gregorian date every year (all that a year outside the generated table gets). */
const fixedHolidaysOf = (year: number): Holiday[] =>
  FIXED.map((f) => ({ date: `${year}-${f.monthDay}`, name: f.name })).sort(byDate);

/**
 * A year's list from its computed dates, in the order `lunarDatesOf` (bhutan-holidays-computed.ts) gives
 * them: each rule of `LUNAR`, the late Traditional Day of Offering, the Thimphu Tshechu's first day, Dashain.
 */
export const holidaysOfYear = (year: number, dates: readonly string[]): Holiday[] => {
  const holidays: Holiday[] = FIXED.map((f) => ({ date: `${year}-${f.monthDay}`, name: f.name }));
  LUNAR.forEach((rule, i) => {
    const date = dates[i] as string;
    // The 12th month of the year before can straddle New Year; only dates in this year belong here.
    if (date.startsWith(`${year}-`))
      holidays.push({ date, name: rule.name, ...(rule.region ? { region: rule.region } : {}) });
  });
  const [lateOffering, tshechu, dashain] = dates.slice(LUNAR.length) as [string, string, string];
  // Rarely the 12th month of this Bhutanese year starts before 31 December (no year before 2100 has it: see the tests).
  if (lateOffering.startsWith(`${year}-`)) holidays.push({ date: lateOffering, name: 'Traditional Day of Offering' });
  holidays.push({ date: shift(tshechu, -DRUBCHEN_DAYS_BEFORE_TSHECHU), name: 'Thimphu Drubchen', region: 'thimphu' });
  holidays.push({ date: `${year}-${BLESSED_RAINY_DAY}`, name: 'Blessed Rainy Day' });
  holidays.push({ date: dashain, name: 'Dashain' });
  return holidays.sort(byDate);
};

/** The computed holidays for a country, when this system knows how to compute them. */
export const provisionalHolidaysFor = (country: string): ((year: number) => Holiday[]) | undefined =>
  country.toLowerCase() === 'bt' ? provisionalBhutanHolidays : undefined;
