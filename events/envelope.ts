import * as z from 'zod';
import { EventActor } from './actor.js';
import { Instant } from './primitives.js';

let built = 0;

/**
 * How many event schemas this process has built so far. Importing the catalogue builds none; reading a
 * stream builds its family's (test/unit/events/schemas-on-first-use.test.ts keeps it so).
 */
export const eventSchemasBuilt = (): number => built;

/**
 * Builds the schema of one event type at one schema version. Every event has the same envelope:
 * `type`, `schemaVersion`, `occurredAt`, `actor`, and its own `data`. Called only from an event's builder
 * (`const X = () => eventSchema('X', …)`), which its family ({@link eventFamily}) calls on first use.
 */
export const eventSchema = <T extends string, V extends number, D extends z.ZodType>(
  type: T,
  schemaVersion: V,
  data: D,
) => {
  built += 1;
  return z.strictObject({
    type: z.literal(type),
    schemaVersion: z.literal(schemaVersion),
    occurredAt: Instant,
    actor: EventActor,
    data,
  });
};

/** One event type's schema builder, named by the type it builds. */
type EventBuilder = () => z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>;

/** The discriminated union of what a family's builders build. */
type FamilyUnion<B extends Record<string, EventBuilder>> = z.ZodDiscriminatedUnion<
  [ReturnType<B[keyof B]>, ...ReturnType<B[keyof B]>[]],
  'type'
>;

const familyTypes = new WeakMap<z.ZodType, readonly string[]>();

/**
 * The schema of a stream family's events (`{ HolidayDeclared, HolidayWithdrawn, … }`: each type's builder
 * under its own name), a discriminated union on `type` built when first parsed or unwrapped, then kept.
 * A cold start that reads one stream builds that family's schemas, not the whole catalogue's.
 */
export const eventFamily = <B extends Record<string, EventBuilder>>(builders: B): z.ZodLazy<FamilyUnion<B>> => {
  let union: FamilyUnion<B> | undefined;
  const family = z.lazy(() => {
    if (!union) {
      const options = Object.entries(builders).map(([type, build]) => {
        const schema = build();
        // The catalogue routes an event to its family by these names: a builder filed under another type is a bug.
        if (schema.shape.type.value !== type)
          throw new Error(`event builder ${type} builds ${schema.shape.type.value}`);
        return schema;
      });
      union = z.discriminatedUnion('type', options as [ReturnType<B[keyof B]>, ...ReturnType<B[keyof B]>[]]);
    }
    return union;
  });
  familyTypes.set(family, Object.keys(builders));
  return family;
};

/** The event types of a family made by {@link eventFamily}, known without building any schema. */
export const typesOfFamily = (family: z.ZodType): readonly string[] => {
  const types = familyTypes.get(family);
  if (!types) throw new TypeError('not an event family');
  return types;
};

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
