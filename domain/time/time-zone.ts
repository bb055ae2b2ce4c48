/**
 * Time zones on the platform's own `Intl` (no tz database shipped with the code). The rules are
 * those Luxon 3 used before this module replaced it, so every instant, offset and local time comes
 * out the same (test/unit/time/*.properties.test.ts checks it against Luxon):
 * - a zone name `utc`/`gmt` (any case) or `utc±h[:mm]` is a fixed offset; `local`/`system` is the
 *   process's zone; anything else is an IANA name, valid when `Intl.DateTimeFormat` accepts it;
 * - an IANA zone's offset at an instant is read from one cached `Intl.DateTimeFormat` per zone, except
 *   for the zones whose rules were computed from it at build time (zone-rules.generated.ts: the agency's
 *   zone, 1900–2100), read from those rules without `Intl` (ICU's zone data costs a cold start ~15 ms).
 */
import { GENERATED_ZONE_RULES } from './zone-rules.generated.js';
import { offsetFromRules, type ZoneRules } from './zone-rules.js';

const rulesOf = (zone: string): ZoneRules | undefined =>
  Object.hasOwn(GENERATED_ZONE_RULES, zone) ? GENERATED_ZONE_RULES[zone] : undefined;

/** A zone: a fixed offset (minutes east of UTC), an IANA zone, or the process's own zone. */
export type TimeZone =
  | { readonly kind: 'fixed'; readonly offset: number }
  | { readonly kind: 'iana'; readonly name: string }
  | { readonly kind: 'system' };

export const UTC: TimeZone = { kind: 'fixed', offset: 0 };
const SYSTEM: TimeZone = { kind: 'system' };

const validity = new Map<string, boolean>();

/** True when `zone` names a time zone this platform knows (an IANA name such as `Asia/Thimphu`). */
export const isValidTimeZone = (zone: string): boolean => {
  if (!zone) return false;
  if (rulesOf(zone)) return true;
  let valid = validity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone }).format();
      valid = true;
    } catch {
      valid = false;
    }
    validity.set(zone, valid);
  }
  return valid;
};

const FIXED_SPECIFIER = /^utc(?:([+-]\d{1,2})(?::(\d{2}))?)?$/i;

/** The zone a name stands for (see the module comment); undefined means the process's zone. */
export const zoneNamed = (name: string | undefined): TimeZone => {
  if (name === undefined) return SYSTEM;
  const lowered = name.toLowerCase();
  if (lowered === 'default' || lowered === 'local' || lowered === 'system') return SYSTEM;
  if (lowered === 'utc' || lowered === 'gmt') return UTC;
  const m = FIXED_SPECIFIER.exec(lowered);
  if (m?.[1] !== undefined) return { kind: 'fixed', offset: signedOffset(m[1], m[2]) };
  return { kind: 'iana', name };
};

export const isZoneValid = (zone: TimeZone): boolean => zone.kind !== 'iana' || isValidTimeZone(zone.name);

export const sameZone = (a: TimeZone, b: TimeZone): boolean =>
  a.kind === 'fixed'
    ? b.kind === 'fixed' && a.offset === b.offset
    : a.kind === 'iana'
      ? b.kind === 'iana' && a.name === b.name
      : b.kind === 'system';

/** Minutes of an offset written `±hh` and `mm` (the minutes take the hour's sign, even `-00`). */
export const signedOffset = (hours: string | undefined, minutes: string | undefined): number => {
  let h = parseInt(hours ?? '', 10);
  if (Number.isNaN(h)) h = 0;
  const m = parseInt(minutes ?? '', 10) || 0;
  return h * 60 + (h < 0 || Object.is(h, -0) ? -m : m);
};

/**
 * Milliseconds since the epoch of a local date-time read as if it were UTC. Years 0–99 are taken
 * as written (Date.UTC would read them as 19xx).
 */
export const localToEpoch = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
): number => {
  let ms = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (year < 100 && year >= 0) {
    const d = new Date(ms);
    d.setUTCFullYear(year, month - 1, day);
    ms = +d;
  }
  return ms;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one costs far more than using it. */
const formatterOf = (zone: string): Intl.DateTimeFormat => {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      hour12: false,
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
};

/**
 * An IANA zone's offset at `ts` as `Intl` gives it: its wall clock there (to the second) minus `ts` (to
 * the second). What the generated zone rules are computed from.
 */
export const intlOffset = (zone: string, ts: number): number => {
  const date = new Date(ts);
  if (Number.isNaN(+date)) return NaN;
  let year = NaN;
  let month = NaN;
  let day = NaN;
  let hour = NaN;
  let minute = NaN;
  let second = NaN;
  let era = '';
  for (const { type, value } of formatterOf(zone).formatToParts(date)) {
    if (type === 'era') era = value;
    else if (type === 'year') year = parseInt(value, 10);
    else if (type === 'month') month = parseInt(value, 10);
    else if (type === 'day') day = parseInt(value, 10);
    else if (type === 'hour') hour = parseInt(value, 10);
    else if (type === 'minute') minute = parseInt(value, 10);
    else if (type === 'second') second = parseInt(value, 10);
  }
  if (era === 'BC') year = -Math.abs(year) + 1;
  // hour12: false can still print midnight as 24 on some engines.
  const asUtc = localToEpoch(year, month, day, hour === 24 ? 0 : hour, minute, second, 0);
  const over = ts % 1000;
  const wholeSeconds = ts - (over >= 0 ? over : 1000 + over);
  return (asUtc - wholeSeconds) / 60_000;
};

const offsetOfRules = (zone: string, ts: number): number | undefined => {
  const rules = rulesOf(zone);
  return rules ? offsetFromRules(rules, ts) : undefined;
};

/** The zone's offset from UTC at `ts`, in minutes (NaN for an unknown zone). */
export const offsetAt = (zone: TimeZone, ts: number): number => {
  switch (zone.kind) {
    case 'fixed':
      return zone.offset;
    case 'system':
      return -new Date(ts).getTimezoneOffset();
    case 'iana':
      return isValidTimeZone(zone.name) ? (offsetOfRules(zone.name, ts) ?? intlOffset(zone.name, ts)) : NaN;
  }
};

/**
 * The instant of a local time (`localTs`, the local fields read as UTC) in `zone`, starting from the
 * offset `guess`. Where the local time happens twice (clocks going back) the guess decides which;
 * where it never happens (clocks going forward) the time is moved on by the gap.
 * Returns the instant and its offset.
 */
export const resolveLocal = (localTs: number, guess: number, zone: TimeZone): [number, number] => {
  let utcGuess = localTs - guess * 60_000;
  const o2 = offsetAt(zone, utcGuess);
  if (guess === o2) return [utcGuess, guess];
  utcGuess -= (o2 - guess) * 60_000;
  const o3 = offsetAt(zone, utcGuess);
  if (o2 === o3) return [utcGuess, o2];
  return [localTs - Math.min(o2, o3) * 60_000, Math.max(o2, o3)];
};
