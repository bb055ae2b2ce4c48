import { describe, expect, it } from '@jest/globals';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { envelopeUtf8, retainedBufferBytes } from '../../../domain/audit/canonical-bytes.js';
import { canonicalJson, isWrittenMember } from '../../../domain/audit/canonical-json.js';
import { canonicalEnvelope, hashEvent } from '../../../domain/audit/hash-chain.js';

// An event's hash is taken over its canonical JSON (RFC 8785). The offline verifier an auditor runs computes
// it with the `canonicalize` package; the desk writes the same text (and bytes) its own faster way. For each
// edge below, both must agree, or a stored event would fail verification, or a changed one would pass.

const PREV = 'a'.repeat(64);
const envelope = (data: unknown) => ({
  streamId: 'request#NECS-2026-00001',
  version: 2,
  type: 'NoteAdded',
  schemaVersion: 1,
  occurredAt: '2026-11-23T10:00:00+06:00',
  actor: { kind: 'user' as const, userId: 'legal.officer', role: 'division_officer' as const },
  data,
});
/** What the verifier hashes: `${prevHash}\n${canonicalize(envelope)}` in UTF-8. */
const verifierBytes = (data: unknown) => new TextEncoder().encode(`${PREV}\n${canonicalize(envelope(data))}`);
/** The desk's bytes, or the verifier's text where the desk leaves it to the string writer (undefined). */
const deskBytes = (data: unknown) => {
  const bytes = envelopeUtf8(PREV, envelope(data));
  return bytes === undefined ? undefined : Buffer.from(bytes);
};

const seventeenKeys = Object.fromEntries(
  ['q', 'b', 'p', 'c', 'o', 'd', 'n', 'e', 'm', 'f', 'l', 'g', 'k', 'h', 'j', 'i', 'a'].map((k, i) => [k, i]),
);

describe('the canonical JSON of an event, as the auditor’s verifier writes it', () => {
  it.each([
    ['a list holding an empty value', { items: ['x', undefined, 'y'] }],
    ['a list holding a symbol', { items: [Symbol('s'), 1] }],
    ['an object of more than sixteen keys', { fields: seventeenKeys }],
    ['a note with a character outside the basic plane', { note: 'Tashi Delek 🙏 from Thimphu' }],
    ['a note with quotes, a backslash and control characters', { note: 'a "b" \\ c\n\t\u0001' }],
    ['numbers at their edges', { n: [0, -0, 1e21, 1.5e-7, -12.5] }],
    ['members left out (an empty value, a symbol)', { kept: 1, gone: undefined, sym: Symbol('x') }],
  ])('is the same text for %s', (_what, data) => {
    expect(canonicalJson(data)).toBe(canonicalize(data));
  });

  it.each([
    ['a list holding an empty value', { items: ['x', undefined, 'y'] }],
    ['a list holding a symbol', { items: [Symbol('s'), 1] }],
    ['an object of more than sixteen keys', { fields: seventeenKeys }],
    ['a note with a character outside the basic plane', { note: 'Tashi Delek 🙏 from Thimphu' }],
    ['members left out (an empty value, a symbol)', { kept: 1, gone: undefined, sym: Symbol('x') }],
    ['a note with quotes, a backslash and control characters', { note: 'a "b" \\ c\n\t\u0001\u007f' }],
    ['numbers at their edges', { n: [0, -0, 1e21, 1.5e-7, -12.5] }],
    ['the first and last characters written in two bytes', { note: '\u0080 and \u07ff' }],
    ['the first and last characters written in three bytes', { note: '\u0800 and \uffff' }],
    ['the first and last characters outside the basic plane', { note: '\ud800\udc00 and \udbff\udfff' }],
    ['lists and objects inside each other', { a: [{ b: [[], {}, [null, true, false]] }], c: { d: { e: 'ཀ' } } }],
  ])('hashes the same bytes for %s', (_what, data) => {
    expect(deskBytes(data)).toStrictEqual(Buffer.from(verifierBytes(data)));
  });

  it.each([
    ['a lone high surrogate', { note: 'half \ud83d of a pair' }],
    ['a lone low surrogate', { note: 'half \ude4f of a pair' }],
    ['a pair written backwards', { note: '\ude4f\ud83d' }],
    ['a high surrogate at the very end', { note: 'ends with \ud83d' }],
    ['two low surrogates', { note: '\udc00\udc00' }],
    ['a high surrogate followed by a character past the low ones', { note: '\ud83d\ue000' }],
    ['a list with a hole', { items: [1, , 3] }], // eslint-disable-line no-sparse-arrays
    ['a list holding a lone surrogate', { items: ['fine', 'half \ud83d'] }],
    ['a member name with a lone surrogate', { ['half \ud83d']: 1 }],
    ['a date (written through its toJSON)', { when: new Date(Date.UTC(2026, 10, 23, 4)) }],
    ['a big integer', { n: 10n }],
  ])('leaves %s to the string writer rather than guess its bytes', (_what, data) => {
    expect(deskBytes(data)).toBeUndefined();
  });

  it('writes an object’s keys in code-point order, however many there are', () => {
    expect(canonicalJson(seventeenKeys)).toBe(
      '{"a":16,"b":1,"c":3,"d":5,"e":7,"f":9,"g":11,"h":13,"i":15,"j":14,"k":12,"l":10,"m":8,"n":6,"o":4,"p":2,"q":0}',
    );
  });

  it('writes a member with any value JSON can hold, and leaves out an empty value or a symbol', () => {
    expect([null, 0, '', false, [], {}].map(isWrittenMember)).toStrictEqual([true, true, true, true, true, true]);
    expect([undefined, Symbol('x')].map(isWrittenMember)).toStrictEqual([false, false]);
  });

  it('leaves a previous hash that is not plain ASCII to the string writer', () => {
    expect(envelopeUtf8(`\u0080${PREV.slice(1)}`, envelope({ note: 'x' }))).toBeUndefined();
  });

  it('writes a date as the verifier does, through its toJSON', () => {
    const data = { when: new Date(Date.UTC(2026, 10, 23, 4)) };
    expect(canonicalJson(data)).toBe(canonicalize(data));
    expect(hashEvent(PREV, envelope(data))).toBe(createHash('sha256').update(verifierBytes(data)).digest('hex'));
  });

  it('refuses what JSON cannot hold with the verifier’s own words', () => {
    for (const [value, words] of [
      [Infinity, 'Infinity is not allowed'],
      [-Infinity, 'Infinity is not allowed'],
      [NaN, 'NaN is not allowed'],
    ] as const) {
      expect(() => canonicalize({ n: value })).toThrow(words);
      expect(() => canonicalJson({ n: value })).toThrow(words);
      expect(() => hashEvent(PREV, envelope({ n: value }))).toThrow(words);
    }
  });

  it('refuses a big integer with the verifier’s own error', () => {
    expect(() => canonicalize({ n: 10n })).toThrow('Do not know how to serialize a BigInt');
    expect(() => canonicalJson({ n: 10n })).toThrow('Do not know how to serialize a BigInt');
    expect(() => hashEvent(PREV, envelope({ n: 10n }))).toThrow('Do not know how to serialize a BigInt');
  });

  it('refuses data that contains itself as the verifier does, rather than running out of stack', () => {
    const list: unknown[] = ['loop'];
    list.push(list);
    const record: Record<string, unknown> = { name: 'loop' };
    record.self = record;
    for (const data of [{ list }, { record }]) {
      expect(() => canonicalize(data)).toThrow('Circular reference detected');
      expect(() => canonicalJson(data)).toThrow('Circular reference detected');
      expect(() => hashEvent(PREV, envelope(data))).toThrow('Circular reference detected');
    }
  });

  it('leaves out an envelope member that is a symbol, as the verifier does', () => {
    const event = { ...envelope({ note: 'x' }), type: Symbol('NoteAdded') as unknown as string };
    expect(canonicalEnvelope(event)).toBe(canonicalize(event));
  });

  // The desk writes into one buffer it keeps between events; a note whose text ends exactly at that buffer's
  // end, or just past it, must still be written whole.
  describe('a note that ends at the edge of the writer’s buffer', () => {
    /** The buffer's size at the next call (one grown past a megabyte is let go first). */
    const bufferAtNextCall = () => (retainedBufferBytes() > 1 << 20 ? 1 << 16 : retainedBufferBytes());
    /**
     * Data whose note, made of control characters (six bytes each once escaped), ends `past` bytes after
     * the buffer's end; a filler member before it sets where the note starts.
     */
    const endingAt = (past: number) => {
      const size = bufferAtNextCall();
      const before = (filler: string) =>
        `${PREV}\n{"actor":${canonicalize(envelope(null).actor)},"data":{"a":"${filler}","note":`.length;
      const room = size + past - before('') - 2;
      const n = Math.floor(room / 6) - 1;
      const data = { a: 'x'.repeat(room - 6 * n), note: '\u0001'.repeat(n) };
      expect(before(data.a) + 6 * n + 2).toBe(size + past);
      return data;
    };

    it.each([
      ['exactly at its end', 0],
      ['two bytes past its end', 2],
    ])('hashes the same bytes when the note ends %s', (_what, past) => {
      const data = endingAt(past);
      expect(deskBytes(data)).toStrictEqual(Buffer.from(verifierBytes(data)));
    });
  });
});
