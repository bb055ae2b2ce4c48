import { describe, expect, it } from '@jest/globals';
import canonicalize from 'canonicalize';
import { envelopeUtf8 } from '../../../domain/audit/canonical-bytes.js';
import { canonicalJson, isWrittenMember } from '../../../domain/audit/canonical-json.js';

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
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
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
  ])('hashes the same bytes for %s', (_what, data) => {
    expect(deskBytes(data)).toStrictEqual(Buffer.from(verifierBytes(data)));
  });

  it.each([
    ['a lone high surrogate', { note: 'half \ud83d of a pair' }],
    ['a lone low surrogate', { note: 'half \ude4f of a pair' }],
    ['a pair written backwards', { note: '\ude4f\ud83d' }],
    ['a high surrogate at the very end', { note: 'ends with \ud83d' }],
    ['a list with a hole', { items: [1, , 3] }], // eslint-disable-line no-sparse-arrays
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
});
