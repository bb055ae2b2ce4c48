import { describe, expect, it } from '@jest/globals';
import { checkAgainstLeaf, classifyHead } from '../../../domain/anchors/reconcile.js';
import { GENESIS_HASH, hashEvent } from '../../../domain/audit/hash-chain.js';
import type { StoredRecord } from '../../../domain/audit/verify.js';
import type { StreamHead } from '../../../domain/shared/stream-head.js';

// What `desk verify --all` and the next anchoring tell an auditor about a stream an anchor committed to.

const STREAM = 'request#NECS-2026-00001';

/** A stream of `count` notes, correctly chained, with its head. */
const storedStream = (count: number, text = 'note'): { records: StoredRecord[]; head: StreamHead } => {
  const records: StoredRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let version = 1; version <= count; version++) {
    const event = {
      streamId: STREAM,
      version,
      type: 'NoteAdded',
      schemaVersion: 1,
      occurredAt: `2026-11-2${version}T10:00:00+06:00`,
      actor: { kind: 'system' as const, component: 'notes' },
      data: { text: `${text} ${version}` },
    };
    const hash = hashEvent(prevHash, event);
    records.push({ ...event, prevHash, hash });
    prevHash = hash;
  }
  return { records, head: { version: count, hash: prevHash } };
};

const leafAt = (records: readonly StoredRecord[], version: number) => ({
  streamId: STREAM,
  version,
  hash: records[version - 1]!.hash,
});

describe('a stream checked against the leaf anchor 7 holds for it', () => {
  const anchoredAt3 = storedStream(3);
  const leaf = leafAt(anchoredAt3.records, 3);

  it('matches when the stream still holds the anchored event, whether or not it grew since', () => {
    expect(checkAgainstLeaf(leaf, anchoredAt3.records, anchoredAt3.head, 7)).toBeUndefined();
    const grown = storedStream(5);
    expect(checkAgainstLeaf(leaf, grown.records, grown.head, 7)).toBeUndefined();
  });

  it('reports a stream that no longer exists as deleted, naming the anchor and version', () => {
    expect(checkAgainstLeaf(leaf, [], undefined, 7)).toEqual({
      streamId: STREAM,
      problem: 'deleted',
      reason: 'anchor 7 holds it at version 3, but the stream no longer exists',
    });
  });

  it('reports a stream whose own chain is broken, with the first broken version', () => {
    const { records, head } = storedStream(3);
    const altered = records.map((r) => (r.version === 2 ? { ...r, data: { text: 'altered' } } : r));
    const finding = checkAgainstLeaf(leaf, altered, head, 7);
    expect(finding).toMatchObject({ streamId: STREAM, problem: 'chain-broken', brokenAt: 2 });
    expect(finding?.reason).toEqual(expect.any(String));
  });

  it('reports a stream cut back, with its head moved to match, as truncated', () => {
    const cut = storedStream(2);
    expect(checkAgainstLeaf(leaf, cut.records, cut.head, 7)).toEqual({
      streamId: STREAM,
      problem: 'truncated',
      reason: 'anchor 7 holds it at version 3, but only 2 events remain',
    });
  });

  it('reports a stream rewritten consistently (every hash and the head recomputed) as rewritten', () => {
    const rewritten = storedStream(3, 'rewritten');
    expect(checkAgainstLeaf(leaf, rewritten.records, rewritten.head, 7)).toEqual({
      streamId: STREAM,
      problem: 'rewritten',
      reason: 'its event 3 no longer has the hash anchor 7 committed to: the stream was rewritten',
    });
  });

  it('reports a stream whose events remain but whose head record was removed as a broken chain, not as deleted', () => {
    const { records } = storedStream(3);
    expect(checkAgainstLeaf(leaf, records, undefined, 7)).toEqual({
      streamId: STREAM,
      problem: 'chain-broken',
      brokenAt: 1,
      reason: 'the stream has events but no head record',
    });
  });

  it('reports a stream whose events were removed but whose head record remains as a broken chain, not as deleted', () => {
    const { head } = storedStream(3);
    expect(checkAgainstLeaf(leaf, [], head, 7)).toEqual({
      streamId: STREAM,
      problem: 'chain-broken',
      brokenAt: 1,
      reason: 'the head records 3 events but only 0 remain: event 1 onwards removed',
    });
  });

  it('reports a leaf naming no event of the stream (version 0, from an altered leaves file) as rewritten', () => {
    const { records, head } = storedStream(3);
    expect(checkAgainstLeaf({ ...leaf, version: 0 }, records, head, 7)).toEqual({
      streamId: STREAM,
      problem: 'rewritten',
      reason: 'its event 0 no longer has the hash anchor 7 committed to: the stream was rewritten',
    });
  });

  it('reports a stream rewritten only at the anchored version (later events kept the old hash) as rewritten', () => {
    const { records } = storedStream(3);
    const anchoredLeaf = leafAt(records, 3);
    const rewritten = storedStream(4, 'rewritten');
    expect(checkAgainstLeaf(anchoredLeaf, rewritten.records, rewritten.head, 7)?.problem).toBe('rewritten');
  });
});

describe('how a stream’s head moved since the last anchor', () => {
  const { records } = storedStream(5);
  const anchored = leafAt(records, 3);

  it('is new when the last anchor did not hold the stream', () => {
    expect(classifyHead(undefined, anchored, undefined)).toEqual({ kind: 'new' });
  });

  it('is unchanged when version and hash are the same', () => {
    expect(classifyHead(anchored, leafAt(records, 3), records[2]!.hash)).toEqual({ kind: 'unchanged' });
  });

  it('is extended when the stream grew and still holds the anchored hash at the anchored version', () => {
    expect(classifyHead(anchored, leafAt(records, 5), records[2]!.hash)).toEqual({ kind: 'extended' });
  });

  it('is a conflict when the head went back', () => {
    expect(classifyHead(anchored, leafAt(records, 2), records[2]!.hash)).toEqual({
      kind: 'conflict',
      reason: 'the head went back from version 3 to 2',
    });
  });

  it('is a conflict when the head has the same version but another hash', () => {
    const other = storedStream(3, 'rewritten').records;
    expect(classifyHead(anchored, leafAt(other, 3), other[2]!.hash)).toEqual({
      kind: 'conflict',
      reason: 'the head hash at version 3 changed',
    });
  });

  it('is a conflict when the stream grew but no longer holds the anchored hash', () => {
    const other = storedStream(5, 'rewritten').records;
    expect(classifyHead(anchored, leafAt(other, 5), other[2]!.hash)).toEqual({
      kind: 'conflict',
      reason: 'event 3 no longer has the anchored hash',
    });
  });
});
