import { envelopeOf } from '../../events/envelope.js';
import type { ChainedEvent } from './hash-chain.js';

/** An event as stored: the event, its place, and the chain links. */
export interface StoredRecord extends ChainedEvent {
  readonly hash: string;
  readonly prevHash: string;
}

/** A stored event as a stream's history lists it: its version, envelope and chain links (the stream is known). */
export type ChainEntry = Omit<StoredRecord, 'streamId'>;

/** The history entry of a stored event, without whatever else the item carries (parsed event, write time). */
export const chainEntryOf = (e: ChainEntry): ChainEntry => ({
  version: e.version,
  ...envelopeOf(e),
  hash: e.hash,
  prevHash: e.prevHash,
});

/** The stored record of an event, without whatever else the item carries: what a proof bundle holds. */
export const storedRecordOf = (e: StoredRecord): StoredRecord => ({ streamId: e.streamId, ...chainEntryOf(e) });

/** What checking a stream's chain found: intact (with its head hash), or the first broken version and why. */
export type Verification =
  | { readonly valid: true; readonly events: number; readonly head: string }
  | { readonly valid: false; readonly brokenAt: number; readonly reason: string };
