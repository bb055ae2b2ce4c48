import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { auditStream, requestHistory, verifyStream } from '../../../application/audit.js';
import type { EventStore, StoredEvent } from '../../../application/event-store.js';
import { GENESIS_HASH, hashEvent } from '../../../domain/audit/hash-chain.js';
import { verifyChain } from '../../../domain/audit/verify.js';
import type { StreamHead } from '../../../domain/shared/stream-head.js';
import { UnknownEventError } from '../../../events/errors.js';
import type { RequestEvent } from '../../../events/request-events.js';
import { auditStreamTwoPass, requestHistoryTwoPass, verifyStreamTwoPass } from '../../support/audit-two-pass.js';
import { answeredRequest } from '../../support/request-spec.js';
import { verifyChainTwoPass } from '../../support/verify-chain-two-pass.js';

// The one pass (check, list and fold while the store reads) against the two passes it replaced, on
// generated request streams: intact, tampered in every way the store can be tampered with, with a
// wrong or missing head, events that cannot be hashed or folded, and reads that fail part-way.

const STREAM = 'request#NECS-2026-00001';
const story = answeredRequest();
const START = Date.parse(story[0]?.occurredAt ?? '2026-11-20T04:00:00Z');

const note = (text: string, minutes: number): RequestEvent => ({
  type: 'NoteAdded',
  schemaVersion: 1,
  occurredAt: new Date(START + minutes * 60_000).toISOString(),
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
  data: { text },
});

/** Events chained as the store writes them. */
const chained = (events: readonly RequestEvent[]): StoredEvent[] => {
  let prevHash = GENESIS_HASH;
  return events.map((event, i) => {
    const body = {
      streamId: STREAM,
      version: i + 1,
      type: event.type,
      schemaVersion: event.schemaVersion,
      occurredAt: event.occurredAt,
      actor: event.actor,
      data: event.data,
    };
    const hash = hashEvent(prevHash, body);
    const stored = { ...body, hash, prevHash, recordedAt: '2026-11-20T04:00:00.000Z', event };
    prevHash = hash;
    return stored;
  });
};

/** A tamperer's hash: what cannot be hashed gets a hash that matches nothing. */
const hashOrJunk = (prevHash: string, r: StoredEvent): string => {
  try {
    return hashEvent(prevHash, r);
  } catch {
    return 'unhashable';
  }
};

const rehash = (records: StoredEvent[], from: number): void => {
  for (let i = from; i < records.length; i++) {
    const r = records[i] as StoredEvent;
    const prevHash = i === 0 ? GENESIS_HASH : (records[i - 1] as StoredEvent).hash;
    records[i] = { ...r, prevHash, hash: hashOrJunk(prevHash, r) };
  }
};

type Tamper =
  | { kind: 'alter' | 'rehash' | 'rewriteFrom' | 'remove' | 'unhashable' | 'unfoldable'; at: number; text: string }
  | { kind: 'insert' | 'swap'; at: number; to: number }
  | { kind: 'version'; at: number; version: number }
  | { kind: 'prevHash'; at: number; hash: string };

const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('alter', 'rehash', 'rewriteFrom', 'remove', 'unhashable', 'unfoldable'),
    at: fc.nat(),
    text: fc.string(),
  }),
  fc.record({ kind: fc.constantFrom('insert', 'swap'), at: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant('version'),
    at: fc.nat(),
    version: fc.oneof(fc.integer({ min: -2, max: 30 }), fc.constant(2.5)),
  }),
  fc.record({ kind: fc.constant('prevHash'), at: fc.nat(), hash: fc.constantFrom(GENESIS_HASH, 'f'.repeat(64), '') }),
) as fc.Arbitrary<Tamper>;

/** Applies a tamper as someone with write access to the table could (the store returns items by version). */
const apply = (records: StoredEvent[], t: Tamper): void => {
  if (records.length === 0) return;
  const i = t.at % records.length;
  const r = records[i] as StoredEvent;
  switch (t.kind) {
    case 'alter':
      records[i] = { ...r, data: { ...(r.data as object), tampered: t.text } };
      return;
    case 'rehash':
      records[i] = { ...r, data: { ...(r.data as object), tampered: t.text } };
      records[i] = { ...(records[i] as StoredEvent), hash: hashOrJunk(r.prevHash, records[i] as StoredEvent) };
      return;
    case 'rewriteFrom':
      records[i] = { ...r, data: { ...(r.data as object), tampered: t.text } };
      rehash(records, i);
      return;
    case 'remove':
      records.splice(i, 1);
      return;
    case 'unhashable':
      records[i] = { ...r, data: { n: Number.NaN } };
      return;
    case 'unfoldable':
      records[i] = { ...r, event: null as unknown as StoredEvent['event'] };
      return;
    case 'insert':
      records.splice(t.to % (records.length + 1), 0, { ...r });
      return;
    case 'swap': {
      const j = t.to % records.length;
      const other = records[j] as StoredEvent;
      records[i] = { ...other, version: r.version };
      records[j] = { ...r, version: other.version };
      return;
    }
    case 'version':
      records[i] = { ...r, version: t.version };
      return;
    case 'prevHash':
      records[i] = { ...r, prevHash: t.hash };
  }
};

type HeadChange =
  { kind: 'right' | 'none' | 'wrongHash' } | { kind: 'off'; by: number } | { kind: 'odd'; version: number };
const headChange: fc.Arbitrary<HeadChange> = fc.oneof(
  fc.constant({ kind: 'right' as const }),
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'wrongHash' as const }),
  fc.record({ kind: fc.constant('off' as const), by: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('odd' as const), version: fc.constantFrom(0, -1, 2.5, Number.NaN) }),
);

const headOf = (written: readonly StoredEvent[], change: HeadChange): StreamHead | undefined => {
  const last = written[written.length - 1];
  const right = { version: written.length, hash: last?.hash ?? GENESIS_HASH };
  switch (change.kind) {
    case 'right':
      return written.length === 0 ? undefined : right;
    case 'none':
      return undefined;
    case 'wrongHash':
      return { ...right, hash: 'e'.repeat(64) };
    case 'off':
      return { ...right, version: Math.max(0, right.version + change.by) };
    case 'odd':
      return { ...right, version: change.version };
  }
};

/** A store holding these items; the read fails at `failAt` as a real one does on an event it cannot parse. */
const storeOf = (
  records: readonly StoredEvent[],
  head: StreamHead | undefined,
  failAt: number | undefined,
  showsEvents = true,
): EventStore => ({
  read: async (_streamId, _range, onEvent) => {
    const events: StoredEvent[] = [];
    for (const [i, record] of records.entries()) {
      if (i === failAt) throw new UnknownEventError(`cannot read event ${i + 1}`);
      events.push(record);
      if (showsEvents) onEvent?.(record);
    }
    return head ? { events, head } : { events };
  },
  append: () => Promise.reject(new Error('read only')),
  createSequenced: () => Promise.reject(new Error('read only')),
  findIdempotent: () => Promise.reject(new Error('read only')),
  listStreams: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('read only')) }) }),
});

const stream = fc.record({
  storyLength: fc.integer({ min: 0, max: story.length }),
  notes: fc.array(
    fc.record({ text: fc.string({ minLength: 1, maxLength: 30 }), minutes: fc.integer({ min: -600, max: 20_000 }) }),
    { maxLength: 10 },
  ),
  tampers: fc.array(tamper, { maxLength: 3 }),
  head: headChange,
  failAt: fc.option(fc.nat({ max: 20 }), { nil: undefined, freq: 6 }),
  /** A store that ignores onEvent (a wrapper that drops it) must give the same results. */
  showsEvents: fc.boolean(),
  asOf: fc.option(
    fc.oneof(
      fc.integer({ min: -600, max: 20_000 }).map((m) => new Date(START + m * 60_000).toISOString()),
      fc.constant('not an instant'),
    ),
    { nil: undefined },
  ),
});

const build = (s: typeof stream extends fc.Arbitrary<infer T> ? T : never) => {
  const written = chained([...story.slice(0, s.storyLength), ...s.notes.map((n) => note(n.text, n.minutes))]);
  const head = headOf(written, s.head);
  const records = [...written];
  for (const t of s.tampers) apply(records, t);
  return { records, head };
};

/** What a call gave, or the error it threw (by kind and message): the two passes must agree on both. */
const outcome = async <T>(call: () => T | Promise<T>) => {
  try {
    return { value: await call() };
  } catch (err) {
    return { error: `${(err as Error).name}: ${(err as Error).message}` };
  }
};

describe('checking, listing and folding in one pass', () => {
  it('verifies exactly as the two-pass verifyChain did', () => {
    fc.assert(
      fc.property(stream, (s) => {
        // Prepare
        const { records, head } = build(s);
        // Act / Assess
        const oneCall = () => verifyChain(records, head);
        const twoCall = () => verifyChainTwoPass(records, head);
        let one: unknown;
        let two: unknown;
        try {
          one = oneCall();
        } catch (err) {
          one = { error: (err as Error).message };
        }
        try {
          two = twoCall();
        } catch (err) {
          two = { error: (err as Error).message };
        }
        expect(one).toEqual(two);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same history, state, verification and errors as reading, then folding, then verifying', async () => {
    await fc.assert(
      fc.asyncProperty(stream, async (s) => {
        // Prepare
        const { records, head } = build(s);
        const store = storeOf(records, head, s.failAt, s.showsEvents);
        // Act / Assess
        expect(await outcome(() => auditStream(store, STREAM, s.asOf))).toEqual(
          await outcome(() => auditStreamTwoPass(store, STREAM, s.asOf)),
        );
        expect(await outcome(() => requestHistory(store, STREAM, s.asOf))).toEqual(
          await outcome(() => requestHistoryTwoPass(store, STREAM, s.asOf)),
        );
        expect(await outcome(() => verifyStream(store, STREAM))).toEqual(
          await outcome(() => verifyStreamTwoPass(store, STREAM)),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('detects each kind of tampering (the generator reaches every verdict)', () => {
    // Prepare: one intact stream of the story and three notes
    const written = chained([...story, note('a', 10), note('b', 20), note('c', 30)]);
    const head = { version: written.length, hash: (written[written.length - 1] as StoredEvent).hash };
    const tampered = (t: Tamper, h: StreamHead | undefined = head) => {
      const records = [...written];
      apply(records, t);
      return verifyChain(records, h);
    };
    // Act / Assess
    expect(verifyChain(written, head)).toEqual({ valid: true, events: written.length, head: head.hash });
    expect(tampered({ kind: 'alter', at: 2, text: 'x' })).toMatchObject({
      brokenAt: 3,
      reason: expect.stringMatching(/altered/),
    });
    expect(tampered({ kind: 'rehash', at: 2, text: 'x' })).toMatchObject({
      brokenAt: 4,
      reason: expect.stringMatching(/prevHash differs/),
    });
    expect(tampered({ kind: 'rewriteFrom', at: 2, text: 'x' })).toMatchObject({
      brokenAt: written.length,
      reason: expect.stringMatching(/head hash/),
    });
    expect(tampered({ kind: 'remove', at: 2, text: '' })).toMatchObject({ brokenAt: 3, reason: 'event 3 is missing' });
    expect(tampered({ kind: 'insert', at: 1, to: 3 })).toMatchObject({ brokenAt: 4, reason: 'event 2 appears twice' });
    expect(tampered({ kind: 'alter', at: 0, text: '' }, undefined)).toMatchObject({ brokenAt: 1 });
    expect(verifyChain(written, { ...head, version: head.version - 1 })).toMatchObject({
      brokenAt: head.version,
      reason: expect.stringMatching(/added after the head/),
    });
    expect(() => tampered({ kind: 'unhashable', at: 1, text: '' })).toThrow('NaN is not allowed');
  });
});
