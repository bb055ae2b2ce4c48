import type { EventStore, StoredEvent } from './event-store.js';
import { ChainCheck } from '../domain/audit/chain-check.js';
import { chainEntryOf, type ChainEntry } from '../domain/audit/stored-record.js';
import type { Verification } from '../domain/audit/verify.js';
import { evolve, initialState, type RequestState } from '../domain/request/state.js';
import type { RequestEvent } from '../events/request-events.js';

/** One event of a stream's history: its version, envelope and chain links. */
export type HistoryEntry = ChainEntry;

export interface History {
  readonly streamId: string;
  readonly events: readonly HistoryEntry[];
  readonly state: RequestState;
  readonly asOf?: string;
}

/**
 * A request's history and the state folded from it; with `asOf`, only the events that had happened by
 * then (by `occurredAt`), so an auditor sees the request exactly as it stood at that instant.
 */
export const requestHistory = async (
  store: EventStore,
  streamId: string,
  asOf?: string,
): Promise<History | undefined> => (await readOnce(store, streamId, { history: true, verify: false, asOf })).history;

/** History and verification from one read of the stream: what an auditor asks for together. */
export const auditStream = async (
  store: EventStore,
  streamId: string,
  asOf?: string,
): Promise<{ history: History; verification: Verification } | undefined> => {
  const { history, verification } = await readOnce(store, streamId, { history: true, verify: true, asOf });
  return history && verification ? { history, verification } : undefined;
};

/** Verifies one stream's hash chain and head; undefined for a stream that does not exist. */
export const verifyStream = async (store: EventStore, streamId: string): Promise<Verification | undefined> =>
  (await verifiedRead(store, streamId))?.verification;

/** {@link verifyStream} with the events it read, for checking them against an anchor without reading again. */
export const verifiedRead = async (
  store: EventStore,
  streamId: string,
): Promise<{ verification: Verification; events: readonly StoredEvent[] } | undefined> => {
  const { verification, events } = await readOnce(store, streamId, { history: false, verify: true });
  return verification ? { verification, events } : undefined;
};

interface Wanted {
  readonly history: boolean;
  readonly verify: boolean;
  readonly asOf?: string;
}

/**
 * One pass over a stream: as the store parses each event (with its strict schema), its hash and link
 * are checked and, up to `asOf`, it is folded into the state and listed; nothing walks the events
 * again (a store that does not show its events as it reads has them taken after the read).
 * Outcomes and errors are those of reading first, then listing and folding, then verifying (only
 * where the two-pass code verified): a later event the store cannot parse still fails the read, an
 * invalid `asOf` is refused once the stream is known to exist, and what folding throws is thrown
 * where folding would have thrown it.
 */
const readOnce = async (
  store: EventStore,
  streamId: string,
  wanted: Wanted,
): Promise<{ events: readonly StoredEvent[]; history?: History; verification?: Verification }> => {
  const { asOf } = wanted;
  const cutoff = asOf === undefined ? undefined : Date.parse(asOf);
  const check = new ChainCheck();
  const listed: HistoryEntry[] = [];
  let state = initialState();
  // The prefix of the stream that had happened by then: a later version is never part of an earlier state.
  let before = true;
  let foldFailed = false;
  let foldError: unknown;
  let shown = 0;
  const take = (e: StoredEvent): void => {
    shown++;
    if (wanted.verify) check.add(e);
    if (!wanted.history || !before) return;
    if (cutoff !== undefined && Date.parse(e.occurredAt) > cutoff) {
      before = false;
      return;
    }
    listed.push(chainEntryOf(e));
    if (foldFailed) return;
    try {
      state = evolve(state, e.event as RequestEvent);
    } catch (err) {
      foldFailed = true;
      foldError = err;
    }
  };
  const read = await store.read(streamId, {}, take);
  const { events } = read;
  // A store (or a wrapper of one) that does not show its events as it reads: take the rest in turn now.
  for (const e of events.slice(shown)) take(e);
  const exists = events.length > 0 || read.head !== undefined;
  if (!wanted.history) return { events, ...(exists && wanted.verify ? { verification: check.result(read.head) } : {}) };
  if (events.length === 0) return { events };
  if (cutoff !== undefined && Number.isNaN(cutoff)) throw new RangeError(`asOf is not an ISO-8601 instant: ${asOf}`);
  if (foldFailed) throw foldError;
  const history = { streamId, events: listed, state, ...(asOf ? { asOf } : {}) };
  return { events, history, ...(wanted.verify ? { verification: check.result(read.head) } : {}) };
};
