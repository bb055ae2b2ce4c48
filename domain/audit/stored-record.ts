import type { ChainedEvent } from './hash-chain.js';

/** An event as stored: the event, its place, and the chain links. */
export interface StoredRecord extends ChainedEvent {
  readonly hash: string;
  readonly prevHash: string;
}

/** What checking a stream's chain found: intact (with its head hash), or the first broken version and why. */
export type Verification =
  | { readonly valid: true; readonly events: number; readonly head: string }
  | { readonly valid: false; readonly brokenAt: number; readonly reason: string };
