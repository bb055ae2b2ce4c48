import type { Role } from '../../events/primitives.js';
import type { Command } from '../shared/command.js';

export type AddDivision = Command<'AddDivision', { divisionId: string; name: string }>;
export type AddPerson = Command<
  'AddPerson',
  { personId: string; name: string; email: string; roles: readonly Role[]; division?: string }
>;
export type AppointPerson = Command<
  'AppointPerson',
  { personId: string; roles: readonly Role[]; division?: string; effectiveFrom?: string; order?: string }
>;
export type GrantLeave = Command<'GrantLeave', { personId: string; from: string; to: string; delegateTo: string }>;
export type DeactivatePerson = Command<'DeactivatePerson', { personId: string; reason: string }>;
/**
 * Fills an EMPTY directory from the agency's configuration (`agency.json`): the system asks it on the
 * first read of a new installation. On a directory that has anything recorded it changes nothing, so
 * two processes starting at once seed it exactly once.
 */
export type SeedDirectory = Command<'SeedDirectory', Record<string, never>>;

/**
 * What an admin (or, for their own leave, a person) asks of the directory — and, once, the system
 * seeding it. The metadata's `now` decides: the directory as it stands then.
 */
export type DirectoryCommand = AddDivision | AddPerson | AppointPerson | GrantLeave | DeactivatePerson | SeedDirectory;

export type DirectoryCommandType = DirectoryCommand['type'];
export type DirectoryCommandOf<T extends DirectoryCommandType> = Extract<DirectoryCommand, { type: T }>;
