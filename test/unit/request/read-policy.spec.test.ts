import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../../domain/agency/actor.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { authorizeRead, type ReadAction } from '../../../domain/request/read-policy.js';
import { as, system } from '../../support/agency.js';

const users = [
  'ict.officer',
  'ict.head',
  'legal.officer',
  'legal.chief',
  'spokesperson.legal',
  'secretary',
  'auditor',
] as const;

/** Who may read what, one letter per user in the order of `users`: Y may, - may not. */
const reads: Record<ReadAction, string> = {
  //                 ict.o ict.h leg.o leg.c sp.l sec aud
  list_requests: 'Y Y Y Y Y Y -',
  find_requests: 'Y Y Y Y Y Y Y',
  view_request: 'Y Y Y Y Y Y -',
  view_history: 'Y Y Y Y Y Y Y',
  verify_history: '- Y - - - - Y',
  view_disclosures: 'Y Y Y Y Y Y Y',
};

describe('who may read what', () => {
  it.each(
    Object.entries(reads).flatMap(([action, row]) =>
      row.split(' ').map((mark, i) => [action as ReadAction, users[i] as string, mark === 'Y'] as const),
    ),
  )('%s by %s: allowed = %s', (action, userId, allowed) => {
    expect(authorizeRead(as(userId), action) === undefined).toBe(allowed);
  });

  it('lets the system read anything', () => {
    expect(authorizeRead(system('projector'), 'verify_history')).toBeUndefined();
  });

  it('says who may, when it refuses', () => {
    const refusal = authorizeRead(as('legal.officer'), 'verify_history') as DomainError;
    expect(refusal.code).toBe('FORBIDDEN');
    expect(refusal.message).toBe('legal.officer (division_officer) may not verify history');
    expect(refusal.details).toEqual({ allowedRoles: ['auditor', 'admin'] });
    expect((authorizeRead(as('auditor'), 'list_requests') as DomainError).message).toBe(
      'auditor (auditor) may not list requests',
    );
  });

  it('names every role of a person refused', () => {
    // The communications officer, also appointed internal auditor: neither role opens a request.
    const commsAndAudit: Actor = {
      kind: 'user',
      userId: 'comms.officer',
      roles: ['social_media_lead', 'auditor'],
      division: 'ict',
    };
    expect((authorizeRead(commsAndAudit, 'view_request') as DomainError).message).toBe(
      'comms.officer (social_media_lead, auditor) may not view request',
    );
  });
});
