import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../../domain/agency/actor.js';
import { NOW, SEEDED_AT, admin, given, playDirectory, ppdChief, seeded } from '../../support/directory-spec.js';

const system: Actor = { kind: 'system', component: 'directory-seed' };
const climate = { divisionId: 'climate', name: 'Climate Change Division' };

describe('who may change the directory', () => {
  it('refuses the system: people, divisions and roles are changed by a person', () => {
    given(seeded())
      .when('AddDivision', climate, NOW, system)
      .thenThrows('FORBIDDEN', /^the directory is changed by a person, not by the system$/);
  });

  it('tells a colleague who is not an admin that only an admin may, and which role that is', () => {
    given(seeded())
      .when('AddDivision', climate, NOW, ppdChief)
      .thenThrows('FORBIDDEN', /^ppd\.chief is not an admin: only admins change the directory$/, {
        allowedRoles: ['admin'],
      });
  });

  it('tells a stand-in for the admin that the admin’s powers are not part of the stand-in, and which role it takes', () => {
    const adminAway = playDirectory(seeded(), [
      'GrantLeave',
      {
        personId: 'ict.head',
        from: '2026-11-24T00:00:00+06:00',
        to: '2026-11-27T00:00:00+06:00',
        delegateTo: 'ppd.officer',
      },
      NOW,
    ]);
    const standIn: Actor = {
      kind: 'user',
      userId: 'ppd.officer',
      roles: ['division_officer'],
      division: 'ppd',
      actingFor: [{ userId: 'ict.head', roles: ['division_chief', 'admin'], division: 'ict' }],
    };
    given(adminAway)
      .when('AddDivision', climate, '2026-11-25T10:00:00+06:00', standIn)
      .thenThrows('FORBIDDEN', /^ppd\.officer stands in for ict\.head while they are away/, {
        allowedRoles: ['admin'],
      });
  });

  it('records an admin’s own leave as done by the admin', () => {
    const ownLeave = {
      personId: 'ict.head',
      from: '2026-11-24T00:00:00+06:00',
      to: '2026-11-27T00:00:00+06:00',
      delegateTo: 'ppd.chief',
    };
    given(seeded())
      .when('GrantLeave', ownLeave, NOW, admin)
      .then([
        {
          type: 'LeaveGranted',
          schemaVersion: 1,
          occurredAt: NOW,
          actor: { kind: 'user', userId: 'ict.head', role: 'admin' },
          data: ownLeave,
        },
      ]);
  });
});

describe('seeding the directory from agency.json', () => {
  it('is refused to a person, who is told the system does it from agency.json', () => {
    given([])
      .when('SeedDirectory', {}, SEEDED_AT, admin)
      .thenThrows('FORBIDDEN', /^the directory is seeded by the system, from agency\.json$/);
  });

  it('records every division and person as added by the directory seed, so the history says where they came from', () => {
    const { result } = given([]).when('SeedDirectory', {}, SEEDED_AT, system);
    expect(Array.isArray(result) && result.map((e) => [e.type, e.actor])).toEqual([
      ...['ict', 'legal', 'ppd'].map(() => ['DivisionAdded', { kind: 'system', component: 'directory-seed' }]),
      ...Array.from({ length: 11 }, () => ['PersonAdded', { kind: 'system', component: 'directory-seed' }]),
    ]);
  });
});
