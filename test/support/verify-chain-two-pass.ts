import { GENESIS_HASH, hashEvent } from '../../domain/audit/hash-chain.js';
import type { StoredRecord, Verification } from '../../domain/audit/verify.js';
import type { StreamHead } from '../../domain/shared/stream-head.js';

/**
 * The two-pass `verifyChain` as it was before the chain check became incremental (commit 736d0a6),
 * kept word for word as the oracle the one-pass check is proved against. Not used by the system.
 */
export const verifyChainTwoPass = (records: readonly StoredRecord[], head: StreamHead | undefined): Verification => {
  let prevHash = GENESIS_HASH;
  for (const [i, record] of records.entries()) {
    const expectedVersion = i + 1;
    if (head && record.version > head.version && record.version === expectedVersion) {
      return {
        valid: false,
        brokenAt: record.version,
        reason: `event ${record.version} was added after the head (${head.version})`,
      };
    }
    if (record.version !== expectedVersion) {
      return {
        valid: false,
        brokenAt: expectedVersion,
        reason:
          record.version > expectedVersion
            ? `event ${expectedVersion} is missing`
            : `event ${record.version} appears twice`,
      };
    }
    if (record.prevHash !== prevHash) {
      return {
        valid: false,
        brokenAt: record.version,
        reason: `event ${record.version} does not follow event ${record.version - 1} (prevHash differs)`,
      };
    }
    if (hashEvent(prevHash, record) !== record.hash) {
      return {
        valid: false,
        brokenAt: record.version,
        reason: `event ${record.version} was altered (its content does not match its hash)`,
      };
    }
    prevHash = record.hash;
  }
  const count = records.length;
  if (!head) {
    return count === 0
      ? { valid: true, events: 0, head: GENESIS_HASH }
      : { valid: false, brokenAt: 1, reason: 'the stream has events but no head record' };
  }
  if (head.version > count) {
    return {
      valid: false,
      brokenAt: count + 1,
      reason: `the head records ${head.version} events but only ${count} remain: event ${count + 1} onwards removed`,
    };
  }
  if (head.version < count) {
    return {
      valid: false,
      brokenAt: head.version + 1,
      reason: `event ${head.version + 1} was added after the head (${head.version})`,
    };
  }
  if (head.hash !== prevHash) {
    return { valid: false, brokenAt: count, reason: `the head hash does not match event ${count}` };
  }
  return { valid: true, events: count, head: prevHash };
};
