import { createHmac, timingSafeEqual } from 'node:crypto';

/** Hex characters of the HMAC kept in the address: 48 bits, short enough to read, too long to guess. */
const TOKEN_LENGTH = 12;

/** The keyed hash of a reference that only our own mail carries. */
export const replyToken = (secret: string, reference: string): string =>
  createHmac('sha256', secret).update(reference).digest('hex').slice(0, TOKEN_LENGTH);

/** `requests+<REF>-<token>@domain`, built on the agency's intake address. */
export const replyAddress = (intakeAddress: string, reference: string, secret: string): string => {
  const [local, domain] = intakeAddress.split('@') as [string, string];
  return `${local}+${reference}-${replyToken(secret, reference)}@${domain}`;
};

/**
 * The reference a reply address names, if its token is genuine; undefined for any other address,
 * and for a forged or mistyped token.
 */
export const referenceFromReplyAddress = (
  address: string,
  intakeAddress: string,
  secret: string,
): string | undefined => {
  const [intakeLocal, intakeDomain] = intakeAddress.toLowerCase().split('@') as [string, string];
  const m = /^([^@+]+)\+([A-Za-z0-9]+-\d{4}-\d{5,})-([0-9a-f]+)@(.+)$/i.exec(address.trim());
  if (!m || m[1]?.toLowerCase() !== intakeLocal || m[4]?.toLowerCase() !== intakeDomain) return undefined;
  const reference = (m[2] as string).toUpperCase();
  const given = Buffer.from((m[3] as string).toLowerCase());
  const expected = Buffer.from(replyToken(secret, reference));
  return given.length === expected.length && timingSafeEqual(given, expected) ? reference : undefined;
};
