import { describe, expect, it } from '@jest/globals';
import { actsAs, systemActor, type Actor } from '../../../domain/agency/actor.js';

/** Who counts as a person for the rules that name one (a view asked of them, a task given to them). */
const ppdOfficerStandingInForTheSpokesperson: Actor = {
  kind: 'user',
  userId: 'ppd.officer',
  roles: ['division_officer'],
  division: 'ppd',
  actingFor: [{ userId: 'spokesperson.ppd', roles: ['spokesperson'], division: 'ppd' }],
};

describe('acting as a person', () => {
  it('is being that person, or standing in for them while they are on leave', () => {
    expect(actsAs(ppdOfficerStandingInForTheSpokesperson, 'ppd.officer')).toBe(true);
    expect(actsAs(ppdOfficerStandingInForTheSpokesperson, 'spokesperson.ppd')).toBe(true);
  });

  it('is not standing in for someone else who is not away, nor being a part of the system', () => {
    expect(actsAs(ppdOfficerStandingInForTheSpokesperson, 'spokesperson.legal')).toBe(false);
    expect(actsAs({ kind: 'user', userId: 'legal.officer', roles: ['division_officer'] }, 'ppd.officer')).toBe(false);
    expect(actsAs(systemActor('sla-scan'), 'ppd.officer')).toBe(false);
  });
});
