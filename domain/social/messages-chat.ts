import type { RenderedMail } from '../mail/templates.js';

/** Messenger's limit on one text message (the Send API refuses 2,000 characters and more). */
export const CHAT_TEXT_LIMIT = 1_999;
/** At most this many messages for one text: past it, the rest is read on the portal's page. */
export const MAX_CHAT_PARTS = 5;

/**
 * A mail rendered by the same templates as every mail to requesters, shortened for a chat: plain text
 * only, the reference and the words about the subject line dropped (the signature block), the
 * "Dear …" line and the greeting kept, since they are the agency's voice.
 */
export const chatTextOf = (mail: RenderedMail): string => {
  const signature = mail.text.lastIndexOf('\n\n--\n');
  const text = signature >= 0 ? mail.text.slice(0, signature) : mail.text;
  return text
    .replace(/Please reply to this message\./g, 'Please answer in this conversation.')
    .replace(/please reply to this message/g, 'please answer in this conversation')
    .trim();
};

/** Splits at the last paragraph break, else line break, else space before `limit`; a word longer than that is cut. */
const splitAt = (text: string, limit: number): number => {
  if (text.length <= limit) return text.length;
  const window = text.slice(0, limit);
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(sep);
    if (at > limit / 2) return at;
  }
  return limit;
};

/**
 * The messages one text goes out as: one when it fits, else parts numbered "(1/3)" split between
 * paragraphs. A text too long for {@link MAX_CHAT_PARTS} parts sends what fits and ends with where to read
 * the whole (`fullTextAt`, the portal's page of the request) — or, without a portal, that the full text
 * follows by other means.
 */
export const chatParts = (text: string, fullTextAt?: string): string[] => {
  if (text.length <= CHAT_TEXT_LIMIT) return [text];
  const marker = (i: number, n: number) => `(${i}/${n}) `;
  const room = CHAT_TEXT_LIMIT - marker(MAX_CHAT_PARTS, MAX_CHAT_PARTS).length;
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 0 && pieces.length < MAX_CHAT_PARTS) {
    const at = splitAt(rest, room);
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest.length > 0) {
    const where = fullTextAt
      ? `This answer is too long for a chat. Read it in full, with any files, here:\n${fullTextAt}`
      : 'This answer is too long for a chat. Please send us an email address here, and we will send it to you in full.';
    pieces.splice(MAX_CHAT_PARTS - 1, pieces.length, where);
  }
  return pieces.map((p, i) => `${marker(i + 1, pieces.length)}${p}`);
};
