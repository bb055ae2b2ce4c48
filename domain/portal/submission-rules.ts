import { ZonedDateTime } from '../time/zoned-date-time.js';

/** More unconfirmed submissions than this for one address in one day are refused (429). */
export const MAX_UNCONFIRMED_PER_ADDRESS_PER_DAY = 5;

/** Submissions from one network address in one day beyond this are refused (429): a flood, not a person. */
export const MAX_SUBMISSIONS_PER_IP_PER_DAY = 50;

/** An unconfirmed submission's link works for this long. */
export const CONFIRMATION_VALID_DAYS = 7;

/** The instant a submission made at `submittedAt` stops being confirmable. */
export const confirmationExpiresAt = (submittedAt: string): string =>
  new Date(new Date(submittedAt).getTime() + CONFIRMATION_VALID_DAYS * 24 * 60 * 60 * 1000).toISOString();

/** Whether the confirmation link of a submission made at `submittedAt` still works at `now`. */
export const isConfirmable = (submittedAt: string, now: string): boolean =>
  new Date(now).getTime() < new Date(confirmationExpiresAt(submittedAt)).getTime();

/** The agency's day (YYYY-MM-DD in its time zone) a submission counts against. */
export const limitDay = (now: string, timeZone: string): string =>
  ZonedDateTime.fromISO(now, timeZone).toISODate() as string;

/** An address as the per-address limit counts it: one person, whatever the case of their address. */
export const normalizedAddress = (email: string): string => email.trim().toLowerCase();
