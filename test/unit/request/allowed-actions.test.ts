import { describe, expect, it } from '@jest/globals';
import {
  ACTION_RULES,
  allowedActions,
  REQUEST_ACTIONS,
  type RequestAction,
} from '../../../domain/request/allowed-actions.js';
import type { RequestCommand } from '../../../domain/request/commands.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { fold, type Request, type RequestStatus } from '../../../domain/request/state.js';
import type { Actor } from '../../../domain/agency/actor.js';
import { as, system } from '../../support/agency.js';
import {
  assignedToLegal,
  clarificationAsked,
  command,
  deciderWith,
  fullResponse,
  play,
  receivedByEmail,
  spokespersonAsked,
  spokespersonCleared,
} from '../../support/request-spec.js';

const NOW = '2026-11-25T10:00:00+06:00';
const MAX_EXTENSION = 10;

/** A request in each status, through the workflow's own commands. */
const inStatus: Record<RequestStatus, () => Request> = {
  received: () => fold(play([receivedByEmail()])) as Request,
  assigned: () => fold(play([receivedByEmail(), assignedToLegal()])) as Request,
  in_consultation: () => fold(play([receivedByEmail(), assignedToLegal(), spokespersonAsked()])) as Request,
  awaiting_clarification: () => fold(play([receivedByEmail(), assignedToLegal(), clarificationAsked()])) as Request,
  responded: () => fold(play([receivedByEmail(), assignedToLegal(), spokespersonCleared(), fullResponse()])) as Request,
  archived: () =>
    fold(
      play([
        receivedByEmail(),
        assignedToLegal(),
        spokespersonCleared(),
        fullResponse(),
        command('ArchiveRequest', { topics: ['air quality'], publishable: false }, 'legal.officer', NOW),
      ]),
    ) as Request,
  closed: () =>
    fold(
      play([
        receivedByEmail(),
        assignedToLegal(),
        command('CloseRequest', { reason: 'duplicate' }, 'ict.officer', '2026-11-20T12:00:00+06:00'),
      ]),
    ) as Request,
};

/** A valid command for each action, by someone the policy lets do it on a Legal request. */
const commandFor: Record<RequestAction, () => RequestCommand> = {
  assign: () => command('AssignRequest', { division: 'ppd' }, 'ict.officer', NOW),
  note: () => command('AddNote', { text: 'Called the requester.' }, 'legal.officer', NOW),
  askView: () =>
    command(
      'RequestConsultation',
      { person: 'spokesperson.ppd', question: 'May we share the readings?' },
      'legal.officer',
      NOW,
    ),
  consultDivision: () =>
    command('RecordConsultation', { with: 'division', person: 'legal.chief', outcome: 'advice' }, 'legal.officer', NOW),
  recordView: () =>
    command(
      'RecordConsultation',
      { with: 'spokesperson', person: 'spokesperson.ppd', outcome: 'cleared' },
      'spokesperson.ppd',
      NOW,
    ),
  clarify: () => command('RequestClarification', { message: { inline: 'Which stations?' } }, 'legal.officer', NOW),
  extend: () => command('ExtendDeadline', { workingDays: 2, reason: 'Field data' }, 'legal.chief', NOW),
  respond: () =>
    command(
      'SendResponse',
      { responseId: 'resp-9', body: { inline: 'Attached.' }, disposition: 'full', attachments: [] },
      'legal.officer',
      NOW,
    ),
  archive: () => command('ArchiveRequest', { topics: ['air quality'], publishable: true }, 'ict.officer', NOW),
  close: () => command('CloseRequest', { reason: 'withdrawn' }, 'ict.officer', NOW),
  answerWithPage: () => command('AnswerWithPublishedPage', { url: 'https://www.necs.gov.bt/air' }, 'ict.officer', NOW),
};

describe('the actions a request page offers', () => {
  // Each action's statuses must be exactly those its command's decider accepts: never a button that fails, never one missing.
  const cases = REQUEST_ACTIONS.flatMap((action) =>
    (Object.keys(inStatus) as RequestStatus[]).map((status) => [action, status] as const),
  );
  it.each(cases)('%s in status %s: offered exactly when the workflow accepts it', (action, status) => {
    const state = inStatus[status]();
    const result = deciderWith().decide(commandFor[action](), state);
    const refusedForStatus = result instanceof DomainError && result.code === 'INVALID_TRANSITION';
    if (result instanceof DomainError && result.code === 'FORBIDDEN') {
      // Division work on a request no division holds yet is refused by the policy first; those statuses are never offered.
      expect(status).toBe('received');
      expect(ACTION_RULES[action].statuses).not.toContain('received');
      return;
    }
    expect(refusedForStatus).toBe(!ACTION_RULES[action].statuses.includes(status));
  });

  it('offers each person what the policy lets them do, in business terms', () => {
    const assigned = inStatus.assigned();
    expect(allowedActions(as('legal.officer'), assigned, MAX_EXTENSION)).toEqual([
      'note',
      'askView',
      'consultDivision',
      'clarify',
      'respond',
      'answerWithPage',
    ]);
    expect(allowedActions(as('legal.chief'), assigned, MAX_EXTENSION)).toEqual([
      'assign',
      'note',
      'askView',
      'consultDivision',
      'clarify',
      'extend',
      'respond',
      'close',
      'answerWithPage',
    ]);
    expect(allowedActions(as('ict.officer'), assigned, MAX_EXTENSION)).toEqual([
      'assign',
      'note',
      'close',
      'answerWithPage',
    ]);
    expect(allowedActions(as('spokesperson.legal'), assigned, MAX_EXTENSION)).toEqual(['note', 'recordView']);
    expect(allowedActions(as('ppd.officer'), assigned, MAX_EXTENSION)).toEqual(['note']);
    expect(allowedActions(as('auditor'), assigned, MAX_EXTENSION)).toEqual([]);
  });

  it('offers a colleague asked for their view to record it, and no extension once the cap is used', () => {
    const asked = fold(
      play([
        receivedByEmail(),
        assignedToLegal(),
        command(
          'RequestConsultation',
          { person: 'legal.chief', question: 'Is the annex ours to share?' },
          'legal.officer',
          NOW,
        ),
      ]),
    ) as Request;
    expect(allowedActions(as('legal.chief'), asked, MAX_EXTENSION)).toContain('recordView');
    expect(allowedActions(as('legal.officer'), asked, MAX_EXTENSION)).not.toContain('recordView');
    expect(
      allowedActions(as('legal.chief'), { ...asked, extendedWorkingDays: MAX_EXTENSION }, MAX_EXTENSION),
    ).not.toContain('extend');
  });

  it('offers the stand-in of a spokesperson on leave to record the view in their place', () => {
    const assigned = inStatus.assigned();
    const standIn: Actor = {
      ...(as('legal.officer') as Extract<Actor, { kind: 'user' }>),
      actingFor: [{ userId: 'spokesperson.legal', roles: ['spokesperson'], division: 'legal' }],
    };
    expect(allowedActions(standIn, assigned, MAX_EXTENSION)).toContain('recordView');
  });

  it('offers nothing to the system or to the requester: the page’s actions are a person’s', () => {
    const assigned = inStatus.assigned();
    expect(allowedActions(system('api'), assigned, MAX_EXTENSION)).toEqual([]);
    expect(allowedActions(system('requester'), assigned, MAX_EXTENSION)).toEqual([]);
  });
});
