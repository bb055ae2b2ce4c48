import { convert as htmlToText } from 'html-to-text';
import { MailParser, type AddressObject, type AttachmentStream, type MessageText } from 'mailparser';
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { executableReason, visibleFilename } from '../../domain/intake/executable-files.js';
import { EMAIL_MAX_LENGTH, isEmailAddress, normalizeEmailAddress } from '../../events/email-address.js';
import type { AttachmentRef } from '../../events/primitives.js';
import { clipText } from '../../events/text.js';
import type { ObjectStore } from '../object-store.js';
import { sha256Hex } from '../object-store.js';

/** Limits on what intake accepts as attachments; everything beyond is kept but quarantined. */
export interface IntakeLimits {
  readonly maxMessageBytes: number;
  readonly maxAttachments: number;
  readonly maxAttachmentBytes: number;
  readonly maxBodyChars: number;
}

export const defaultIntakeLimits: IntakeLimits = {
  maxMessageBytes: 40 * 1024 * 1024, // SES's own limit for inbound mail
  maxAttachments: 50,
  maxAttachmentBytes: 25 * 1024 * 1024,
  maxBodyChars: 1_000_000,
};

/** At most this many quarantined parts are listed on the mail's event (the catalogue's limit). */
const QUARANTINE_LIST_MAX = 100;

export interface ParsedMail {
  readonly raw: { readonly sha256: string; readonly sizeBytes: number };
  /** Lower-case header name → raw values (unfolded), as the sender's software wrote them. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly contentType: string;
  readonly messageId?: string;
  readonly from?: { readonly address: string; readonly name?: string };
  /** The From header as written, when it holds no address mail can be answered at (`foo@bar`, `email_from`). */
  readonly fromHeader?: string;
  readonly replyTo?: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly inReplyTo?: string;
  readonly references: readonly string[];
  readonly text: string;
  readonly attachments: readonly AttachmentRef[];
  readonly quarantined: readonly (AttachmentRef & { reason: string })[];
  readonly warnings: readonly string[];
}

/** Longest raw header text kept for an officer to read (RFC 5322's line limit). */
const RAW_HEADER_MAX = 998;

/**
 * The addresses of an address header that mail can be answered at, lower-cased, by the one
 * definition of an address ({@link isEmailAddress}: length first, then a linear check).
 */
const addresses = (value: AddressObject | AddressObject[] | undefined): { address: string; name?: string }[] =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((a) => a.value)
    .flatMap((a) => (a.group ? a.group : [a]))
    .flatMap((a) => {
      if (!a.address || a.address.length > EMAIL_MAX_LENGTH * 2) return [];
      const address = normalizeEmailAddress(a.address);
      return isEmailAddress(address) ? [{ address, ...(a.name ? { name: a.name } : {}) }] : [];
    });

/** A header's text as written, on one line, without control characters, clipped: what an officer reads when it could not be parsed. */
const rawHeaderText = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const clean = [...value.slice(0, RAW_HEADER_MAX * 4)]
    .filter((c) => c >= ' ' && c !== '\x7f')
    .join('')
    .trim();
  return clean ? clipText(clean, RAW_HEADER_MAX) : undefined;
};

const safeFilename = (name: string | undefined, index: number, contentType: string): string => {
  // Invisible characters (a right-to-left override…) are dropped: the officer reads the name as it is.
  const printable = [...visibleFilename(name ?? '')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('');
  const base = clipText(printable.replace(/[\\/]/g, '_').replace(/^\.+/, '').trim(), 200);
  return base || `attachment-${index + 1}.${contentType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin'}`;
};

/**
 * Parses a raw message from a stream with bounded memory: the raw bytes are hashed as they pass,
 * each attachment is hashed and stored as it arrives (only one attachment is held at a time), and
 * anything the parser cannot read becomes a warning, not a failure.
 */
export const parseMail = async (
  raw: NodeJS.ReadableStream,
  objects: ObjectStore,
  limits: IntakeLimits = defaultIntakeLimits,
): Promise<ParsedMail> => {
  const rawHash = createHash('sha256');
  let rawSize = 0;
  const warnings: string[] = [];
  const headers = new Map<string, string[]>();
  let parsedHeaders = new Map<string, unknown>();
  let text: MessageText | undefined;
  const attachments: AttachmentRef[] = [];
  const quarantined: (AttachmentRef & { reason: string })[] = [];
  let index = 0;
  let accepted = 0;
  let listedQuarantine = 0;
  let unlisted = 0;
  const pending: Promise<void>[] = [];

  const parser = new MailParser({
    skipImageLinks: true,
    skipTextToHtml: true,
    maxHtmlLengthToParse: limits.maxBodyChars,
  });
  parser.on('headerLines', (lines: { key: string; line: string }[]) => {
    for (const { key, line } of lines) {
      const value = line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim();
      headers.set(key.toLowerCase(), [...(headers.get(key.toLowerCase()) ?? []), value]);
    }
  });
  parser.on('headers', (h: Map<string, unknown>) => {
    parsedHeaders = h;
  });
  parser.on('data', (data: AttachmentStream | MessageText) => {
    if (data.type === 'text') {
      text = data;
      return;
    }
    const attachment = data;
    const position = index++;
    const chunks: Buffer[] = [];
    let size = 0;
    attachment.content.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit we keep hashing nothing more in memory: the part is quarantined by size.
      if (size <= limits.maxAttachmentBytes) chunks.push(chunk);
    });
    attachment.content.on('end', () => {
      const contentType =
        clipText((attachment.contentType || 'application/octet-stream').toLowerCase(), 255) ||
        'application/octet-stream';
      const filename = safeFilename(attachment.filename, position, contentType);
      const bytes = Buffer.concat(chunks);
      const sha256 = sha256Hex(bytes);
      // Checked on the name as sent (before safeFilename tidies it) and on what the bytes are.
      const executable =
        executableReason(attachment.filename ?? '', contentType, bytes.subarray(0, 8)) ??
        executableReason(filename, contentType, bytes.subarray(0, 8));
      const reason =
        size > limits.maxAttachmentBytes
          ? `over the ${limits.maxAttachmentBytes}-byte attachment limit`
          : executable
            ? executable
            : accepted >= limits.maxAttachments
              ? `over the ${limits.maxAttachments}-attachment limit`
              : undefined;
      if (!reason) accepted++;
      else if (listedQuarantine >= QUARANTINE_LIST_MAX) {
        // The raw message keeps every part; past what the event can list, parts are counted, not stored again.
        unlisted++;
        attachment.release?.();
        return;
      } else listedQuarantine++;
      const storageKey = `${reason ? 'quarantine' : 'attachments'}/${sha256}`;
      const stored = {
        filename,
        contentType,
        sizeBytes: size > limits.maxAttachmentBytes ? size : bytes.byteLength,
        sha256,
        storageKey,
      };
      pending.push(
        objects.put(storageKey, bytes, contentType).then(() => {
          if (reason) quarantined.push({ ...stored, reason });
          else attachments.push(stored);
        }),
      );
      attachment.release?.();
    });
  });
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      rawSize += chunk.length;
      rawHash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(raw, counter, parser);
  } catch (err) {
    warnings.push(`the message could not be read to the end: ${(err as Error).message.slice(0, 200)}`);
    // Hash what the parser did not take, so the digest is of the whole raw message.
    raw.on('data', (chunk: Buffer) => {
      rawSize += chunk.length;
      rawHash.update(chunk);
    });
  }
  await Promise.all(pending);
  if (unlisted > 0) warnings.push(`${unlisted} more parts over the limits are not listed; the raw message has them`);

  const from = addresses(parsedHeaders.get('from') as AddressObject | undefined)[0];
  if (!from && headers.has('from')) warnings.push('the From address could not be read');
  const fromHeader = from ? undefined : rawHeaderText(headers.get('from')?.[0]);
  const subjectValue = parsedHeaders.get('subject');
  const contentTypeValue = parsedHeaders.get('content-type') as { value?: string } | undefined;
  const referencesValue = parsedHeaders.get('references');
  const body = clipText(
    text?.text ?? (text?.html ? htmlToText(text.html, { wordwrap: false }) : ''),
    limits.maxBodyChars,
  );
  if (text?.text && text.text.length > limits.maxBodyChars)
    warnings.push(`the body was cut at ${limits.maxBodyChars} characters; the raw message has all of it`);
  const messageId = parsedHeaders.get('message-id');
  const inReplyTo = parsedHeaders.get('in-reply-to');
  return {
    raw: { sha256: rawHash.digest('hex'), sizeBytes: rawSize },
    headers,
    contentType: (contentTypeValue?.value ?? 'text/plain').toLowerCase(),
    ...(typeof messageId === 'string' && messageId.trim() ? { messageId: clipText(messageId.trim(), 998) } : {}),
    ...(from ? { from } : {}),
    ...(fromHeader ? { fromHeader } : {}),
    ...(addresses(parsedHeaders.get('reply-to') as AddressObject | undefined)[0]
      ? { replyTo: addresses(parsedHeaders.get('reply-to') as AddressObject)[0]?.address }
      : {}),
    to: addresses(parsedHeaders.get('to') as AddressObject | undefined).map((a) => a.address),
    cc: addresses(parsedHeaders.get('cc') as AddressObject | undefined).map((a) => a.address),
    subject: clipText((typeof subjectValue === 'string' ? subjectValue : '').replace(/[\r\n]+/g, ' '), 998),
    ...(typeof inReplyTo === 'string' ? { inReplyTo } : {}),
    references: Array.isArray(referencesValue)
      ? referencesValue.map(String)
      : typeof referencesValue === 'string'
        ? [referencesValue]
        : [],
    text: body,
    attachments,
    quarantined,
    warnings,
  };
};
