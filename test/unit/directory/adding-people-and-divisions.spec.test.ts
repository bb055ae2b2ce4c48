import { describe, it } from '@jest/globals';
import { NOW, given, playDirectory, seeded } from '../../support/directory-spec.js';

const newcomer = { personId: 'env.officer', name: 'Pema', email: 'env.officer@necs.example' };

describe('adding a division', () => {
  it('refuses an id already taken by another division, naming the division that has it', () => {
    given(seeded())
      .when('AddDivision', { divisionId: 'ppd', name: 'Planning' }, NOW)
      .thenThrows('ALREADY_EXISTS', /^division ppd exists \(Policy and Planning Division\)$/, { divisionId: 'ppd' });
  });
});

describe('adding a person', () => {
  it('refuses an id already taken, and names whose it is', () => {
    given(seeded())
      .when('AddPerson', { ...newcomer, personId: 'ppd.chief', roles: ['auditor'] }, NOW)
      .thenThrows('ALREADY_EXISTS', /^ppd\.chief is already in the directory$/, { personId: 'ppd.chief' });
  });

  it('refuses the id of someone deactivated, and says they were: their history keeps the id', () => {
    const auditorGone = playDirectory(seeded(), ['DeactivatePerson', { personId: 'auditor', reason: 'retired' }, NOW]);
    given(auditorGone)
      .when('AddPerson', { ...newcomer, personId: 'auditor', roles: ['auditor'] }, NOW)
      .thenThrows('ALREADY_EXISTS', /^auditor is already in the directory \(deactivated\)$/, { personId: 'auditor' });
  });

  it('refuses an address a colleague already has, in any case, and names the colleague', () => {
    given(seeded())
      .when('AddPerson', { ...newcomer, email: 'PPD.Chief@necs.example', roles: ['auditor'] }, NOW)
      .thenThrows('ALREADY_EXISTS', /^PPD\.Chief@necs\.example is ppd\.chief's address$/, { personId: 'ppd.chief' });
  });

  it('refuses a division that does not exist, and names it', () => {
    given(seeded())
      .when('AddPerson', { ...newcomer, roles: ['division_officer'], division: 'climate' }, NOW)
      .thenThrows('UNKNOWN_DIVISION', /^there is no division climate$/, { division: 'climate' });
  });

  it('refuses a division role without a division, naming only the roles that need one', () => {
    given(seeded())
      .when('AddPerson', { ...newcomer, roles: ['spokesperson', 'division_officer'] }, NOW)
      .thenThrows('INVALID_INPUT', /^a division_officer needs a division$/);
    given(seeded())
      .when('AddPerson', { ...newcomer, roles: ['spokesperson', 'division_officer', 'division_chief'] }, NOW)
      .thenThrows('INVALID_INPUT', /^a division_officer and division_chief needs a division$/);
  });

  it('adds a person without a division when none of their roles needs one', () => {
    given(seeded())
      .when('AddPerson', { ...newcomer, roles: ['spokesperson', 'auditor'] }, NOW)
      .then([
        {
          type: 'PersonAdded',
          schemaVersion: 1,
          occurredAt: NOW,
          actor: { kind: 'user', userId: 'ict.head', role: 'admin' },
          data: { ...newcomer, roles: ['spokesperson', 'auditor'], effectiveFrom: NOW },
        },
      ]);
  });
});
