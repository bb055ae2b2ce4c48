import { createHmac, timingSafeEqual } from 'node:crypto';

/** Hex characters of the tracking token: 128 bits, as a link carries it, never typed by hand. */
const TOKEN_LENGTH = 32;

/**
 * The token of a request's tracking link (`/portal/track/<REF>?token=…`): a keyed hash (HMAC-SHA256) of
 * the reference under its own label, so it is never the reply address's token (which is shorter and keyed
 * on the bare reference) and knowing one does not give the other.
 */
export const trackingToken = (secret: string, reference: string): string =>
  createHmac('sha256', secret).update(`portal-track:${reference}`).digest('hex').slice(0, TOKEN_LENGTH);

/** True only for the genuine token of this reference (compared in constant time). */
export const isTrackingToken = (secret: string, reference: string, given: string | undefined): boolean => {
  if (typeof given !== 'string' || given.length !== TOKEN_LENGTH) return false;
  const expected = Buffer.from(trackingToken(secret, reference));
  const actual = Buffer.from(given.toLowerCase());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/** The tracking link's path and query, e.g. `/portal/track/NECS-2026-00001?token=…`. */
export const trackingPath = (secret: string, reference: string): string =>
  `/portal/track/${reference}?token=${trackingToken(secret, reference)}`;
