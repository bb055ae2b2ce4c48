import { describe, expect, it } from '@jest/globals';
import { NOW, given, playDirectory, seeded } from '../../support/directory-spec.js';

/** The PPD spokesperson away Tuesday to Saturday (back Saturday 00:00), the PPD officer standing in. */
const leave = {
  personId: 'spokesperson.ppd',
  from: '2026-11-24T00:00:00+06:00',
  to: '2026-11-28T00:00:00+06:00',
  delegateTo: 'ppd.officer',
};
const withLeave = () => playDirectory(seeded(), ['GrantLeave', leave, NOW]);

describe('recording leave: who may be away', () => {
  it('refuses someone the directory does not know, and names them', () => {
    given(seeded())
      .when('GrantLeave', { ...leave, personId: 'nobody' }, NOW)
      .thenThrows('PERSON_NOT_FOUND', /^nobody is not in the directory$/, { personId: 'nobody' });
  });

  it('refuses someone deactivated: they are not there to be away', () => {
    const auditorGone = playDirectory(seeded(), ['DeactivatePerson', { personId: 'auditor', reason: 'retired' }, NOW]);
    given(auditorGone)
      .when('GrantLeave', { ...leave, personId: 'auditor' }, NOW)
      .thenThrows('PERSON_INACTIVE', /^auditor is not active$/, { personId: 'auditor' });
  });
});

describe('recording leave: its dates', () => {
  it('refuses leave that ends when it starts', () => {
    given(seeded())
      .when('GrantLeave', { ...leave, to: leave.from }, NOW)
      .thenThrows(
        'INVALID_INPUT',
        /^leave must end after it starts \(2026-11-24T00:00:00\+06:00 → 2026-11-24T00:00:00\+06:00\)$/,
      );
  });

  it('refuses leave that ends before it starts', () => {
    given(seeded())
      .when('GrantLeave', { ...leave, from: leave.to, to: leave.from }, NOW)
      .thenThrows('INVALID_INPUT', /^leave must end after it starts/);
  });

  it('refuses leave that ends at this very instant: it is already over', () => {
    given(seeded())
      .when('GrantLeave', { ...leave, from: '2026-11-20T00:00:00+06:00', to: NOW }, NOW)
      .thenThrows('INVALID_INPUT', /^leave ending 2026-11-23T10:00:00\+06:00 is already over$/);
  });

  it('refuses a second leave that overlaps the first, saying when the first one is', () => {
    given(withLeave())
      .when('GrantLeave', { ...leave, from: '2026-11-27T00:00:00+06:00', to: '2026-11-30T00:00:00+06:00' }, NOW)
      .thenThrows(
        'INVALID_INPUT',
        /^spokesperson\.ppd is already on leave 2026-11-24T00:00:00\+06:00 → 2026-11-28T00:00:00\+06:00$/,
      );
  });

  it('records a second leave that starts the instant the first one ends', () => {
    const next = { ...leave, from: leave.to, to: '2026-12-01T00:00:00+06:00' };
    given(withLeave())
      .when('GrantLeave', next, NOW)
      .then([expect.objectContaining({ type: 'LeaveGranted', data: next })]);
  });

  it('records an earlier leave that ends the instant the recorded one starts', () => {
    const before = { ...leave, from: '2026-11-23T12:00:00+06:00', to: leave.from };
    given(withLeave())
      .when('GrantLeave', before, NOW)
      .then([expect.objectContaining({ type: 'LeaveGranted', data: before })]);
  });
});

describe('recording leave: the delegate', () => {
  it('refuses the person as their own delegate', () => {
    given(seeded())
      .when('GrantLeave', { ...leave, delegateTo: 'spokesperson.ppd' }, NOW)
      .thenThrows('INVALID_INPUT', /^a person cannot stand in for themself$/);
  });

  it('refuses a delegate the agency does not know, and names them', () => {
    given(seeded())
      .when('GrantLeave', { ...leave, delegateTo: 'nobody' }, NOW)
      .thenThrows('UNKNOWN_PERSON', /^nobody is not an active member of the agency$/, { delegateTo: 'nobody' });
  });

  it('refuses a delegate who is away at the same time, saying when, and names them', () => {
    const officerAway = playDirectory(seeded(), [
      'GrantLeave',
      {
        personId: 'ppd.officer',
        from: '2026-11-26T00:00:00+06:00',
        to: '2026-12-02T00:00:00+06:00',
        delegateTo: 'ppd.chief',
      },
      NOW,
    ]);
    given(officerAway)
      .when('GrantLeave', leave, NOW)
      .thenThrows(
        'INVALID_INPUT',
        /^ppd\.officer is away 2026-11-26T00:00:00\+06:00 → 2026-12-02T00:00:00\+06:00; choose someone who is in$/,
        { delegateTo: 'ppd.officer' },
      );
  });
});
