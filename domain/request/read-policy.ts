import type { Role } from '../../events/primitives.js';
import type { Actor } from '../agency/actor.js';
import { STAFF_ROLES as STAFF } from '../agency/staff.js';
import { DomainError } from '../shared/errors.js';

/** What can be read, beside the commands `authorize` governs. */
export type ReadAction =
  'list_requests' | 'find_requests' | 'view_request' | 'view_history' | 'verify_history' | 'view_disclosures';

const readers: Readonly<Record<ReadAction, readonly Role[]>> = {
  list_requests: STAFF,
  // `GET /requests` itself: the auditor needs a list to pick what to audit (each opens as its history,
  // which they may read). Read-only; the other staff reads and writes still gate on `list_requests`.
  find_requests: [...STAFF, 'auditor'],
  view_request: STAFF,
  view_history: [...STAFF, 'auditor'],
  verify_history: ['auditor', 'admin'],
  view_disclosures: [...STAFF, 'auditor'],
};

/** Whether the actor may read this; a FORBIDDEN error saying who may, if not. */
export const authorizeRead = (actor: Actor, action: ReadAction): DomainError | undefined => {
  if (actor.kind === 'system') return undefined;
  const allowed = readers[action];
  return actor.roles.some((r) => allowed.includes(r))
    ? undefined
    : new DomainError('FORBIDDEN', `${actor.userId} (${actor.roles.join(', ')}) may not ${action.replace('_', ' ')}`, {
        allowedRoles: allowed,
      });
};
