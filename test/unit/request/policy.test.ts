import { describe, expect, it } from '@jest/globals';
import type { RequestCommandType } from '../../../domain/request/commands.js';
import { DomainError } from '../../../domain/shared/errors.js';
import type { Actor } from '../../../domain/agency/actor.js';
import { authorize, authorizeConsultation, rules } from '../../../domain/request/policy.js';
import { fold } from '../../../domain/request/state.js';
import { as, system } from '../../support/agency.js';
import { assignedRequest, play, receivedByEmail } from '../../support/request-spec.js';

const users = [
  'ict.officer',
  'ict.head',
  'legal.officer',
  'legal.chief',
  'ppd.officer',
  'ppd.chief',
  'spokesperson.legal',
  'spokesperson.ppd',
  'secretary',
  'auditor',
] as const;

/**
 * Who may do what on a request that Legal holds. One row per command, one letter per user in the
 * order of `users`: Y allowed, - refused. This is the agency plan's division of work, written out.
 */
const onLegalRequest: Record<RequestCommandType, string> = {
  //                       ict.o ict.h leg.o leg.c ppd.o ppd.c sp.l sp.p sec aud
  ReceiveRequest: 'Y - - - - - - - - -',
  AssignRequest: 'Y - - Y - - - - - -',
  RecordConsultation: '- - Y Y - - Y Y - -', // narrowed by authorizeConsultation: see the decider's specifications
  RequestConsultation: '- - Y Y - - - - - -',
  RequestClarification: '- - Y Y - - - - - -',
  ReceiveRequesterMessage: 'Y - Y Y - - - - - -',
  ExtendDeadline: '- - - Y - - - - - -',
  SendResponse: '- - Y Y - - - - - -',
  ArchiveRequest: 'Y - Y Y - - - - - -',
  CloseRequest: 'Y - - Y - - - - - -',
  AddNote: 'Y Y Y Y Y Y Y Y Y -',
  AnswerWithPublishedPage: 'Y - Y Y - - - - - -',
  RecordMailSent: '- - - - - - - - - -',
  RecordSocialMessageSent: '- - - - - - - - - -',
  RecordDelivery: '- - - - - - - - - -',
  RecordBounce: '- - - - - - - - - -',
  CheckSla: '- - - - - - - - - -',
  RecordBreachAlert: '- - - - - - - - - -',
  RecalculateDueDate: '- - - - - - - - - -',
};

describe('authorization: command × user on a request Legal holds', () => {
  const state = fold(assignedRequest());
  const cases = Object.entries(onLegalRequest).flatMap(([type, row]) =>
    row.split(' ').map((mark, i) => [type as RequestCommandType, users[i] as string, mark === 'Y'] as const),
  );

  it.each(cases)('%s by %s: allowed = %s', (type, userId, allowed) => {
    const result = authorize(as(userId), state, type);
    expect(result instanceof DomainError ? result.code : 'ALLOWED').toBe(allowed ? 'ALLOWED' : 'FORBIDDEN');
  });

  it('covers every command', () => {
    expect(Object.keys(onLegalRequest).sort()).toEqual(Object.keys(rules).sort());
  });
});

describe('authorization details', () => {
  it('records the role the user acted in', () => {
    expect(authorize(as('ict.head'), fold(play([receivedByEmail()])), 'AssignRequest')).toEqual({
      kind: 'user',
      userId: 'ict.head',
      role: 'division_chief',
    });
  });

  it('lets any chief take an unassigned request, but only into their own reach', () => {
    const unassigned = fold(play([receivedByEmail()]));
    expect(authorize(as('ppd.chief'), unassigned, 'AssignRequest')).not.toBeInstanceOf(DomainError);
    expect(authorize(as('ppd.chief'), unassigned, 'ExtendDeadline')).toBeInstanceOf(DomainError);
  });

  it('lets the system do what the system does, and nothing a person must do', () => {
    const state = fold(assignedRequest());
    expect(authorize(system('sla-scan'), state, 'CheckSla')).toEqual({ kind: 'system', component: 'sla-scan' });
    expect(authorize(system('api'), state, 'SendResponse')).toBeInstanceOf(DomainError);
  });

  it('says why it refused', () => {
    const refusal = authorize(as('ppd.officer'), fold(assignedRequest()), 'SendResponse') as DomainError;
    expect(refusal.message).toMatch(/only on requests of their own division \(this one is with legal\)/);
    const auditor = authorize(as('auditor'), fold(assignedRequest()), 'AddNote') as DomainError;
    expect(auditor.message).toMatch(/auditor \(auditor\) may not do AddNote/);
  });

  it('says so when a division’s work is asked of a request no division holds yet', () => {
    const refusal = authorize(
      as('legal.officer'),
      fold(play([receivedByEmail()])),
      'RequestClarification',
    ) as DomainError;
    expect(refusal.message).toBe('legal.officer may do RequestClarification only on requests of their own division');
  });

  it('names every role of the person refused, and who may', () => {
    const refusal = authorize(as('ict.head'), fold(assignedRequest()), 'ReceiveRequest') as DomainError;
    expect(refusal.message).toBe('ict.head (division_chief, admin) may not do ReceiveRequest');
    expect(refusal.details).toStrictEqual({ command: 'ReceiveRequest', allowedRoles: ['intake_officer'] });
    const officer = authorize(as('ppd.officer'), fold(assignedRequest()), 'AnswerWithPublishedPage') as DomainError;
    expect(officer.details).toStrictEqual({
      command: 'AnswerWithPublishedPage',
      allowedRoles: ['intake_officer', 'division_officer', 'division_chief'],
    });
  });

  it('tells the requester and the system what is not theirs to do', () => {
    const requester = authorize(system('requester'), fold(assignedRequest()), 'AddNote') as DomainError;
    expect(requester.message).toBe("AddNote is not the requester's to do");
    const bySystem = authorize(system('api'), fold(assignedRequest()), 'AssignRequest') as DomainError;
    expect(bySystem.message).toBe('AssignRequest must be done by a person, not by the system');
  });

  it('refuses a stand-in whose absent colleague could not do it either', () => {
    const standIn: Actor = {
      ...(as('ppd.officer') as Extract<Actor, { kind: 'user' }>),
      actingFor: [{ userId: 'ppd.chief', roles: ['division_chief'], division: 'ppd' }],
    };
    const refusal = authorize(standIn, fold(assignedRequest()), 'ExtendDeadline');
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('FORBIDDEN');
  });
});

describe('who records a consultation', () => {
  it('is a person: the system records no one’s view', () => {
    const refusal = authorizeConsultation(
      system('api'),
      { kind: 'system', component: 'api' },
      { with: 'division', person: 'legal.chief' },
    ) as DomainError;
    expect(refusal.code).toBe('FORBIDDEN');
    expect(refusal.message).toBe('a consultation is recorded by a person');
  });
});
