import { describe, expect, it } from '@jest/globals';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { envelopeUtf8, retainedBufferBytes } from '../../../domain/audit/canonical-bytes.js';
import { hashEvent, type ChainedEvent } from '../../../domain/audit/hash-chain.js';

// The bytes the hash is taken over, written directly, against the text they replace:
// `${prevHash}\n${canonicalize(envelope)}` in UTF-8. Where canonicalize refuses a value (or the
// writer cannot tell), the writer must give up, so that the string writer decides as before.

/** What canonicalize writes for the envelope, or undefined where it throws. */
const referenceText = (prevHash: string, e: ChainedEvent): string | undefined => {
  try {
    const canonical = canonicalize({
      streamId: e.streamId,
      version: e.version,
      type: e.type,
      schemaVersion: e.schemaVersion,
      occurredAt: e.occurredAt,
      actor: e.actor,
      data: e.data,
    });
    return canonical === undefined ? undefined : `${prevHash}\n${canonical}`;
  } catch {
    return undefined;
  }
};

/** Strings with everything JSON escapes or UTF-8 encodes differently: quotes, controls, non-BMP, lone surrogates. */
const tricky = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom(
      '"',
      '\\',
      '\b',
      '\f',
      '\n',
      '\r',
      '\t',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u2028',
      'é',
      'ཞ',
      '😀',
      '\ud800',
      '\udfff',
      'a',
    ),
  }),
);
/** JSON data with tricky strings as values and as keys (in any order), and any numbers JSON holds. */
const data = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    tricky,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.constantFrom(0, -0, 1e21, 1e-7, 123456789012345680000, Number.MAX_SAFE_INTEGER, 5e-324),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(tricky, tie('value'), { maxKeys: 5 }),
  ),
})).value;
const someValue = fc.oneof(
  data,
  fc.jsonValue(),
  fc.anything({
    maxDepth: 3,
    withBoxedValues: true,
    withNullPrototype: true,
    withSparseArray: true,
    withDate: true,
    withUnicodeString: true,
  }),
  fc.constant(undefined),
);
const event = fc.record({
  streamId: fc.oneof(fc.constant('request#NECS-2026-00001'), tricky),
  version: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.double()),
  type: fc.oneof(fc.constant('NoteAdded'), tricky),
  schemaVersion: fc.oneof(fc.integer(), fc.double()),
  occurredAt: fc.oneof(fc.constant('2026-11-23T04:00:00.000Z'), tricky),
  actor: fc.oneof(
    fc.record({ userId: tricky, kind: fc.constant('user'), role: tricky }),
    fc.record({ component: tricky, kind: fc.constant('system') }),
    someValue,
  ),
  data: someValue,
}) as fc.Arbitrary<ChainedEvent>;
const prevHash = fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.string({ unit: 'binary' }));

describe('the bytes an event hash covers, written directly', () => {
  it('are byte for byte the UTF-8 of prevHash, a newline and canonicalize of the envelope, or left to the string writer', () => {
    fc.assert(
      fc.property(prevHash, event, (p, e) => {
        const bytes = envelopeUtf8(p, e);
        const expected = referenceText(p, e);
        // Never bytes for what canonicalize refuses (it must keep throwing where it threw).
        if (expected === undefined) expect(bytes).toBeUndefined();
        else if (bytes) expect(Buffer.from(bytes).equals(Buffer.from(expected, 'utf8'))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('are written for every event of plain JSON data with a hex prevHash (the store holds no other)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{64}$/),
        fc.record({ userId: tricky, kind: fc.constant('user'), role: tricky }),
        data,
        (p, actor, d) => {
          const e: ChainedEvent = {
            streamId: 'request#NECS-2026-00001',
            version: 7,
            type: 'NoteAdded',
            schemaVersion: 1,
            occurredAt: '2026-11-23T04:00:00.000Z',
            actor: actor as never,
            data: d,
          };
          const expected = referenceText(p, e);
          const bytes = envelopeUtf8(p, e);
          if (expected !== undefined) expect(bytes && Buffer.from(bytes).toString('utf8')).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('hash to what the three Hash updates over canonicalize gave, for any event', () => {
    fc.assert(
      fc.property(prevHash, event, (p, e) => {
        const text = referenceText(p, e);
        fc.pre(text !== undefined);
        const canonical = (text as string).slice(p.length + 1);
        expect(hashEvent(p, e)).toBe(createHash('sha256').update(p).update('\n').update(canonical).digest('hex'));
      }),
      { numRuns: 2000 },
    );
  });

  it('grow past the buffer for a large event, and a small one after it is written afresh', () => {
    const big: ChainedEvent = {
      streamId: 's',
      version: 1,
      type: 'ResponseSent',
      schemaVersion: 1,
      occurredAt: '2026-11-23T04:00:00Z',
      actor: { kind: 'system', component: 'x' },
      data: { text: 'ཞུ་བ། "quoted"\n'.repeat(20_000) },
    };
    const small: ChainedEvent = { ...big, data: { text: 'short' } };
    for (const e of [big, small, big])
      expect(Buffer.from(envelopeUtf8('0'.repeat(64), e) as Uint8Array).toString('utf8')).toBe(
        referenceText('0'.repeat(64), e),
      );
  });

  it('let the buffer of a large event go at the next call, so a container does not hold megabytes after one big item', () => {
    // Prepare
    const big: ChainedEvent = {
      streamId: 's',
      version: 1,
      type: 'ResponseSent',
      schemaVersion: 1,
      occurredAt: '2026-11-23T04:00:00Z',
      actor: { kind: 'system', component: 'x' },
      data: { text: 'ཞུ་བ། '.repeat(60_000) },
    };
    const small: ChainedEvent = { ...big, data: { text: 'short' } };
    // Act
    envelopeUtf8('0'.repeat(64), big);
    const afterBig = retainedBufferBytes();
    const smallBytes = Buffer.from(envelopeUtf8('0'.repeat(64), small) as Uint8Array).toString('utf8');
    // Assess
    expect(afterBig).toBeGreaterThan(1 << 20);
    expect(retainedBufferBytes()).toBeLessThanOrEqual(1 << 20);
    expect(smallBytes).toBe(referenceText('0'.repeat(64), small));
  });
});
