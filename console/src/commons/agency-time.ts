import { config } from './config';

/** Midnight at the start of a calendar date (YYYY-MM-DD) in the agency's time zone, as an ISO instant with its offset. */
export const agencyMidnight = (date: string): string => {
  // The offset at noon of that day: time zones change offset at night, never at midday.
  const part =
    new Intl.DateTimeFormat('en-US', { timeZone: config().timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(`${date}T12:00:00Z`))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = /^GMT[+-]\d{2}:\d{2}$/.test(part) ? part.slice(3) : '+00:00';
  return `${date}T00:00:00${offset}`;
};

/** The calendar date after `date` (YYYY-MM-DD). */
export const nextDate = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A YYYY-MM-DD date from the URL, or undefined when it is not one. */
export const dateParam = (value: string | null): string | undefined =>
  value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;

/** The month (YYYY-MM) it is now in the agency's time zone: the month the head of agency's figures are for. */
export const agencyMonth = (at: Date = new Date()): string => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: config().timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(at);
  return `${parts.find((p) => p.type === 'year')?.value ?? '0000'}-${parts.find((p) => p.type === 'month')?.value ?? '01'}`;
};
