import { createHash } from 'node:crypto';
import type { Content } from '../events/primitives.js';

/** Where large content lives: S3 on AWS, a directory locally. Keys are the store's, digests ours. */
export interface ObjectStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** Reads an object as a stream (raw mail can be 40 MB); undefined when it is missing. */
  getStream(key: string): Promise<NodeJS.ReadableStream | undefined>;
}

/** Text up to this size travels inside the event; anything larger goes to object storage. */
export const INLINE_LIMIT_BYTES = 16_384;

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Content for an event: inline when small, else stored under a key derived from its digest (so
 * storing the same text twice is harmless) with the key, SHA-256 and size in the event.
 */
export const storeContent = async (store: ObjectStore, prefix: string, text: string): Promise<Content> => {
  const bytes = new TextEncoder().encode(text);
  if (bytes.byteLength <= INLINE_LIMIT_BYTES && text.length <= INLINE_LIMIT_BYTES) return { inline: text };
  const sha256 = sha256Hex(bytes);
  const storageKey = `${prefix}/${sha256}`;
  await store.put(storageKey, bytes, 'text/plain; charset=utf-8');
  return { storageKey, sha256, sizeBytes: bytes.byteLength };
};

/** Reads content back, checking the digest: stored content that does not match its event is refused. */
export const readContent = async (store: ObjectStore, content: Content): Promise<string> => {
  if ('inline' in content) return content.inline;
  const bytes = await store.get(content.storageKey);
  if (!bytes) throw new Error(`content ${content.storageKey} is missing from object storage`);
  if (sha256Hex(bytes) !== content.sha256) throw new Error(`content ${content.storageKey} does not match its SHA-256`);
  return new TextDecoder().decode(bytes);
};
