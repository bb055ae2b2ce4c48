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
