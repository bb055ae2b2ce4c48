import type { Actor } from '../agency/actor.js';
import { DomainError } from '../shared/errors.js';

/** The admin as recorded on the event. */
export interface AdminActor {
  readonly kind: 'user';
  readonly userId: string;
  readonly role: 'admin';
}

const asAdmin = (actor: Actor, refusal: string): AdminActor | DomainError =>
  actor.kind === 'user' && actor.roles.includes('admin')
    ? { kind: 'user', userId: actor.userId, role: 'admin' }
    : new DomainError('FORBIDDEN', refusal);

/** Declaring or withdrawing a holiday and recording a year's official list are an admin's. */
export const authorizeCalendarChange = (actor: Actor): AdminActor | DomainError =>
  asAdmin(actor, 'only an admin may change the agency calendar');

/** The breach scan on demand is an admin's (the scheduler runs it on its own, not through this gate). */
export const authorizeSlaScan = (actor: Actor): AdminActor | DomainError =>
  asAdmin(actor, 'only an admin (or the scheduler) runs the breach scan');
