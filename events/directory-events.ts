import * as z from 'zod';
import { eventFamily, eventSchema } from './envelope.js';
import { Instant, Role } from './primitives.js';

/** A person's id: the local part of their agency email (`ppd.chief`). */
export const PersonId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase person id');
/** A division's id (`ppd`). */
export const DivisionId = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'lowercase division id');
/** The office order that made an appointment (e.g. `NECS/ADM/2026/114`). */
export const OfficeOrder = z.string().min(1).max(200);

/** A division the agency's requests can be assigned to. */
const DivisionAdded = () =>
  eventSchema('DivisionAdded', 1, z.strictObject({ divisionId: DivisionId, name: z.string().min(1).max(200) }));

/**
 * A person joins the directory with their first appointment. `effectiveFrom` is when they count as
 * staff: the instant of the command, or (for the seed) the start of the record, since the seeded
 * people were in post before the system knew them.
 */
const PersonAdded = () =>
  eventSchema(
    'PersonAdded',
    1,
    z.strictObject({
      personId: PersonId,
      name: z.string().min(1).max(200),
      email: z.email().max(320),
      roles: z.array(Role).min(1).max(7),
      division: DivisionId.optional(),
      effectiveFrom: Instant,
    }),
  );

/** A new set of roles (and division) for a person from `effectiveFrom` on, by an office order. */
const PersonAppointed = () =>
  eventSchema(
    'PersonAppointed',
    1,
    z.strictObject({
      personId: PersonId,
      roles: z.array(Role).min(1).max(7),
      division: DivisionId.optional(),
      effectiveFrom: Instant,
      order: OfficeOrder.optional(),
    }),
  );

/** A person is away from `from` to `to` (exclusive); their alerts and work go to `delegateTo`. */
const LeaveGranted = () =>
  eventSchema(
    'LeaveGranted',
    1,
    z.strictObject({ personId: PersonId, from: Instant, to: Instant, delegateTo: PersonId }),
  );

/** A person can no longer sign in or act; their history stays. */
const PersonDeactivated = () =>
  eventSchema('PersonDeactivated', 1, z.strictObject({ personId: PersonId, reason: z.string().min(1).max(2_000) }));

/** The directory stream `directory#<agency>`: the agency's people, divisions, roles and leave. */
export const DirectoryEvent = eventFamily({
  DivisionAdded,
  PersonAdded,
  PersonAppointed,
  LeaveGranted,
  PersonDeactivated,
});
export type DirectoryEvent = z.infer<typeof DirectoryEvent>;
