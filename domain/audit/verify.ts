import { ChainCheck } from './chain-check.js';
import type { ChainedEvent } from './hash-chain.js';

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
 * `records` are in the order the store returns them (by version). Readers that check while they read
 * use {@link ChainCheck} record by record instead; this is the same check over records in hand.
 */
export const verifyChain = (records: readonly StoredRecord[], head: StreamHead | undefined): Verification => {
  const check = new ChainCheck();
  for (const record of records) check.add(record);
  return check.result(head);
};
