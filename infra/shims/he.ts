/**
 * Replaces `he` (~85 KB of entity tables) in the Lambda bundles. mailparser only encodes with it (the
 * text-as-HTML and header tables, which the intake turns off: `skipTextToHtml`), and any correct escaping
 * reads back as the same text: the five HTML specials, the backtick, and everything outside ASCII as
 * hexadecimal references (he's own default), instead of he's named references when asked for them.
 */
const escape = (ch: string): string => `&#x${(ch.codePointAt(0) as number).toString(16).toUpperCase()};`;
const NAMED: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
};

/** Escapes text for HTML (the options he takes are accepted and make no difference to what it reads as). */
export const encode = (text: string, _options?: unknown): string =>
  String(text).replace(/[&<>"'`]|[^\x20-\x7e\t\n\r]/gu, (ch) => NAMED[ch] ?? escape(ch));

/** Decoding is not used by mailparser; kept for the API's shape, through entities (already in the bundle). */
export { decodeHTML as decode } from 'entities';

export default { encode };
