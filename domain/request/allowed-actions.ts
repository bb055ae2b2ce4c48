import { actsAs, type Actor } from '../agency/actor.js';
import type { RequestCommandType } from './commands.js';
import { DomainError } from '../shared/errors.js';
import { authorize } from './policy.js';
import { pendingAsks, type Request } from './state.js';
import { ACCEPTED_STATUSES } from './accepted-statuses.js';
import type { RequestStatus } from './statuses.js';

/**
 * What a person can do on a request from its page: each action is one command (recording a view is a
 * consultation, of a spokesperson or of the division). The console shows what the API lists, so who may
 * do what is decided here, by the policy the commands use, and nowhere else.
 */
export const REQUEST_ACTIONS = [
  'assign',
  'note',
  'askView',
  'consultDivision',
  'recordView',
  'clarify',
  'extend',
  'respond',
  'archive',
  'close',
  'answerWithPage',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * Each action's command and the statuses it is offered in: those its command is accepted in
 * (`ACCEPTED_STATUSES`, which the decider checks too; `test/unit/request/allowed-actions.test.ts`
 * checks the two agree, status for status).
 */
export const ACTION_RULES: Readonly<
  Record<RequestAction, { readonly command: RequestCommandType; readonly statuses: readonly RequestStatus[] }>
> = {
  assign: { command: 'AssignRequest', statuses: ACCEPTED_STATUSES.AssignRequest },
  note: { command: 'AddNote', statuses: ACCEPTED_STATUSES.AddNote },
  askView: { command: 'RequestConsultation', statuses: ACCEPTED_STATUSES.RequestConsultation },
  consultDivision: { command: 'RecordConsultation', statuses: ACCEPTED_STATUSES.RecordConsultation },
  recordView: { command: 'RecordConsultation', statuses: ACCEPTED_STATUSES.RecordConsultation },
  clarify: { command: 'RequestClarification', statuses: ACCEPTED_STATUSES.RequestClarification },
  extend: { command: 'ExtendDeadline', statuses: ACCEPTED_STATUSES.ExtendDeadline },
  respond: { command: 'SendResponse', statuses: ACCEPTED_STATUSES.SendResponse },
  archive: { command: 'ArchiveRequest', statuses: ACCEPTED_STATUSES.ArchiveRequest },
  close: { command: 'CloseRequest', statuses: ACCEPTED_STATUSES.CloseRequest },
  answerWithPage: { command: 'AnswerWithPublishedPage', statuses: ACCEPTED_STATUSES.AnswerWithPublishedPage },
};

const granted = (actor: Actor, state: Request, command: RequestCommandType) => {
  const g = authorize(actor, state, command);
  return g instanceof DomainError ? undefined : g;
};

/**
 * The actions `actor` may take on `state` now: allowed by the policy for its command, in a status the
 * workflow accepts it in. Consultations are narrowed as `authorizeConsultation` narrows them: the
 * division's is recorded by its staff; a view by a spokesperson (their own) or by whoever was asked
 * for it (or stands in for them). A request whose extensions are used up offers no extension.
 */
export const allowedActions = (actor: Actor, state: Request, maxExtensionWorkingDays: number): RequestAction[] =>
  REQUEST_ACTIONS.filter((action) => {
    const rule = ACTION_RULES[action];
    if (!rule.statuses.includes(state.status)) return false;
    const g = granted(actor, state, rule.command);
    if (!g || g.kind !== 'user') return false;
    switch (action) {
      case 'consultDivision':
        return g.role === 'division_officer' || g.role === 'division_chief';
      case 'recordView':
        return (
          actor.kind === 'user' &&
          (actor.roles.includes('spokesperson') ||
            (actor.actingFor ?? []).some((p) => p.roles.includes('spokesperson')) ||
            pendingAsks(state).some((a) => actsAs(actor, a.person)))
        );
      case 'extend':
        return state.extendedWorkingDays < maxExtensionWorkingDays;
      default:
        return true;
    }
  });
