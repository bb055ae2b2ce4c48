import type { MailEvent } from '../../events/intake-events.js';
import type { Actor } from '../agency/actor.js';
import { DomainError } from '../shared/errors.js';

/** Where a mail stands: what intake decided, and what an officer did with it if it was held. */
export type MailStatus = 'none' | 'received' | 'routed' | 'ignored' | 'held' | 'attached' | 'promoted' | 'discarded';

export const mailStatus = (events: readonly MailEvent[]): MailStatus =>
  events.reduce<MailStatus>((status, e) => {
    switch (e.type) {
      case 'MailReceived':
        return 'received';
      case 'MailRouted':
        return 'routed';
      case 'MailIgnored':
        return 'ignored';
      case 'MailHeld':
        return 'held';
      case 'HeldMailAttached':
        return 'attached';
      case 'HeldMailPromoted':
        return 'promoted';
      case 'HeldMailDiscarded':
        return 'discarded';
    }
  }, 'none');

/**
 * Whether an actor may act on a held mail: intake officers only, and only while it is held.
 * Returns the error, or undefined when the action may go ahead.
 */
export const checkHeldMailAction = (
  actor: Actor,
  status: MailStatus,
  action: 'attach' | 'promote' | 'discard',
): DomainError | undefined => {
  if (actor.kind !== 'user' || !actor.roles.includes('intake_officer')) {
    return new DomainError('FORBIDDEN', `only an intake officer may ${action} held mail`);
  }
  if (status === 'none') return new DomainError('REQUEST_NOT_FOUND', 'no such mail in the holding pen');
  if (status !== 'held')
    return new DomainError('INVALID_TRANSITION', `cannot ${action}: this mail is ${status}, not held`, { status });
  return undefined;
};
