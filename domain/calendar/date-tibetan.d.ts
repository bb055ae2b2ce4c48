/** Types for `@hnw/date-tibetan` (the package ships none): the parts the Bhutanese holiday rules use. */
declare module '@hnw/date-tibetan' {
  /** [rabjung cycle, year of the cycle (1–60), month (1–12), leap month?, day (1–30), leap (doubled) day?] */
  export type TibetanDateTuple = [number, number, number, boolean, number, boolean];
  export class CalendarTibetan {
    constructor(cycle?: number, year?: number, month?: number, leapMonth?: boolean, day?: number, leapDay?: boolean);
    get(): TibetanDateTuple;
    toGregorian(): { year: number; month: number; day: number };
    fromGregorian(year: number, month: number, day: number): this;
  }
  export class CalendarBhutanese extends CalendarTibetan {}
}

/** Types for the two `astronomia` modules the Dashain rule uses (the package ships none). */
declare module 'astronomia/solar' {
  /** The Sun's apparent longitude (radians) at `T` Julian centuries from J2000. */
  export function apparentLongitude(T: number): number;
}
declare module 'astronomia/moonposition' {
  /** The Moon's geocentric position at Julian ephemeris day `jde`: longitude and latitude in radians. */
  export function position(jde: number): { lon: number; lat: number; range: number };
}
