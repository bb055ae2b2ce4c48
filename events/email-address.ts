import * as z from 'zod';

/**
 * The one definition of an email address, shared by intake, the API and the event catalogue.
 *
 * An RFC 5322 `addr-spec` as real mail uses it: a dot-atom local part with every `atext` character
 * (`first&last`, `user=x`, `o'brien`, `a+tag`), or a quoted string, and, per RFC 6531/6532 (EAI),
 * non-ASCII letters in both parts; a domain of at least two dot-separated labels (`bob@localhost`,
 * `foo@bar` are not addresses mail can be answered at). Domain literals (`[192.0.2.1]`) are refused.
 *
 * The check is linear in the length of the text and refuses anything over {@link EMAIL_MAX_LENGTH}
 * before looking inside, so a hostile header cannot make it slow.
 */
export const EMAIL_MAX_LENGTH = 320;
const LOCAL_MAX_LENGTH = 64;
const DOMAIN_MAX_LENGTH = 255;

// atext (RFC 5322 §3.2.3) plus UTF8-non-ascii (RFC 6532 §3.2); no quantifier nesting, so no backtracking blow-up.
const ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10FFFF}-]+$/u;
// Quoted local part: printable ASCII and non-ASCII except `"` and `\` unescaped; no control characters.
const QUOTED = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e\u0080-\u{10FFFF}]|\\[\x20-\x7e])*"$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?$/u;

const validLocal = (local: string): boolean =>
  local.length > 0 &&
  local.length <= LOCAL_MAX_LENGTH &&
  (QUOTED.test(local) || local.split('.').every((atom) => ATOM.test(atom)));

const validDomain = (domain: string): boolean => {
  if (domain.length === 0 || domain.length > DOMAIN_MAX_LENGTH) return false;
  const labels = domain.split('.');
  // A top-level label of digits only is an IP address written as a name, not a mail domain.
  return (
    labels.length >= 2 &&
    labels.every((label) => LABEL.test(label)) &&
    !/^\d+$/.test(labels[labels.length - 1] as string)
  );
};

/** Whether `text` is an email address mail can be sent to (see the module's TSDoc). */
export const isEmailAddress = (text: string): boolean => {
  if (text.length > EMAIL_MAX_LENGTH) return false;
  const at = text.lastIndexOf('@');
  return at > 0 && validLocal(text.slice(0, at)) && validDomain(text.slice(at + 1));
};

/** How addresses are compared and stored: lower case (domains are case-insensitive, and mail systems treat local parts so in practice). */
export const normalizeEmailAddress = (text: string): string => text.trim().toLowerCase();

/** The zod schema of an email address: the same rule in every schema that names one. */
export const EmailAddress = z
  .string()
  .max(EMAIL_MAX_LENGTH)
  .refine(isEmailAddress, { message: 'expected an email address such as name@example.org' });
