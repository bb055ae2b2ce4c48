import { config } from './config';

let formats: { dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat } | undefined;
// Dates are shown in the agency's time zone (the one its SLA is counted in), wherever staff sit.
const f = () =>
  (formats ??= {
    dateTime: new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: config().timeZone,
    }),
    date: new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }),
  });

/** An instant as staff read it, in the agency's time zone. */
export const formatDateTime = (iso: string | null | undefined) => (iso ? f().dateTime.format(new Date(iso)) : '—');
/** A calendar date (YYYY-MM-DD) with its weekday. */
export const formatDate = (iso: string | null | undefined) =>
  iso ? f().date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '—';
export const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
