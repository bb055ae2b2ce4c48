import { GENESIS_HASH, hashEvent, type ChainedEvent } from './hash-chain.js';

/** An event as stored: the event, its place, and the chain links. */
export interface StoredRecord extends ChainedEvent {
  readonly hash: string;
  readonly prevHash: string;
}

export interface StreamHead {
  readonly version: number;
  readonly hash: string;
}

export type Verification =
  | { readonly valid: true; readonly events: number; readonly head: string }
  | { readonly valid: false; readonly brokenAt: number; readonly reason: string };

/**
 * Checks a stream against its hash chain and head: every altered, removed (the last one included),
 * inserted or reordered event is detected, and the first broken version is named.
 * `records` are in the order the store returns them (by version).
 */
export const verifyChain = (records: readonly StoredRecord[], head: StreamHead | undefined): Verification => {
  let prevHash = GENESIS_HASH;
  for (const [i, record] of records.entries()) {
    const expectedVersion = i + 1;
    if (head && record.version > head.version && record.version === expectedVersion) {
      return { valid: false, brokenAt: record.version, reason: `event ${record.version} was added after the head (${head.version})` };
    }
    if (record.version !== expectedVersion) {
      return {
        valid: false,
        brokenAt: expectedVersion,
        reason: record.version > expectedVersion ? `event ${expectedVersion} is missing` : `event ${record.version} appears twice`,
      };
    }
    if (record.prevHash !== prevHash) {
      return { valid: false, brokenAt: record.version, reason: `event ${record.version} does not follow event ${record.version - 1} (prevHash differs)` };
    }
    if (hashEvent(prevHash, record) !== record.hash) {
      return { valid: false, brokenAt: record.version, reason: `event ${record.version} was altered (its content does not match its hash)` };
    }
    prevHash = record.hash;
  }
  const count = records.length;
  if (!head) {
    return count === 0 ? { valid: true, events: 0, head: GENESIS_HASH } : { valid: false, brokenAt: 1, reason: 'the stream has events but no head record' };
  }
  if (head.version > count) {
    return { valid: false, brokenAt: count + 1, reason: `the head records ${head.version} events but only ${count} remain: event ${count + 1} onwards removed` };
  }
  if (head.version < count) {
    return { valid: false, brokenAt: head.version + 1, reason: `event ${head.version + 1} was added after the head (${head.version})` };
  }
  if (head.hash !== prevHash) {
    return { valid: false, brokenAt: count, reason: `the head hash does not match event ${count}` };
  }
  return { valid: true, events: count, head: prevHash };
};
