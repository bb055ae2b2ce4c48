import { describe, it } from '@jest/globals';
import { NOW, given, playDirectory, seeded } from '../../support/directory-spec.js';

describe('appointing a person by office order', () => {
  it('refuses someone the directory does not know, and names them', () => {
    given(seeded())
      .when('AppointPerson', { personId: 'nobody', roles: ['auditor'] }, NOW)
      .thenThrows('PERSON_NOT_FOUND', /^nobody is not in the directory$/, { personId: 'nobody' });
  });

  it('refuses someone deactivated, and says so', () => {
    const auditorGone = playDirectory(seeded(), ['DeactivatePerson', { personId: 'auditor', reason: 'retired' }, NOW]);
    given(auditorGone)
      .when('AppointPerson', { personId: 'auditor', roles: ['auditor'] }, NOW)
      .thenThrows('PERSON_INACTIVE', /^auditor was deactivated$/, { personId: 'auditor' });
  });

  it('records an office order that took effect months ago for someone in post since the seed', () => {
    const order = {
      personId: 'legal.officer',
      roles: ['division_chief'] as const,
      effectiveFrom: '2026-03-01T09:00:00+06:00',
      order: 'NECS/ADM/2026/14',
    };
    given(seeded())
      .when('AppointPerson', order, NOW)
      .then([
        {
          type: 'PersonAppointed',
          schemaVersion: 1,
          occurredAt: NOW,
          actor: { kind: 'user', userId: 'ict.head', role: 'admin' },
          data: { ...order, roles: ['division_chief'], division: 'legal' },
        },
      ]);
  });

  describe('for a newcomer', () => {
    const joinedAt = '2026-11-23T10:00:00+06:00';
    const withNewcomer = () =>
      playDirectory(seeded(), [
        'AddPerson',
        {
          personId: 'env.officer',
          name: 'Pema',
          email: 'env.officer@necs.example',
          roles: ['division_officer'],
          division: 'ppd',
        },
        joinedAt,
      ]);

    it('takes effect from the instant they joined at the earliest', () => {
      given(withNewcomer())
        .when(
          'AppointPerson',
          { personId: 'env.officer', roles: ['division_chief'], effectiveFrom: joinedAt },
          '2026-11-24T10:00:00+06:00',
        )
        .then([
          {
            type: 'PersonAppointed',
            schemaVersion: 1,
            occurredAt: '2026-11-24T10:00:00+06:00',
            actor: { kind: 'user', userId: 'ict.head', role: 'admin' },
            data: { personId: 'env.officer', roles: ['division_chief'], effectiveFrom: joinedAt, division: 'ppd' },
          },
        ]);
    });

    it('is refused when it would take effect before they joined, saying when they did', () => {
      given(withNewcomer())
        .when(
          'AppointPerson',
          { personId: 'env.officer', roles: ['division_chief'], effectiveFrom: '2026-11-23T09:59:59+06:00' },
          '2026-11-24T10:00:00+06:00',
        )
        .thenThrows(
          'INVALID_INPUT',
          /^env\.officer joined on 2026-11-23T10:00:00\+06:00; an appointment cannot take effect before that$/,
        );
    });
  });
});
