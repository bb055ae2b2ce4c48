import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../../domain/agency/actor.js';
import type { DirectoryEvent } from '../../../events/directory-events.js';
import { NOW, admin, given, playDirectory, seeded } from '../../support/directory-spec.js';

const deputy: Actor = { kind: 'user', userId: 'deputy.admin', roles: ['admin'] };
/** The sample agency with a second admin: the ICT chief is no longer the only one. */
const withSecondAdmin = () =>
  playDirectory(seeded(), [
    'AddPerson',
    { personId: 'deputy.admin', name: 'Karma', email: 'deputy.admin@necs.example', roles: ['admin'] },
    '2026-11-20T10:00:00+06:00',
  ]);

describe('the agency always keeps an admin', () => {
  it('lets an admin give up the role once a second admin is in post', () => {
    given(withSecondAdmin())
      .when('AppointPerson', { personId: 'ict.head', roles: ['division_chief'] }, NOW, deputy)
      .then([
        {
          type: 'PersonAppointed',
          schemaVersion: 1,
          occurredAt: NOW,
          actor: { kind: 'user', userId: 'deputy.admin', role: 'admin' },
          data: { personId: 'ict.head', roles: ['division_chief'], effectiveFrom: NOW, division: 'ict' },
        },
      ]);
  });

  it('lets one admin deactivate another once a second admin is in post', () => {
    given(withSecondAdmin())
      .when('DeactivatePerson', { personId: 'ict.head', reason: 'retired' }, NOW, deputy)
      .then([
        {
          type: 'PersonDeactivated',
          schemaVersion: 1,
          occurredAt: NOW,
          actor: { kind: 'user', userId: 'deputy.admin', role: 'admin' },
          data: { personId: 'ict.head', reason: 'retired' },
        },
      ]);
  });

  it('lets the last admin take new roles that keep admin among them', () => {
    given(seeded())
      .when('AppointPerson', { personId: 'ict.head', roles: ['division_officer', 'admin'] }, NOW)
      .then([
        {
          type: 'PersonAppointed',
          schemaVersion: 1,
          occurredAt: NOW,
          actor: { kind: 'user', userId: 'ict.head', role: 'admin' },
          data: { personId: 'ict.head', roles: ['division_officer', 'admin'], effectiveFrom: NOW, division: 'ict' },
        },
      ]);
  });

  const fromMarch = '2027-03-01T09:00:00+06:00';
  /** The last admin's office order, dated March: from then on they are the ICT chief only. */
  const lastAdminStepsDownInMarch = [
    'AppointPerson',
    { personId: 'ict.head', roles: ['division_chief'], effectiveFrom: fromMarch },
  ] as const;

  it('refuses an office order dated ahead that would leave the agency with no admin from that date', () => {
    given(seeded())
      .when(...lastAdminStepsDownInMarch, NOW, admin)
      .thenThrows(
        'INVALID_INPUT',
        /^from 2027-03-01 the agency would have no admin: appoint another admin from that date first$/,
        { from: fromMarch },
      );
  });

  it('names the first date without an admin when later office orders are in too', () => {
    // The ICT officer (listed before the ICT chief) moves to PPD in April: the later order comes first.
    const ictOfficerMovesInApril = playDirectory(seeded(), [
      'AppointPerson',
      {
        personId: 'ict.officer',
        roles: ['division_officer'],
        division: 'ppd',
        effectiveFrom: '2027-04-01T09:00:00+06:00',
      },
      NOW,
    ]);
    given(ictOfficerMovesInApril)
      .when(...lastAdminStepsDownInMarch, NOW, admin)
      .thenThrows('INVALID_INPUT', /^from 2027-03-01 the agency would have no admin/, { from: fromMarch });
  });

  it('records that order once the successor’s order for the same date is in', () => {
    const successorFromMarch = playDirectory(
      seeded(),
      [
        'AddPerson',
        {
          personId: 'deputy.admin',
          name: 'Karma',
          email: 'deputy.admin@necs.example',
          roles: ['division_officer'],
          division: 'ict',
        },
        NOW,
      ],
      ['AppointPerson', { personId: 'deputy.admin', roles: ['admin'], effectiveFrom: fromMarch }, NOW],
    );
    given(successorFromMarch)
      .when(...lastAdminStepsDownInMarch, NOW, admin)
      .then([
        {
          type: 'PersonAppointed',
          schemaVersion: 1,
          occurredAt: NOW,
          actor: { kind: 'user', userId: 'ict.head', role: 'admin' },
          data: { personId: 'ict.head', roles: ['division_chief'], effectiveFrom: fromMarch, division: 'ict' },
        },
      ]);
  });

  it('refuses deactivating the admin who would be the last once another admin’s order dated ahead takes effect', () => {
    const deputyStepsDownInMarch = playDirectory(withSecondAdmin(), [
      'AppointPerson',
      { personId: 'deputy.admin', roles: ['division_officer'], division: 'ict', effectiveFrom: fromMarch },
      NOW,
      deputy,
    ]);
    given(deputyStepsDownInMarch)
      .when('DeactivatePerson', { personId: 'ict.head', reason: 'retired' }, NOW, deputy)
      .thenThrows('INVALID_INPUT', /^from 2027-03-01 the agency would have no admin/, { from: fromMarch });
  });

  it('does not hold up other work over a gap recorded before the rule: appointing an officer still goes through', () => {
    const gapAlreadyThere = [
      ...seeded(),
      {
        type: 'PersonAppointed',
        schemaVersion: 1,
        occurredAt: '2026-11-20T10:00:00+06:00',
        actor: { kind: 'user', userId: 'ict.head', role: 'admin' },
        data: { personId: 'ict.head', roles: ['division_chief'], effectiveFrom: fromMarch, division: 'ict' },
      } satisfies DirectoryEvent,
    ];
    given(gapAlreadyThere)
      .when('AppointPerson', { personId: 'legal.officer', roles: ['division_officer'], division: 'ppd' }, NOW, admin)
      .then([expect.objectContaining({ type: 'PersonAppointed' })]);
  });
});

describe('deactivating a person', () => {
  it('refuses someone the directory does not know, and names them', () => {
    given(seeded())
      .when('DeactivatePerson', { personId: 'nobody', reason: 'left' }, NOW)
      .thenThrows('PERSON_NOT_FOUND', /^nobody is not in the directory$/, { personId: 'nobody' });
  });

  it('refuses an admin deactivating themself, even with another admin in post', () => {
    given(withSecondAdmin())
      .when('DeactivatePerson', { personId: 'deputy.admin', reason: 'leaving' }, NOW, deputy)
      .thenThrows('INVALID_INPUT', /^an admin cannot deactivate themself$/);
  });
});
