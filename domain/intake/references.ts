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
  const all = [...(inReplyTo ? [inReplyTo] : []), ...[...references].reverse()].flatMap((v) => v.match(/<[^<>]+>/g) ?? [v]);
  return [...new Set(all.map(normalizeMessageId).filter((id) => id.includes('@')))];
};

/** SES replaces our Message-ID with `<messageId@region.amazonses.com>`: the SES message id, if that is one. */
export const sesMessageIdOf = (normalizedId: string): string | undefined => {
  const m = /^([^@]+)@[a-z0-9-]+\.amazonses\.com$/.exec(normalizedId);
  return m?.[1];
};

const idToken = (secret: string, mailId: string) => createHmac('sha256', `message-id:${secret}`).update(mailId).digest('hex').slice(0, 16);

/** The Message-ID we give a mail (`<REF.vN.token@domain>`): unguessable, so a reply naming it is genuine. */
export const ourMessageId = (mailId: string, domain: string, secret: string): string => `<${mailId}.${idToken(secret, mailId)}@${domain}>`;

/** The reference of one of our own Message-IDs, when its token is genuine. */
export const referenceFromOurMessageId = (normalizedId: string, domain: string, secret: string): string | undefined => {
  const m = /^([a-z0-9]+-\d{4}-\d{5,})\.v(\d+)\.([0-9a-f]{16})@(.+)$/.exec(normalizedId);
  if (!m || m[4] !== domain.toLowerCase()) return undefined;
  const mailId = `${(m[1] as string).toUpperCase()}.v${m[2]}`;
  const given = Buffer.from(m[3] as string);
  const expected = Buffer.from(idToken(secret, mailId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? (m[1] as string).toUpperCase() : undefined;
};
