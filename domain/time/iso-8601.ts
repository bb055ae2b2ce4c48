import { signedOffset, type TimeZone } from './time-zone.js';

/**
 * ISO-8601 calendar dates with an optional time, offset and `[IANA zone]`, in the grammar Luxon 3's
 * `DateTime.fromISO` reads them: extended (`2026-11-12T10:00:00.123+06:00`) or basic
 * (`20261112T100000+0600`) form, `,` or `.` before up to 30 fraction digits (milliseconds truncated),
 * `Z`/`z`, offsets `±hh`, `±hhmm`, `±hh:mm`, six-digit signed years, a missing month or day read as 1.
 * Week dates (`2026-W46-4`), ordinal dates (`2026-316`) and times without a date are refused here:
 * nothing at our boundaries lets them through (zod's `Instant` and `LocalDate` refuse them first).
 */

/** A local date and time, field by field (month and day from 1), before it is checked against the calendar. */
export interface LocalFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/** The fields of a parsed text, before they are checked against the calendar. */
export interface IsoFields extends LocalFields {
  /** The offset or zone the text names; undefined when it is a local time. */
  readonly zone: TimeZone | undefined;
}

const OFFSET = /(?:([Zz])|([+-]\d\d)(?::?(\d\d))?)/.source;
const IANA = /[A-Za-z_+-]{1,256}(?::?\/[A-Za-z0-9_+-]{1,256}(?:\/[A-Za-z0-9_+-]{1,256})?)?/.source;
const TIME = /(\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d{1,30}))?)?)?/.source;
const YMD = /([+-]\d{6}|\d{4})(?:-?(\d\d)(?:-?(\d\d))?)?/.source;
const ISO_DATE_TIME = new RegExp(`^${YMD}(?:[Tt]${TIME}(?:${OFFSET}?(?:\\[(${IANA})\\])?)?)?$`);

const int = (s: string | undefined, fallback: number): number =>
  s === undefined || s === '' ? fallback : parseInt(s, 10);

/** Luxon truncates a fraction to whole milliseconds. */
const millis = (fraction: string | undefined): number =>
  fraction === undefined || fraction === '' ? 0 : Math.floor(parseFloat(`0.${fraction}`) * 1000);

/** The fields of an ISO-8601 calendar date(-time), or undefined when the text is not one. */
export const parseIsoFields = (text: string): IsoFields | undefined => {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, fraction, z, offHours, offMinutes, iana] = m;
  const offset =
    z === undefined && offHours === undefined
      ? undefined
      : ({ kind: 'fixed', offset: signedOffset(offHours, offMinutes) } as const);
  return {
    year: int(year, NaN),
    month: int(month, 1),
    day: int(day, 1),
    hour: int(hour, 0),
    minute: int(minute, 0),
    second: int(second, 0),
    millisecond: millis(fraction),
    // A bracketed name is always read as an IANA zone (`[UTC]` too), and wins over an offset.
    zone: iana !== undefined ? { kind: 'iana', name: iana } : offset,
  };
};
