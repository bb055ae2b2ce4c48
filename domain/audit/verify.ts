import type { StreamHead } from '../shared/stream-head.js';
import { ChainCheck } from './chain-check.js';
import type { StoredRecord, Verification } from './stored-record.js';

export type { StoredRecord, Verification } from './stored-record.js';

/**
 * Checks a stream against its hash chain and head: every altered, removed (the last one included),
 * inserted or reordered event is detected, and the first broken version is named.
 * `records` are in the order the store returns them (by version). Readers that check while they read
 * use {@link ChainCheck} record by record instead; this is the same check over records in hand.
 */
export const verifyChain = (records: readonly StoredRecord[], head: StreamHead | undefined): Verification => {
  const check = new ChainCheck();
  for (const record of records) check.add(record);
  return check.result(head);
};
