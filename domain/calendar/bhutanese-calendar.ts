import { CalendarBhutanese } from '@hnw/date-tibetan';

/**
 * Bhutan's lunisolar calendar (a variant of the Tibetan Phugpa calendar, with its own epoch constants
 * and its own leap-month rule: the leap month FOLLOWS its regular month, where the Tibetan one
 * precedes it). Arithmetic by `@hnw/date-tibetan`'s `CalendarBhutanese` (after Svante Janson,
 * "Tibetan calendar mathematics"). Pure: no I/O.
 */

/** The rabjung (60-year cycle) that began with Losar 1987. */
const CYCLE_17_START = 1987;

/** A Bhutanese lunar date: month 1–12 and day 1–30, in the Bhutanese year that starts at Losar of `losarYear`. */
export interface LunarDate {
  /** The Gregorian year in which this Bhutanese year's Losar falls. */
  readonly losarYear: number;
  readonly month: number;
  readonly day: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (g: { year: number; month: number; day: number }) => `${g.year}-${pad(g.month)}-${pad(g.day)}`;

const cycleAndYear = (losarYear: number): [number, number] => {
  const offset = losarYear - CYCLE_17_START;
  const cycle = 17 + Math.floor(offset / 60);
  return [cycle, (((offset % 60) + 60) % 60) + 1];
};

/** The lunar date printed on a Gregorian date, as [month, leapMonth, day, leapDay]. */
const lunarOf = (date: string): { month: number; leapMonth: boolean; day: number; leapDay: boolean } => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [, , month, leapMonth, day, leapDay] = new CalendarBhutanese().fromGregorian(y, m, d).get();
  return { month, leapMonth, day, leapDay };
};

/**
 * The Gregorian date (YYYY-MM-DD) on which a Bhutanese lunar date is observed.
 *
 * - In a year with a leap month, festivals fall in the regular month (in Bhutan the first of the two).
 * - A **doubled** lunar day (ལྷག་, two sunrises with the same date) is observed on the FIRST of the
 *   two days: Guru Rinpoche's birth anniversary of 2015 (5th month, 10th day, doubled) was a holiday on
 *   26 June 2015, not the 27th. The library calls that first day the "leap" day and, asked for the
 *   plain date, returns the second, one day late. (The Tibetan calendar doubled the 11th that month,
 *   not the 10th: doubled and omitted days fall differently in the two calendars, the usual cause of
 *   one-day differences between published Tibetan and Bhutanese dates; the leap month, placed in a
 *   different month, causes month-long ones, as for Zhabdrung Kuchoe in 2027.)
 * - An **omitted** lunar day (ཆད་) is observed on the day that carries the next date, where the
 *   library puts it.
 */
export const gregorianOf = (lunar: LunarDate): string => {
  const [cycle, year] = cycleAndYear(lunar.losarYear);
  const plain = iso(new CalendarBhutanese(cycle, year, lunar.month, false, lunar.day, false).toGregorian());
  const dayBefore = new Date(Date.parse(`${plain}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const before = lunarOf(dayBefore);
  return before.month === lunar.month && !before.leapMonth && before.day === lunar.day ? dayBefore : plain;
};
