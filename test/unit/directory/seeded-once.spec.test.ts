import { describe, it } from '@jest/globals';
import type { Actor } from '../../../domain/agency/actor.js';
import type { DirectoryEvent } from '../../../events/directory-events.js';
import { SEEDED_AT, given, playDirectory } from '../../support/directory-spec.js';

const system: Actor = { kind: 'system', component: 'directory-seed' };
const LATER = '2026-11-23T10:00:00+06:00';

/** A newcomer recorded by an admin, for histories that did not start with the seed. */
const karma = {
  personId: 'karma',
  name: 'Karma',
  email: 'karma@necs.example',
  roles: ['auditor'] as const,
};

/** Leave recorded for someone the directory never added: what was recorded happened, even so. */
const leaveOfSomeoneUnknown: DirectoryEvent = {
  type: 'LeaveGranted',
  schemaVersion: 1,
  occurredAt: SEEDED_AT,
  actor: { kind: 'user', userId: 'ict.head', role: 'admin' },
  data: { personId: 'stranger', from: SEEDED_AT, to: LATER, delegateTo: 'karma' },
};

describe('the system seeds a directory only when nothing at all is recorded', () => {
  it.each<[string, () => DirectoryEvent[]]>([
    [
      'only a division',
      () => playDirectory([], ['AddDivision', { divisionId: 'climate', name: 'Climate' }, SEEDED_AT]),
    ],
    [
      'a person and their appointment',
      () =>
        playDirectory(
          [],
          ['AddPerson', karma, SEEDED_AT],
          ['AppointPerson', { personId: 'karma', roles: ['auditor', 'spokesperson'] }, SEEDED_AT],
        ),
    ],
    [
      'a person, their appointment and their leave',
      () =>
        playDirectory(
          [],
          ['AddPerson', karma, SEEDED_AT],
          ['AddPerson', { ...karma, personId: 'dorji', email: 'dorji@necs.example' }, SEEDED_AT],
          ['AppointPerson', { personId: 'karma', roles: ['spokesperson'] }, SEEDED_AT],
          ['GrantLeave', { personId: 'karma', from: SEEDED_AT, to: LATER, delegateTo: 'dorji' }, SEEDED_AT],
        ),
    ],
    ['only a leave of someone it never added', () => [leaveOfSomeoneUnknown]],
  ])('changes nothing on a directory that holds %s', (_what, history) => {
    given(history()).when('SeedDirectory', {}, LATER, system).thenNothingHappens();
  });
});
