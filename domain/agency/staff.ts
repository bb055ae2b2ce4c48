import type { EventActor } from '../../events/actor.js';
import type { Role } from '../../events/primitives.js';
import { DomainError } from '../shared/errors.js';
import type { Actor } from './actor.js';

/** Everyone who works on requests at the agency; auditors only read. */
export const STAFF_ROLES: readonly Role[] = [
  'intake_officer',
  'division_officer',
  'division_chief',
  'spokesperson',
  'head_of_agency',
  'admin',
];

/** A signed-in person (a command's actor when it is not the system). */
export type PersonActor = Extract<Actor, { kind: 'user' }>;

/** The person as an event records them: with the first of their roles among `roles`; undefined if none is. */
export const recordedAs = (actor: PersonActor, roles: readonly Role[]): EventActor | undefined => {
  const role = actor.roles.find((r) => roles.includes(r));
  return role ? { kind: 'user', userId: actor.userId, role } : undefined;
};

/** The FORBIDDEN error of a command the person may not do, saying why. */
export const forbiddenCommand = (actor: PersonActor, type: string, why: string): DomainError =>
  new DomainError('FORBIDDEN', `${actor.userId} may not do ${type}: ${why}`, { command: type });
