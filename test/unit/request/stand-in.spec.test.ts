import { describe, expect, it } from '@jest/globals';
import type { Actor, Principal } from '../../../domain/agency/actor.js';
import { as } from '../../support/agency.js';
import { assignedRequest, command, given } from '../../support/request-spec.js';

const legalChief: Principal = { userId: 'legal.chief', roles: ['division_chief'], division: 'legal' };
const legalSpokesperson: Principal = { userId: 'spokesperson.legal', roles: ['spokesperson'], division: 'legal' };
const ppdSpokesperson: Principal = { userId: 'spokesperson.ppd', roles: ['spokesperson'], division: 'ppd' };

/** `userId` signed in while standing in for `principals`, who are on leave. */
const standingIn = (userId: string, ...principals: Principal[]): Actor =>
  ({ ...as(userId), actingFor: principals }) as Actor;

const legalClearance = (by: Actor) =>
  command(
    'RecordConsultation',
    { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
    by,
    '2026-11-23T10:00:00+06:00',
  );

describe('a stand-in recording a spokesperson’s view', () => {
  it('records it in their own name, acting for the spokesperson, while that spokesperson is on leave', () => {
    given(assignedRequest())
      .when(legalClearance(standingIn('legal.officer', legalSpokesperson)))
      .then([
        {
          type: 'ConsultationRecorded',
          schemaVersion: 2,
          occurredAt: '2026-11-23T10:00:00+06:00',
          actor: { kind: 'user', userId: 'legal.officer', role: 'spokesperson', actingFor: 'spokesperson.legal' },
          data: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
        },
      ]);
  });

  it('is refused to someone standing in for the chief: standing in for anyone but the spokesperson gives no clearance', () => {
    given(assignedRequest())
      .when(legalClearance(standingIn('legal.officer', legalChief)))
      .thenRefused('FORBIDDEN', /recorded by the spokesperson themself/);
  });

  it('is refused to the stand-in of another spokesperson', () => {
    given(assignedRequest())
      .when(legalClearance(standingIn('legal.officer', ppdSpokesperson)))
      .thenRefused('FORBIDDEN', /only spokesperson\.legal/);
  });

  it('counts only the spokesperson on leave among several people someone stands in for', () => {
    given(assignedRequest())
      .when(legalClearance(standingIn('legal.officer', legalChief, legalSpokesperson)))
      .then([
        expect.objectContaining({
          actor: { kind: 'user', userId: 'legal.officer', role: 'spokesperson', actingFor: 'spokesperson.legal' },
        }),
      ]);
  });
});
