/**
 * What an event's hash covers, `${prevHash}\n${canonicalEnvelope(event)}`, written straight into UTF-8
 * bytes for hashing. Reading a stream hashes every event, and building that text from strings makes
 * a dozen intermediate strings per event (2.5 KB of garbage, which the collector then has to scavenge
 * while the whole read is alive); this writes the same bytes into one reused buffer instead.
 *
 * It handles plain JSON data (strings, finite numbers, booleans, null, arrays without holes, objects
 * without `toJSON`), which is what the store holds, and gives up (undefined) on anything else, so the
 * string writer ({@link canonicalEnvelope}) does those exactly as before: a lone surrogate, NaN, a
 * `toJSON`, a hole, a function, nesting deeper than {@link MAX_DEPTH}, a member that is not written,
 * a non-ASCII `prevHash`. Proved byte for byte against `canonicalize` by
 * test/unit/audit/canonical-bytes.properties.test.ts.
 */

import { sortKeys } from './canonical-json.js';

/** As canonical-json.ts: deeper than this may be a cycle, which `canonicalize` itself must report. */
const MAX_DEPTH = 64;

const INITIAL_BYTES = 1 << 16;
/** A buffer grown past this for one large event (DynamoDB items reach 400 KB) is let go at the next call. */
const RETAINED_MAX_BYTES = 1 << 20;

let buffer = new Uint8Array(INITIAL_BYTES);
let length = 0;

/** Bytes the writer holds between calls (for the test that a large event's buffer is let go). */
export const retainedBufferBytes = (): number => buffer.length;

/** Room for `n` more bytes. */
const reserve = (n: number): void => {
  if (length + n <= buffer.length) return;
  const grown = new Uint8Array(Math.max(buffer.length * 2, length + n));
  grown.set(buffer.subarray(0, length));
  buffer = grown;
};

/** One ASCII byte (punctuation). */
const writeByte = (c: number): void => {
  if (length === buffer.length) reserve(1);
  buffer[length++] = c;
};

/** A string known to be ASCII needing no escaping (punctuation, member names, numbers). */
const writeAscii = (s: string): void => {
  reserve(s.length);
  const b = buffer;
  let at = length;
  for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
  length = at;
};

const HEX = '0123456789abcdef';

/**
 * A string as JSON.stringify quotes and escapes it (`\"`, `\\`, `\b \t \n \f \r`, other controls as
 * `\u00xx`), encoded as UTF-8; false on a lone surrogate, which canonicalize refuses.
 */
const writeString = (s: string): boolean => {
  const n = s.length;
  // At most 6 bytes per UTF-16 unit (`\u00xx`; UTF-8 needs at most 3), and the quotes.
  reserve(6 * n + 2);
  const b = buffer;
  let at = length;
  b[at++] = 0x22;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c) {
        b[at++] = c;
        continue;
      }
      b[at++] = 0x5c;
      switch (c) {
        case 0x22:
          b[at++] = 0x22;
          break;
        case 0x5c:
          b[at++] = 0x5c;
          break;
        case 0x08:
          b[at++] = 0x62;
          break;
        case 0x09:
          b[at++] = 0x74;
          break;
        case 0x0a:
          b[at++] = 0x6e;
          break;
        case 0x0c:
          b[at++] = 0x66;
          break;
        case 0x0d:
          b[at++] = 0x72;
          break;
        default:
          b[at++] = 0x75;
          b[at++] = 0x30;
          b[at++] = 0x30;
          b[at++] = HEX.charCodeAt(c >> 4);
          b[at++] = HEX.charCodeAt(c & 0xf);
      }
    } else if (c < 0x800) {
      b[at++] = 0xc0 | (c >> 6);
      b[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      b[at++] = 0xe0 | (c >> 12);
      b[at++] = 0x80 | ((c >> 6) & 0x3f);
      b[at++] = 0x80 | (c & 0x3f);
    } else {
      // A surrogate: only a high one followed by a low one is a character.
      const low = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || low < 0xdc00 || low > 0xdfff) return false;
      const code = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
      i++;
      b[at++] = 0xf0 | (code >> 18);
      b[at++] = 0x80 | ((code >> 12) & 0x3f);
      b[at++] = 0x80 | ((code >> 6) & 0x3f);
      b[at++] = 0x80 | (code & 0x3f);
    }
  }
  b[at++] = 0x22;
  length = at;
  return true;
};

/** A value as canonical-json.ts writes it, in the same order of reads; false where that writer must take over. */
const writeValue = (value: unknown, depth: number): boolean => {
  switch (typeof value) {
    case 'string':
      return writeString(value);
    case 'boolean':
      writeAscii(value ? 'true' : 'false');
      return true;
    case 'number':
      if (!Number.isFinite(value)) return false;
      // For a finite number JSON.stringify writes Number::toString, as a template does (-0 as 0).
      writeAscii(`${value}`);
      return true;
    case 'object': {
      if (value === null) {
        writeAscii('null');
        return true;
      }
      if (depth > MAX_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
      if (Array.isArray(value)) {
        const array = value as unknown[];
        const n = array.length;
        writeByte(0x5b);
        for (let i = 0; i < n; i++) {
          if (i > 0) writeByte(0x2c);
          if (!(i in array)) return false;
          const v = array[i];
          if (v === undefined || typeof v === 'symbol') writeAscii('null');
          else if (!writeValue(v, depth + 1)) return false;
        }
        writeByte(0x5d);
        return true;
      }
      const record = value as Record<string, unknown>;
      writeByte(0x7b);
      let first = true;
      for (const key of sortKeys(Object.keys(record))) {
        const v = record[key];
        if (v === undefined || typeof v === 'symbol') continue;
        if (!first) writeByte(0x2c);
        first = false;
        if (!writeString(key)) return false;
        writeByte(0x3a);
        if (!writeValue(v, depth + 1)) return false;
      }
      writeByte(0x7d);
      return true;
    }
    default:
      return false;
  }
};

/** A member of the envelope: `"name":value` after the separator, false where the string writer must take over. */
const writeMember = (separatorAndName: string, value: unknown): boolean => {
  if (value === undefined || typeof value === 'symbol') return false;
  writeAscii(separatorAndName);
  return writeValue(value, 1);
};

/** What the hash covers: the event's place and content (the fields of a ChainedEvent). */
interface Envelope {
  readonly streamId: unknown;
  readonly version: unknown;
  readonly type: unknown;
  readonly schemaVersion: unknown;
  readonly occurredAt: unknown;
  readonly actor: unknown;
  readonly data: unknown;
}

/**
 * The UTF-8 bytes of `${prevHash}\n${canonicalEnvelope(event)}`, or undefined where the string writer
 * must do it (see above). The bytes are a view of a buffer reused by the next call: hash them at once.
 */
export const envelopeUtf8 = (prevHash: string, event: Envelope): Uint8Array | undefined => {
  if (typeof prevHash !== 'string') return undefined;
  if (buffer.length > RETAINED_MAX_BYTES) buffer = new Uint8Array(INITIAL_BYTES);
  length = 0;
  reserve(prevHash.length + 1);
  for (let i = 0; i < prevHash.length; i++) {
    const c = prevHash.charCodeAt(i);
    if (c >= 0x80) return undefined;
    buffer[length++] = c;
  }
  const { actor, data, occurredAt, schemaVersion, streamId, type, version } = event;
  const written =
    writeMember('\n{"actor":', actor) &&
    writeMember(',"data":', data) &&
    writeMember(',"occurredAt":', occurredAt) &&
    writeMember(',"schemaVersion":', schemaVersion) &&
    writeMember(',"streamId":', streamId) &&
    writeMember(',"type":', type) &&
    writeMember(',"version":', version);
  if (!written) return undefined;
  writeByte(0x7d);
  return buffer.subarray(0, length);
};
