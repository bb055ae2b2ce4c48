/**
 * Replaces nodemailer's extension ↔ MIME type tables (`dist/esm/mime-funcs/mime-types.js`, 74 KB) in the
 * Lambda bundles. nodemailer only consults them for a part given without a content type, and ours never
 * is: every attachment we send carries the MIME type the events require (`events/primitives.ts`,
 * `contentType` non-empty; the API takes only `type/subtype`), and the text and HTML parts get theirs
 * from MailComposer itself. Should a part ever come without one, nodemailer's own answer for a type or
 * extension it does not know is given: `application/octet-stream`, and `txt` or `bin`.
 */
const defaultMimeType = 'application/octet-stream';

/** nodemailer's answer for a file name whose extension it does not know. */
export const detectMimeType = (_filename?: string): string => defaultMimeType;

/** nodemailer's answer for a MIME type it does not know: `txt` for text, `bin` for the rest. */
export const detectExtension = (mimeType?: string): string =>
  mimeType?.toLowerCase().trim().split('/')[0]?.trim() === 'text' ? 'txt' : 'bin';
