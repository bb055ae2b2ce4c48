import type { EventStore, StoredEvent, StreamRead } from './event-store.js';
import { verifyChain, type Verification } from '../domain/audit/verify.js';
import { fold, type RequestState } from '../domain/request/state.js';
import type { RequestEvent } from '../events/request-events.js';

export interface HistoryEntry {
  readonly version: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly actor: StoredEvent['actor'];
  readonly data: unknown;
  readonly hash: string;
  readonly prevHash: string;
}

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
export const requestHistory = async (store: EventStore, streamId: string, asOf?: string): Promise<History | undefined> =>
  historyOf(await store.read(streamId), streamId, asOf);

/** History and verification from one read of the stream: what an auditor asks for together. */
export const auditStream = async (store: EventStore, streamId: string, asOf?: string): Promise<{ history: History; verification: Verification } | undefined> => {
  const read = await store.read(streamId);
  const history = historyOf(read, streamId, asOf);
  return history ? { history, verification: verifyChain(read.events, read.head) } : undefined;
};

const historyOf = (read: StreamRead, streamId: string, asOf?: string): History | undefined => {
  if (read.events.length === 0) return undefined;
  const cutoff = asOf === undefined ? undefined : Date.parse(asOf);
  if (cutoff !== undefined && Number.isNaN(cutoff)) throw new RangeError(`asOf is not an ISO-8601 instant: ${asOf}`);
  // The prefix of the stream that had happened by then: a later version is never part of an earlier state.
  const firstLater = cutoff === undefined ? -1 : read.events.findIndex((e) => Date.parse(e.occurredAt) > cutoff);
  const upTo = firstLater === -1 ? read.events : read.events.slice(0, firstLater);
  return {
    streamId,
    events: upTo.map((e) => ({ version: e.version, type: e.type, schemaVersion: e.schemaVersion, occurredAt: e.occurredAt, actor: e.actor, data: e.data, hash: e.hash, prevHash: e.prevHash })),
    state: fold(upTo.map((e) => e.event as RequestEvent)),
    ...(asOf ? { asOf } : {}),
  };
};

/** Verifies one stream's hash chain and head; undefined for a stream that does not exist. */
export const verifyStream = async (store: EventStore, streamId: string): Promise<Verification | undefined> => {
  const read = await store.read(streamId);
  if (read.events.length === 0 && !read.head) return undefined;
  return verifyChain(read.events, read.head);
};
