import type { EventActor } from '../../events/actor.js';
import type { Role } from '../../events/primitives.js';
import type { Actor } from '../agency/actor.js';
import type { RequestCommandType } from './commands.js';
import { DomainError } from '../shared/errors.js';
import type { RequestState } from './state.js';

/**
 * Where a role's permission reaches: every request, only requests of the actor's own division,
 * or those plus requests no division holds yet.
 */
type Scope = 'any' | 'own_division' | 'own_division_or_unassigned';

interface Permission {
  readonly role: Role;
  readonly scope: Scope;
}

interface Rule {
  /** The system itself (email intake, scheduler, mailer) may issue it. */
  readonly system: boolean;
  readonly users: readonly Permission[];
  /** The requester themself may issue it, through the portal's tracking page (actor {@link REQUESTER_COMPONENT}). */
  readonly requester?: boolean;
}

/**
 * The system component that stands for the requester acting on their own request through the portal
 * (the tracking link proves who they are): their reply, their withdrawal. Nothing else is theirs to do.
 */
export const REQUESTER_COMPONENT = 'requester';

const divisionStaff: readonly Permission[] = [
  { role: 'division_officer', scope: 'own_division' },
  { role: 'division_chief', scope: 'own_division' },
];

/** Everyone who works on requests; auditors only read. */
const staff: readonly Permission[] = (
  ['intake_officer', 'division_officer', 'division_chief', 'spokesperson', 'head_of_agency', 'admin'] as const
).map((role) => ({ role, scope: 'any' }));

const systemOnly: Rule = { system: true, users: [] };

/** Who may issue each command: the agency plan's division of work. */
export const rules: Readonly<Record<RequestCommandType, Rule>> = {
  ReceiveRequest: { system: true, users: [{ role: 'intake_officer', scope: 'any' }] },
  AssignRequest: {
    system: false,
    users: [
      { role: 'intake_officer', scope: 'any' },
      { role: 'division_chief', scope: 'own_division_or_unassigned' },
    ],
  },
  // Who may record which consultation is narrowed further by `authorizeConsultation`.
  RecordConsultation: { system: false, users: [...divisionStaff, { role: 'spokesperson', scope: 'any' }] },
  RequestConsultation: { system: false, users: divisionStaff },
  RequestClarification: { system: false, users: divisionStaff },
  ReceiveRequesterMessage: {
    system: true,
    requester: true,
    users: [{ role: 'intake_officer', scope: 'any' }, ...divisionStaff],
  },
  ExtendDeadline: { system: false, users: [{ role: 'division_chief', scope: 'own_division' }] },
  SendResponse: { system: false, users: divisionStaff },
  ArchiveRequest: { system: false, users: [{ role: 'intake_officer', scope: 'any' }, ...divisionStaff] },
  // The requester may withdraw their own request (the decider refuses them any other reason).
  CloseRequest: {
    system: false,
    requester: true,
    users: [
      { role: 'intake_officer', scope: 'any' },
      { role: 'division_chief', scope: 'own_division_or_unassigned' },
    ],
  },
  AddNote: { system: true, users: staff },
  AnswerWithPublishedPage: {
    system: false,
    users: [
      { role: 'intake_officer', scope: 'any' },
      ...divisionStaff,
      { role: 'division_chief', scope: 'own_division_or_unassigned' },
    ],
  },
  RecordMailSent: systemOnly,
  RecordSocialMessageSent: systemOnly,
  RecordDelivery: systemOnly,
  RecordBounce: systemOnly,
  CheckSla: systemOnly,
  RecordBreachAlert: systemOnly,
  RecalculateDueDate: systemOnly,
};

const reaches = (scope: Scope, actorDivision: string | undefined, requestDivision: string | undefined): boolean => {
  switch (scope) {
    case 'any':
      return true;
    case 'own_division':
      return actorDivision !== undefined && actorDivision === requestDivision;
    case 'own_division_or_unassigned':
      return requestDivision === undefined || (actorDivision !== undefined && actorDivision === requestDivision);
  }
};

/**
 * Decides whether `actor` may issue a command of `type` on a request in `state`. Pure: the answer
 * depends only on the actor's roles and division and the request's division. Returns the actor as it
 * is recorded on the events (with the role they acted in), or a FORBIDDEN error saying why.
 */
export const authorize = (actor: Actor, state: RequestState, type: RequestCommandType): EventActor | DomainError => {
  const rule = rules[type];
  if (actor.kind === 'system' && actor.component === REQUESTER_COMPONENT) {
    return rule.requester
      ? { kind: 'system', component: actor.component }
      : new DomainError('FORBIDDEN', `${type} is not the requester's to do`);
  }
  if (actor.kind === 'system') {
    return rule.system
      ? { kind: 'system', component: actor.component }
      : new DomainError('FORBIDDEN', `${type} must be done by a person, not by the system`);
  }
  const requestDivision = state.status === 'none' ? undefined : state.division;
  const granted = rule.users.find(
    (p) => actor.roles.includes(p.role) && reaches(p.scope, actor.division, requestDivision),
  );
  if (granted) return { kind: 'user', userId: actor.userId, role: granted.role };
  // A delegate may use the roles of a colleague on leave, in their own name ("X, acting for Y").
  for (const principal of actor.actingFor ?? []) {
    const delegated = rule.users.find(
      (p) => principal.roles.includes(p.role) && reaches(p.scope, principal.division, requestDivision),
    );
    if (delegated) return { kind: 'user', userId: actor.userId, role: delegated.role, actingFor: principal.userId };
  }
  const roleOnly = rule.users.some((p) => actor.roles.includes(p.role));
  return new DomainError(
    'FORBIDDEN',
    roleOnly
      ? `${actor.userId} may do ${type} only on requests of their own division${requestDivision ? ` (this one is with ${requestDivision})` : ''}`
      : `${actor.userId} (${actor.roles.join(', ')}) may not do ${type}`,
    { command: type, allowedRoles: [...new Set(rule.users.map((p) => p.role))] },
  );
};

/**
 * Who may record a consultation, once `authorize` let the actor record consultations at all. A
 * spokesperson's clearance is only as strong as their own word: it is recorded by that spokesperson,
 * or — while they are on leave — by whoever stands in for them, in their own name ("X, acting for Y").
 * A division's consultation is recorded by the division's staff. Returns the actor as the event
 * records them, or FORBIDDEN saying who may.
 */
export const authorizeConsultation = (
  actor: Actor,
  granted: EventActor,
  consulted: { readonly with: 'division' | 'spokesperson'; readonly person: string },
): EventActor | DomainError => {
  if (actor.kind !== 'user' || granted.kind !== 'user')
    return new DomainError('FORBIDDEN', 'a consultation is recorded by a person');
  if (consulted.with === 'spokesperson') {
    if (actor.userId === consulted.person) return { kind: 'user', userId: actor.userId, role: 'spokesperson' };
    if ((actor.actingFor ?? []).some((p) => p.userId === consulted.person)) {
      return { kind: 'user', userId: actor.userId, role: 'spokesperson', actingFor: consulted.person };
    }
    return new DomainError(
      'FORBIDDEN',
      `a spokesperson consultation is recorded by the spokesperson themself: only ${consulted.person} (or whoever stands in for them while they are on leave) may record it; ask them for their view instead`,
      { person: consulted.person },
    );
  }
  if (granted.role === 'division_officer' || granted.role === 'division_chief') return granted;
  return new DomainError(
    'FORBIDDEN',
    `a division consultation is recorded by the staff of the division holding the request, not by ${actor.userId}`,
    {
      allowedRoles: ['division_officer', 'division_chief'],
    },
  );
};
