import type { Actor } from '../agency/actor.js';
import { DomainError } from '../shared/errors.js';

/** The holding pen (read, attach, promote, discard) is the intake officers'; FORBIDDEN for anyone else. */
export const authorizeHoldingPen = (actor: Actor): DomainError | undefined =>
  actor.kind === 'user' && actor.roles.includes('intake_officer')
    ? undefined
    : new DomainError('FORBIDDEN', 'the holding pen is for intake officers');
