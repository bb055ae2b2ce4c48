import { describe, expect, it } from '@jest/globals';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../domain/audit/canonical-json.js';
import { canonicalEnvelope, hashEvent, type ChainedEvent } from '../../../domain/audit/hash-chain.js';

/** What each writer produced, or the error it threw: the two must agree on both. */
const outcome = (write: () => string | undefined) => {
  try {
    return { value: write() };
  } catch (err) {
    return { error: (err as Error).message };
  }
};

/** The hash as it was computed before the direct writer: canonicalize over the envelope, hashed in three updates. */
const referenceHash = (prevHash: string, e: ChainedEvent) => {
  const canonical = canonicalize({
    streamId: e.streamId,
    version: e.version,
    type: e.type,
    schemaVersion: e.schemaVersion,
    occurredAt: e.occurredAt,
    actor: e.actor,
    data: e.data,
  });
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonical as string)
    .digest('hex');
};

/** Any value, including what JSON cannot hold (undefined, -0, NaN, lone surrogates, sparse arrays, dates, null prototypes). */
const anyValue = fc.anything({
  maxDepth: 4,
  withBoxedValues: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withDate: true,
  withUnicodeString: true,
});
const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string());
const event = fc.record({
  streamId: text,
  version: fc.integer({ min: 1, max: 1_000_000 }),
  type: text,
  schemaVersion: fc.oneof(fc.integer(), fc.double()),
  occurredAt: text,
  actor: fc.oneof(
    fc.record({ kind: fc.constant('user'), userId: text, role: text }),
    fc.record({ kind: fc.constant('system'), component: text }),
  ),
  data: fc.oneof(fc.jsonValue(), anyValue, fc.constant(undefined)),
}) as fc.Arbitrary<ChainedEvent>;

describe('canonical JSON, written directly', () => {
  it('is what canonicalize writes, or fails as it fails, on any value', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => canonicalize(value)));
      }),
      { numRuns: 3000 },
    );
  });

  it('is what canonicalize writes on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expect(canonicalJson(value)).toBe(canonicalize(value))),
      { numRuns: 2000 },
    );
  });

  it('finds a cycle as canonicalize does', () => {
    const looped: Record<string, unknown> = { a: 1 };
    looped.self = { back: looped };
    expect(outcome(() => canonicalJson({ data: looped }))).toEqual({ error: 'Circular reference detected' });
  });
});

describe('the event hash', () => {
  it('is byte for byte the hash over canonicalize of the envelope, for any event', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), event, (prevHash, e) => {
        const expected = outcome(() => referenceHash(prevHash, e));
        expect(outcome(() => hashEvent(prevHash, e))).toEqual(expected);
        if ('value' in expected) expect(canonicalEnvelope(e)).toBe(canonicalize({ ...e }));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays the hash already stored for a known event', () => {
    const e: ChainedEvent = {
      streamId: 'request#NECS-2026-00001',
      version: 1,
      type: 'NoteAdded',
      schemaVersion: 1,
      occurredAt: '2026-11-23T04:00:00.000Z',
      actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
      data: { text: 'called the requester — ཞུ་བ།' },
    };
    // Computed with canonicalize and three Hash updates before the direct writer existed.
    expect(hashEvent('0'.repeat(64), e)).toBe('c9ee1419d7ffe41cfbe2120982ea3d8259a5f94867c34c9a3c8175af28e3ebe3');
  });
});
