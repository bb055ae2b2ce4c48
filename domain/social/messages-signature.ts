import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>`: the form of Meta's `X-Hub-Signature-256` header. */
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** The header Meta would send with `body`, signed with the app secret (for tests and local tools). */
export const metaSignature = (body: string | Uint8Array, appSecret: string): string =>
  `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;

/**
 * Whether `header` is Meta's signature of exactly these bytes under the app secret: HMAC-SHA256 of the
 * raw body, compared in constant time, so that a forger learns nothing from how long the answer takes.
 * A missing or malformed header is simply not genuine.
 */
export const isGenuineMetaSignature = (
  body: string | Uint8Array,
  header: string | undefined,
  appSecret: string,
): boolean => {
  const given = header ? SIGNATURE.exec(header.trim()) : null;
  if (!given || appSecret.length === 0) return false;
  const expected = createHmac('sha256', appSecret).update(body).digest();
  return timingSafeEqual(Buffer.from((given[1] as string).toLowerCase(), 'hex'), expected);
};

/** Whether the verify handshake's token is ours, compared in constant time. */
export const isOurVerifyToken = (given: string | undefined, ours: string): boolean => {
  if (given === undefined || ours.length === 0) return false;
  const a = createHmac('sha256', 'verify-token').update(given).digest();
  const b = createHmac('sha256', 'verify-token').update(ours).digest();
  return timingSafeEqual(a, b);
};
