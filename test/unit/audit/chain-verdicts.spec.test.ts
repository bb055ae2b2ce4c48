import { describe, expect, it } from '@jest/globals';
import { GENESIS_HASH, hashEvent } from '../../../domain/audit/hash-chain.js';
import { verifyChain, type StoredRecord } from '../../../domain/audit/verify.js';
import type { StreamHead } from '../../../domain/shared/stream-head.js';
import { verifyChainTwoPass } from '../../support/verify-chain-two-pass.js';

// What an auditor is told about a stream when more than one thing is wrong with it: the first problem, named
// the way the two-pass check (kept as the oracle) names it. Each case also holds for that oracle.

const STREAM = 'request#NECS-2026-00001';

/** Notes 1..n chained as the store writes them. */
const notes = (n: number): StoredRecord[] => {
  const records: StoredRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let version = 1; version <= n; version++) {
    const body = {
      streamId: STREAM,
      version,
      type: 'NoteAdded',
      schemaVersion: 1,
      occurredAt: `2026-11-23T1${version}:00:00+06:00`,
      actor: { kind: 'user' as const, userId: 'legal.officer', role: 'division_officer' as const },
      data: { text: `note ${version}` },
    };
    const hash = hashEvent(prevHash, body);
    records.push({ ...body, hash, prevHash });
    prevHash = hash;
  }
  return records;
};

const headAt = (records: readonly StoredRecord[], version: number): StreamHead => ({
  version,
  hash: records[version - 1]?.hash ?? GENESIS_HASH,
});

const verdict = (records: readonly StoredRecord[], head: StreamHead | undefined) => {
  const found = verifyChain(records, head);
  expect(found).toStrictEqual(verifyChainTwoPass(records, head));
  return found;
};

describe('the verdict on a stream, first problem first', () => {
  it('finds a stream that has no events and no head yet intact, with nothing in it', () => {
    expect(verdict([], undefined)).toStrictEqual({ valid: true, events: 0, head: GENESIS_HASH });
  });

  it('says an event was added after the head even when it also does not follow the one before', () => {
    const [first, second] = notes(2) as [StoredRecord, StoredRecord];
    const stranger = { ...second, prevHash: 'f'.repeat(64) };
    expect(verdict([first, stranger], headAt([first], 1))).toStrictEqual({
      valid: false,
      brokenAt: 2,
      reason: 'event 2 was added after the head (1)',
    });
  });

  it('says an event was added after the head even when its content does not match its hash', () => {
    const [first, second] = notes(2) as [StoredRecord, StoredRecord];
    const altered = { ...second, data: { text: 'a different note' } };
    expect(verdict([first, altered], headAt([first], 1))).toStrictEqual({
      valid: false,
      brokenAt: 2,
      reason: 'event 2 was added after the head (1)',
    });
  });

  it('says an event appears twice, not that it was added after the head, when its version repeats', () => {
    const [first] = notes(1) as [StoredRecord];
    expect(verdict([first, first], headAt([first], 1))).toStrictEqual({
      valid: false,
      brokenAt: 2,
      reason: 'event 1 appears twice',
    });
  });

  it('says an event is missing, not that one was added after the head, when a version is skipped', () => {
    const [first, , third] = notes(3) as [StoredRecord, StoredRecord, StoredRecord];
    expect(verdict([first, third], headAt([first], 1))).toStrictEqual({
      valid: false,
      brokenAt: 2,
      reason: 'event 2 is missing',
    });
  });

  it('says events were added after the head when the head was rolled back over an intact chain', () => {
    const records = notes(3);
    expect(verdict(records, headAt(records, 2))).toStrictEqual({
      valid: false,
      brokenAt: 3,
      reason: 'event 3 was added after the head (2)',
    });
  });

  it('reports a damaged head that counts fewer than no events, over an empty stream', () => {
    expect(verdict([], { version: -1, hash: GENESIS_HASH })).toStrictEqual({
      valid: false,
      brokenAt: 0,
      reason: 'event 0 was added after the head (-1)',
    });
  });
});
