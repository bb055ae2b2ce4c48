import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { EventActor } from '../../events/actor.js';

/** The predecessor hash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: the event and where it stands (stream and version), so moving it breaks the chain. */
export interface ChainedEvent {
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly actor: EventActor;
  readonly data: unknown;
}

/** SHA-256 (hex) over the predecessor's hash and the RFC 8785 canonical JSON of the event. */
export const hashEvent = (prevHash: string, event: ChainedEvent): string => {
  const canonical = canonicalize({
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    actor: event.actor,
    data: event.data,
  });
  if (canonical === undefined) throw new TypeError('event cannot be canonicalized');
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
};
