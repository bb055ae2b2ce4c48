import type { EventActor } from '../../events/actor.js';
import type { Role } from '../../events/primitives.js';
import type { Actor } from '../agency/actor.js';
import { forbiddenCommand, recordedAs, STAFF_ROLES } from '../agency/staff.js';
import { DomainError } from '../shared/errors.js';
import type { SocialAccountCommandType, SocialIncidentCommandType } from './commands.js';

/**
 * Who may do what on the social media workflows (the plan's clause 9). `lead`: the Social Media Lead
 * (or a delegate standing in for them); `recorder`: the Lead or the staff the Lead named for the
 * account; `staff`: anyone who works at the agency (auditors only read).
 */
export type SocialWho = 'lead' | 'recorder' | 'staff';

export const SOCIAL_MEDIA_LEAD: Role = 'social_media_lead';

/** Everyone who works at the agency; auditors read and never act. */
export const SOCIAL_STAFF_ROLES: readonly Role[] = [SOCIAL_MEDIA_LEAD, ...STAFF_ROLES];

/** Who may read the register and the trail: staff and auditors. */
export const SOCIAL_READER_ROLES: readonly Role[] = [...SOCIAL_STAFF_ROLES, 'auditor'];

export const accountRules: Readonly<Record<SocialAccountCommandType, SocialWho>> = {
  ProposeAccount: 'staff',
  RecordAssessment: 'lead',
  ApproveAccount: 'lead',
  ActivateAccount: 'lead',
  EvaluateAccount: 'lead',
  RetireAccount: 'lead',
  NameRecorders: 'lead',
  RecordFollowers: 'lead',
  RecordPost: 'recorder',
};

export const incidentRules: Readonly<Record<SocialIncidentCommandType, SocialWho>> = {
  OpenIncident: 'staff',
  RecordIncidentAction: 'staff',
  CloseIncident: 'staff',
};

/**
 * The actor as recorded on the event, or FORBIDDEN saying who may. `recorders` are the staff the Lead
 * named for the account (for `recorder` commands).
 */
export const authorizeSocial = (
  actor: Actor,
  type: string,
  who: SocialWho,
  recorders: readonly string[] = [],
): EventActor | DomainError => {
  if (actor.kind === 'system')
    return new DomainError('FORBIDDEN', `${type} must be done by a person, not by the system`, { command: type });
  const lead = (): EventActor | undefined => {
    if (actor.roles.includes(SOCIAL_MEDIA_LEAD)) return { kind: 'user', userId: actor.userId, role: SOCIAL_MEDIA_LEAD };
    const principal = (actor.actingFor ?? []).find((p) => p.roles.includes(SOCIAL_MEDIA_LEAD));
    return principal
      ? { kind: 'user', userId: actor.userId, role: SOCIAL_MEDIA_LEAD, actingFor: principal.userId }
      : undefined;
  };
  const staff = (): EventActor | undefined => recordedAs(actor, SOCIAL_STAFF_ROLES);
  const refuse = (why: string) => forbiddenCommand(actor, type, why);
  switch (who) {
    case 'lead':
      return lead() ?? refuse('only the Social Media Lead does');
    case 'staff':
      return staff() ?? refuse('staff only');
    case 'recorder':
      return (
        lead() ??
        (recorders.includes(actor.userId) ? staff() : undefined) ??
        refuse('only the Social Media Lead and the staff the Lead named for this account record for it')
      );
  }
};

/** Whether the actor may read the register, the trail and the incidents (staff and auditors); FORBIDDEN if not. */
export const authorizeSocialRead = (actor: Actor): DomainError | undefined =>
  actor.kind === 'system' || actor.roles.some((r) => SOCIAL_READER_ROLES.includes(r))
    ? undefined
    : new DomainError('FORBIDDEN', `${actor.userId} may not read the social media register`, {
        allowedRoles: SOCIAL_READER_ROLES,
      });
