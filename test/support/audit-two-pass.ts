import type { EventStore, StreamRead } from '../../application/event-store.js';
import type { History } from '../../application/audit.js';
import type { Verification } from '../../domain/audit/verify.js';
import { fold } from '../../domain/request/state.js';
import type { RequestEvent } from '../../events/request-events.js';
import { verifyChainTwoPass } from './verify-chain-two-pass.js';

/**
 * application/audit.ts as it was before the one pass (commit 736d0a6): read the whole stream, then
 * list and fold it, then walk it again to verify. Kept as the oracle the one pass is proved against.
 */
export const requestHistoryTwoPass = async (
  store: EventStore,
  streamId: string,
  asOf?: string,
): Promise<History | undefined> => historyOf(await store.read(streamId), streamId, asOf);

export const auditStreamTwoPass = async (
  store: EventStore,
  streamId: string,
  asOf?: string,
): Promise<{ history: History; verification: Verification } | undefined> => {
  const read = await store.read(streamId);
  const history = historyOf(read, streamId, asOf);
  return history ? { history, verification: verifyChainTwoPass(read.events, read.head) } : undefined;
};

const historyOf = (read: StreamRead, streamId: string, asOf?: string): History | undefined => {
  if (read.events.length === 0) return undefined;
  const cutoff = asOf === undefined ? undefined : Date.parse(asOf);
  if (cutoff !== undefined && Number.isNaN(cutoff)) throw new RangeError(`asOf is not an ISO-8601 instant: ${asOf}`);
  const firstLater = cutoff === undefined ? -1 : read.events.findIndex((e) => Date.parse(e.occurredAt) > cutoff);
  const upTo = firstLater === -1 ? read.events : read.events.slice(0, firstLater);
  return {
    streamId,
    events: upTo.map((e) => ({
      version: e.version,
      type: e.type,
      schemaVersion: e.schemaVersion,
      occurredAt: e.occurredAt,
      actor: e.actor,
      data: e.data,
      hash: e.hash,
      prevHash: e.prevHash,
    })),
    state: fold(upTo.map((e) => e.event as RequestEvent)),
    ...(asOf ? { asOf } : {}),
  };
};

export const verifyStreamTwoPass = async (store: EventStore, streamId: string): Promise<Verification | undefined> => {
  const read = await store.read(streamId);
  if (read.events.length === 0 && !read.head) return undefined;
  return verifyChainTwoPass(read.events, read.head);
};
