import { ZonedDateTime } from '../domain/time/zoned-date-time.js';
import * as z from 'zod';
import type { Actor } from '../domain/agency/actor.js';
import type { DirectoryCommand } from '../domain/directory/commands.js';
import { DivisionId, OfficeOrder, PersonId } from '../events/directory-events.js';
import { Instant, LocalDate, Role } from '../events/primitives.js';

/**
 * What the API and the CLI accept to change the directory: one set of schemas, one way to turn them
 * into directory commands, so both follow the same rules (the decider's).
 */

/** An instant, or a calendar date read in the agency's zone (its start; for the end of leave, the next day's start). */
const When = z.union([Instant, LocalDate]);

export const NewPersonInput = z.strictObject({
  id: PersonId,
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  division: DivisionId.optional(),
  roles: z.array(Role).min(1).max(7),
});
export type NewPersonInput = z.infer<typeof NewPersonInput>;

export const AppointmentInput = z.strictObject({
  roles: z.array(Role).min(1).max(7),
  division: DivisionId.optional(),
  effectiveFrom: When.optional(),
  order: OfficeOrder.optional(),
});

export const LeaveInput = z.strictObject({ from: When, to: When, delegateTo: PersonId });
export const DeactivationInput = z.strictObject({ reason: z.string().trim().min(1).max(2_000) });
export const NewDivisionInput = z.strictObject({ id: DivisionId, name: z.string().trim().min(1).max(200) });

/** `?asOf=`: an instant, or a date (its end, so "on 4 March" includes the whole day). */
export const AsOfQuery = When;

const startOf = (when: string, zone: string): string =>
  LocalDate.safeParse(when).success ? (ZonedDateTime.fromISO(when, zone).startOf('day').toISO() as string) : when;

/** A date given for the end of leave means the last day away: they are back the next morning. */
const endOf = (when: string, zone: string): string =>
  LocalDate.safeParse(when).success
    ? (ZonedDateTime.fromISO(when, zone).plus({ days: 1 }).startOf('day').toISO() as string)
    : when;

/** The instant a `?asOf=` names: a date means the end of that day in the agency's zone. */
export const asOfInstant = (asOf: string | undefined, now: string, zone: string): string =>
  asOf === undefined
    ? now
    : LocalDate.safeParse(asOf).success
      ? (ZonedDateTime.fromISO(endOf(asOf, zone)).minus({ milliseconds: 1 }).toISO() as string)
      : asOf;

type Metadata = { now: string; actor: Actor };

export const addPerson = (input: NewPersonInput, metadata: Metadata): DirectoryCommand => ({
  type: 'AddPerson',
  data: {
    personId: input.id,
    name: input.name,
    email: input.email,
    roles: input.roles,
    ...(input.division ? { division: input.division } : {}),
  },
  metadata,
});

export const appoint = (
  personId: string,
  input: z.infer<typeof AppointmentInput>,
  zone: string,
  metadata: Metadata,
): DirectoryCommand => ({
  type: 'AppointPerson',
  data: {
    personId,
    roles: input.roles,
    ...(input.division ? { division: input.division } : {}),
    ...(input.effectiveFrom ? { effectiveFrom: startOf(input.effectiveFrom, zone) } : {}),
    ...(input.order ? { order: input.order } : {}),
  },
  metadata,
});

export const grantLeave = (
  personId: string,
  input: z.infer<typeof LeaveInput>,
  zone: string,
  metadata: Metadata,
): DirectoryCommand => ({
  type: 'GrantLeave',
  data: { personId, from: startOf(input.from, zone), to: endOf(input.to, zone), delegateTo: input.delegateTo },
  metadata,
});

export const deactivate = (
  personId: string,
  input: z.infer<typeof DeactivationInput>,
  metadata: Metadata,
): DirectoryCommand => ({
  type: 'DeactivatePerson',
  data: { personId, reason: input.reason },
  metadata,
});

export const addDivision = (input: z.infer<typeof NewDivisionInput>, metadata: Metadata): DirectoryCommand => ({
  type: 'AddDivision',
  data: { divisionId: input.id, name: input.name },
  metadata,
});
