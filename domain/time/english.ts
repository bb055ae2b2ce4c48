import { INVALID_TEXT, type ZonedDateTime } from './zoned-date-time.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number, width = 2): string =>
  n < 0 ? `-${String(-n).padStart(width, '0')}` : String(n).padStart(width, '0');

/**
 * `Friday, 27 November 2026, 17:00`: a local date-time as a British English reader writes it (what
 * Luxon's `setLocale('en-GB').toFormat('cccc, d LLLL yyyy, HH:mm')` gave); `Invalid DateTime` when invalid.
 */
export const longEnglishDateTime = (dt: ZonedDateTime): string =>
  dt.isValid
    ? `${WEEKDAYS[dt.weekday - 1] as string}, ${dt.day} ${MONTHS[dt.month - 1] as string} ${pad(dt.year, 4)}, ${pad(dt.hour)}:${pad(dt.minute)}`
    : INVALID_TEXT;
