import * as crypto from 'node:crypto';
import type { EventActor } from '../../events/actor.js';
import { envelopeUtf8 } from './canonical-bytes.js';
import {
  canonicalMemberValue as member,
  canonicalObjectOfSortedKeys,
  isWrittenMember as written,
} from './canonical-json.js';

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

type OneShotHash = (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string;
/** `crypto.hash` (Node ≥ 20.12, 21.7) hashes in one call; older Node takes the Hash object's way. */
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;
/** SHA-256 (hex) of a text's UTF-8 bytes, or of bytes. */
const sha256Hex: (data: string | Uint8Array) => string = oneShot
  ? (data) => oneShot('sha256', data, 'hex')
  : (data) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * The RFC 8785 canonical JSON of what the hash covers, written directly: the envelope's keys in their
 * sorted order (actor, data, occurredAt, schemaVersion, streamId, type, version). A stored event has
 * every member, so it is written in one template (twice as fast as walking a list of members, measured
 * on 1,000 notes); an item missing one (tampered) takes the general writer, which leaves it out.
 */
export const canonicalEnvelope = (event: ChainedEvent): string => {
  const { actor, data, occurredAt, schemaVersion, streamId, type, version } = event;
  if (
    written(actor) &&
    written(data) &&
    written(occurredAt) &&
    written(schemaVersion) &&
    written(streamId) &&
    written(type) &&
    written(version)
  ) {
    return `{"actor":${member(actor)},"data":${member(data)},"occurredAt":${member(occurredAt)},"schemaVersion":${member(schemaVersion)},"streamId":${member(streamId)},"type":${member(type)},"version":${member(version)}}`;
  }
  return canonicalObjectOfSortedKeys([
    ['actor', actor],
    ['data', data],
    ['occurredAt', occurredAt],
    ['schemaVersion', schemaVersion],
    ['streamId', streamId],
    ['type', type],
    ['version', version],
  ]);
};

/**
 * SHA-256 (hex) over the predecessor's hash, a newline and the RFC 8785 canonical JSON of the event
 * (UTF-8): the same bytes as hashing `prevHash`, `\n` and `canonicalize(event)` one after the other.
 */
export const hashEvent = (prevHash: string, event: ChainedEvent): string =>
  // The bytes written directly (no intermediate strings) for plain data; anything else by the string writer.
  sha256Hex(envelopeUtf8(prevHash, event) ?? `${prevHash}\n${canonicalEnvelope(event)}`);
