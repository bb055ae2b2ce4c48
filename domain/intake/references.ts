import { createHmac, timingSafeEqual } from 'node:crypto';

/** The references in a subject written as `[NECS-2026-00001]`, in order, without repeats. */
export const referencesInSubject = (subject: string, prefix: string): string[] => {
  const pattern = new RegExp(`\\[\\s*(${prefix}-\\d{4}-\\d{5,})\\s*\\]`, 'gi');
  return [...new Set([...subject.matchAll(pattern)].map((m) => (m[1] as string).toUpperCase()))];
};

/** `<ABC@host>` → `abc@host`: how Message-IDs are compared. */
export const normalizeMessageId = (id: string): string => id.trim().replace(/^<|>$/g, '').trim().toLowerCase();

/** Every Message-ID named in In-Reply-To and References, normalized, newest first. */
export const messageIdsReferenced = (inReplyTo: string | undefined, references: readonly string[]): string[] => {
  const all = [...(inReplyTo ? [inReplyTo] : []), ...[...references].reverse()].flatMap(
    (v) => v.match(/<[^<>]+>/g) ?? [v],
  );
  return [...new Set(all.map(normalizeMessageId).filter((id) => id.includes('@')))];
};

/** SES replaces our Message-ID with `<messageId@region.amazonses.com>`: the SES message id, if that is one. */
export const sesMessageIdOf = (normalizedId: string): string | undefined => {
  const m = /^([^@]+)@[a-z0-9-]+\.amazonses\.com$/.exec(normalizedId);
  return m?.[1];
};

const idToken = (secret: string, mailId: string) =>
  createHmac('sha256', `message-id:${secret}`).update(mailId).digest('hex').slice(0, 16);

/** The Message-ID we give a mail (`<REF.vN.token@domain>`): unguessable, so a reply naming it is genuine. */
export const ourMessageId = (mailId: string, domain: string, secret: string): string =>
  `<${mailId}.${idToken(secret, mailId)}@${domain}>`;

const genuine = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** One of our own Message-IDs, taken apart: the request and the mail (`REF.vN`), when its token is genuine. */
export const ourMessageIdParts = (
  normalizedId: string,
  domain: string,
  secret: string,
): { readonly reference: string; readonly mailId: string } | undefined => {
  const m = /^([a-z0-9]+-\d{4}-\d{5,})\.v(\d+)\.([0-9a-f]{16})@(.+)$/.exec(normalizedId);
  if (!m || m[4] !== domain.toLowerCase()) return undefined;
  const reference = (m[1] as string).toUpperCase();
  const mailId = `${reference}.v${m[2]}`;
  return genuine(m[3] as string, idToken(secret, mailId)) ? { reference, mailId } : undefined;
};

/** The reference of one of our own Message-IDs, when its token is genuine. */
export const referenceFromOurMessageId = (normalizedId: string, domain: string, secret: string): string | undefined =>
  ourMessageIdParts(normalizedId, domain, secret)?.reference;

/**
 * The Message-ID of mail to staff that belongs to no request (digests, calendar notices, reports):
 * `<staff.KEY@domain>`, so that a reply naming it is known for a reply to staff mail, never a
 * requester's new request. No token: someone who forges one only gets their own mail held for an officer.
 */
export const staffMessageId = (key: string, domain: string): string =>
  `<staff.${key.toLowerCase().replace(/[^a-z0-9.-]/g, '-')}@${domain}>`;

/** Whether a (normalized) Message-ID is one {@link staffMessageId} gave for our domain. */
export const isStaffMessageId = (normalizedId: string, domain: string): boolean => {
  const m = /^staff\.[a-z0-9.-]+@(.+)$/.exec(normalizedId);
  return m !== null && m[1] === domain.toLowerCase();
};
