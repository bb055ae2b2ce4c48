import * as z from 'zod';
import { sha256Hex, type ObjectStore } from '../../../application/object-store.js';
import type { AttachmentRef } from '../../../events/primitives.js';
import { HttpError } from '../errors.js';

/** A required text field: trimmed, not empty, at most `max` characters. */
export const Text = (max: number) => z.string().trim().min(1).max(max);

/** The largest file one upload may carry (its bytes, decoded from base64). */
export const MAX_ATTACHMENT_BYTES = 7 * 1024 * 1024;

/** A filename as a requester will see it: no path, no control characters, no leading dot. */
export const Filename = z
  .string()
  .min(1)
  .max(255)
  .refine(
    (f) =>
      !/[\\/]/.test(f) &&
      !f.includes('..') &&
      ![...f].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) &&
      !f.startsWith('.'),
    'a plain file name, without path separators, ".." or control characters',
  );

/** One uploaded file as a request body carries it. */
export interface UploadedFile {
  readonly filename: string;
  readonly contentType: string;
  readonly contentBase64: string;
}

/**
 * Stores uploaded files under their SHA-256 (the same file twice is one object) and returns what an
 * event records of each. A file over {@link MAX_ATTACHMENT_BYTES} is refused with 413 before the next
 * is stored.
 */
export const storeUploads = async (
  objects: ObjectStore,
  uploads: readonly UploadedFile[] | undefined,
): Promise<AttachmentRef[]> => {
  const refs: AttachmentRef[] = [];
  for (const a of uploads ?? []) {
    const bytes = Buffer.from(a.contentBase64, 'base64');
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES)
      throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `${a.filename} is over ${MAX_ATTACHMENT_BYTES} bytes`);
    const sha256 = sha256Hex(bytes);
    const storageKey = `attachments/${sha256}`;
    await objects.put(storageKey, bytes, a.contentType);
    refs.push({ filename: a.filename, contentType: a.contentType, sizeBytes: bytes.byteLength, sha256, storageKey });
  }
  return refs;
};
