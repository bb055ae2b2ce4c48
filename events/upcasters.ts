import * as z from 'zod';
import { eventSchema } from './envelope.js';
import { ConsultationOutcome } from './request-events.js';

/**
 * Old shapes of events still found in the store, each with the function that lifts it one version up.
 * Events are never rewritten: readers upcast on the fly, so the history stays as it was written.
 */

/** v1 recorded only whether the person consulted was a spokesperson (its schema built on the first v1 read). */
let consultationRecordedV1: ReturnType<typeof buildConsultationRecordedV1> | undefined;
const buildConsultationRecordedV1 = () =>
  eventSchema(
    'ConsultationRecorded',
    1,
    z.strictObject({
      spokesperson: z.boolean(),
      person: z.string().min(1).max(100),
      outcome: ConsultationOutcome,
      note: z.string().max(10_000).optional(),
    }),
  );

interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (raw: unknown) => unknown;
}

export const upcasters: readonly Upcaster[] = [
  {
    type: 'ConsultationRecorded',
    fromVersion: 1,
    upcast: (raw) => {
      const v1 = (consultationRecordedV1 ??= buildConsultationRecordedV1()).parse(raw);
      const { spokesperson, ...rest } = v1.data;
      return { ...v1, schemaVersion: 2, data: { with: spokesperson ? 'spokesperson' : 'division', ...rest } };
    },
  },
];

const byTypeAndVersion = new Map(upcasters.map((u) => [`${u.type}@${u.fromVersion}`, u]));

/** Applies upcasters until no older shape is left; unknown types pass through for the schema to reject. */
export const upcast = (raw: unknown): unknown => {
  let current = raw;
  for (;;) {
    if (typeof current !== 'object' || current === null) return current;
    const { type, schemaVersion } = current as { type?: unknown; schemaVersion?: unknown };
    const step = byTypeAndVersion.get(`${String(type)}@${String(schemaVersion)}`);
    if (!step) return current;
    current = step.upcast(current);
  }
};
