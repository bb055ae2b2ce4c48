import type { Holiday } from '../agency/holidays.js';
import { gregorianOf } from './bhutanese-calendar.js';
import { holidaysOfYear, LUNAR } from './bhutan-holidays.js';
import { dashainDate } from './dashain.js';

/**
 * The computation behind Bhutan's provisional holidays: the Bhutanese lunar calendar and Dashain's astronomy
 * (astronomia). Run at build time by scripts/time/bhutan-holidays.ts, which writes the results into
 * bhutan-holidays.generated.ts, and by the tests that check that table; no function imports it.
 */

/**
 * The dates a year's list computes (the lunar calendar's and Dashain's), in a fixed order: each rule of
 * `LUNAR`, the late Traditional Day of Offering, the Thimphu Tshechu's first day, Dashain.
 */
export const lunarDatesOf = (year: number): string[] => [
  ...LUNAR.map((rule) =>
    gregorianOf({ losarYear: rule.ofPreviousYear ? year - 1 : year, month: rule.month, day: rule.day }),
  ),
  gregorianOf({ losarYear: year, month: 12, day: 1 }),
  gregorianOf({ losarYear: year, month: 8, day: 10 }),
  dashainDate(year),
];

/** Bhutan's holidays of a year computed now, whatever was generated: what the generated dates must equal. */
export const computeBhutanHolidays = (year: number): Holiday[] => holidaysOfYear(year, lunarDatesOf(year));
