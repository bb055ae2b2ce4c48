import type { EventActor } from '../../events/actor.js';
import type { Role } from '../../events/primitives.js';
import type { Actor } from '../agency/actor.js';
import { forbiddenCommand, recordedAs, STAFF_ROLES } from '../agency/staff.js';
import { DomainError } from '../shared/errors.js';
import type { WebsiteCommandType } from './commands.js';
import type { WebsiteState } from './state.js';

/**
 * Who may do what on a website update. `division`: staff of the update's division (or, for a new
 * update, of their own); `ict`: staff of ICT services, who keep the website; `staff`: anyone who
 * works on requests; `system`: the scheduler and notifier.
 */
type Who = 'division' | 'ict' | 'staff' | 'system';

const rules: Readonly<Record<WebsiteCommandType, Who>> = {
  SubmitWebsiteUpdate: 'division',
  ProposeFromCommonRequests: 'staff',
  ConfirmComplete: 'ict',
  ReturnIncomplete: 'ict',
  ResubmitWebsiteUpdate: 'division',
  RecordPublished: 'ict',
  WithdrawWebsiteUpdate: 'division',
  CheckWebsiteSla: 'system',
  RecordWebsiteBreachAlert: 'system',
  RecalculateWebsiteDueDate: 'system',
};

const DIVISION_ROLES: readonly Role[] = ['division_officer', 'division_chief', 'intake_officer'];

/** The actor as recorded on the event, or FORBIDDEN saying who may. */
export const authorizeWebsite = (
  actor: Actor,
  state: WebsiteState,
  type: WebsiteCommandType,
  ictDivision: string,
): EventActor | DomainError => {
  const who = rules[type];
  if (actor.kind === 'system') {
    return who === 'system'
      ? { kind: 'system', component: actor.component }
      : new DomainError('FORBIDDEN', `${type} must be done by a person, not by the system`);
  }
  const as = (roles: readonly Role[]): EventActor | undefined => recordedAs(actor, roles);
  const refuse = (why: string) => forbiddenCommand(actor, type, why);
  switch (who) {
    case 'system':
      return refuse('only the system does');
    case 'staff':
      return as(STAFF_ROLES) ?? refuse('staff only');
    case 'ict':
      return (
        (actor.division === ictDivision ? as(DIVISION_ROLES) : undefined) ?? refuse('ICT services keep the website')
      );
    case 'division': {
      const division = state.status === 'none' ? actor.division : state.division;
      return (
        (actor.division !== undefined && actor.division === division ? as(DIVISION_ROLES) : undefined) ??
        refuse(state.status === 'none' ? 'division staff only' : `only staff of ${division}`)
      );
    }
  }
};

/** The yearly review pack is the committee's (head of agency, chiefs), the auditors' and the admins'. */
export const authorizeReviewPack = (actor: Actor): DomainError | undefined =>
  actor.kind === 'system' ||
  actor.roles.some((r) => r === 'head_of_agency' || r === 'division_chief' || r === 'auditor' || r === 'admin')
    ? undefined
    : new DomainError(
        'FORBIDDEN',
        'the website review pack is for the committee (head of agency, chiefs) and auditors',
      );
