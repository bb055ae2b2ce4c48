import canonicalize from 'canonicalize';

/**
 * RFC 8785 canonical JSON, byte for byte what the `canonicalize` package writes (proved on generated
 * values by test/unit/audit/canonical-json.properties.test.ts), but faster on the values events hold:
 * native well-formedness checks instead of a character loop, no cycle bookkeeping on shallow data.
 * Anything unusual (a `toJSON`, a function, a bigint, nesting deeper than {@link MAX_DEPTH}, where a
 * cycle would show) is handed to `canonicalize` itself, so its results and errors stay exactly the same.
 */
const MAX_DEPTH = 64;

const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** What JSON.stringify would escape (quote, backslash, control characters) or refuse here (surrogates, checked). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;

const writeString = (s: string): string => {
  if (!NEEDS_ESCAPING.test(s)) return `"${s}"`;
  if (!wellFormed(s)) throw new Error('Lone surrogate is not allowed');
  return JSON.stringify(s);
};

/** Keys in the order `Array.prototype.sort` puts strings (by UTF-16 code units), sorted in place. */
export const sortKeys = (keys: string[]): string[] => {
  // An event's objects have a handful of keys: sorted by insertion they need no scratch array, which `sort` allocates.
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    for (; j >= 0 && (keys[j] as string) > key; j--) keys[j + 1] = keys[j] as string;
    keys[j + 1] = key;
  }
  return keys;
};

const writeValue = (value: unknown, depth: number): string | undefined => {
  switch (typeof value) {
    case 'string':
      return writeString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed');
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (depth > MAX_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalize(value);
      if (Array.isArray(value)) {
        // `map` keeps holes as holes and `join` writes them empty, as canonicalize does.
        return `[${(value as unknown[]).map((v) => (v === undefined || typeof v === 'symbol' ? 'null' : writeValue(v, depth + 1))).join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      let out = '';
      for (const key of sortKeys(Object.keys(record))) {
        const v = record[key];
        if (v === undefined || typeof v === 'symbol') continue;
        out += `${out === '' ? '' : ','}${writeString(key)}:${writeValue(v, depth + 1)}`;
      }
      return `{${out}}`;
    }
    default:
      return canonicalize(value);
  }
};

/** The canonical JSON of a value; undefined for what JSON cannot hold (as `canonicalize`). */
export const canonicalJson = (value: unknown): string | undefined => writeValue(value, 0);

/** A member's value as written inside an object (one level down): what follows `"key":`. */
export const canonicalMemberValue = (value: unknown): string | undefined => writeValue(value, 1);

/** Whether an object member is written at all (canonicalize leaves out undefined and symbol values). */
export const isWrittenMember = (value: unknown): boolean => value !== undefined && typeof value !== 'symbol';

/**
 * The canonical JSON of an object whose keys are given already sorted and need no escaping (an
 * event envelope): its members written directly, skipping undefined ones, without sorting or checking keys.
 */
export const canonicalObjectOfSortedKeys = (entries: readonly (readonly [key: string, value: unknown])[]): string => {
  let out = '';
  for (const [key, value] of entries) {
    if (value === undefined || typeof value === 'symbol') continue;
    out += `${out === '' ? '' : ','}"${key}":${writeValue(value, 1)}`;
  }
  return `{${out}}`;
};
