import * as z from 'zod';
import { EventActor } from './actor.js';
import { Instant } from './primitives.js';

/**
 * Builds the schema of one event type at one schema version. Every event has the same envelope:
 * `type`, `schemaVersion`, `occurredAt`, `actor`, and its own `data`.
 */
export const eventSchema = <T extends string, V extends number, D extends z.ZodType>(
  type: T,
  schemaVersion: V,
  data: D,
) =>
  z.strictObject({
    type: z.literal(type),
    schemaVersion: z.literal(schemaVersion),
    occurredAt: Instant,
    actor: EventActor,
    data,
  });

/** The members every event has, whatever its type: what the catalogue parses and the hash covers. */
export interface EventEnvelope {
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly actor: EventActor;
  readonly data: unknown;
}

/**
 * Only the envelope of an event or stored item: the catalogue's schemas are strict, so a stored item's
 * own attributes (stream, version, hashes) must not reach them.
 */
export const envelopeOf = (e: EventEnvelope): EventEnvelope => ({
  type: e.type,
  schemaVersion: e.schemaVersion,
  occurredAt: e.occurredAt,
  actor: e.actor,
  data: e.data,
});
