import { describe, expect, it } from '@jest/globals';
import { evaluationDueAt } from '../../../domain/social/evaluation-clock.js';
import { foldSocialAccount, type SocialAccount } from '../../../domain/social/account-state.js';
import { socialAccountAllowedActions } from '../../../domain/social/allowed-actions.js';
import { as, plainCalendar } from '../../support/agency.js';
import {
  ACCOUNT,
  anActiveAccount,
  givenAccount,
  leadActivates,
  leadApproves,
  leadAssesses,
  legalProposesFacebookPage,
  onAccount,
  playAccount,
} from '../../support/social-spec.js';

const lead = { kind: 'user', userId: 'comms.officer', role: 'social_media_lead' };

describe('the register of official accounts (clause 9)', () => {
  it('any staff member proposes an account with its plan', () => {
    givenAccount([])
      .when(legalProposesFacebookPage())
      .then([
        expect.objectContaining({
          type: 'SocialAccountProposed',
          actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
          data: expect.objectContaining({ accountId: ACCOUNT, platform: 'facebook', handle: 'NECSBhutan' }),
        }),
      ]);
  });

  it('an auditor does not propose accounts', () => {
    givenAccount([])
      .when({ ...legalProposesFacebookPage(), metadata: { now: '2026-11-23T10:00:00+06:00', actor: as('auditor') } })
      .thenRefused('FORBIDDEN');
  });

  it('approving before the terms review and privacy impact assessment is refused', () => {
    givenAccount(playAccount([legalProposesFacebookPage()]))
      .when(leadApproves())
      .thenRefused('ASSESSMENT_REQUIRED', /privacy impact assessment/);
  });

  it('only the Social Media Lead approves, even a division chief or the head of agency may not', () => {
    const assessed = playAccount([legalProposesFacebookPage(), leadAssesses()]);
    givenAccount(assessed)
      .when(leadApproves(undefined, 'legal.chief'))
      .thenRefused('FORBIDDEN', /Social Media Lead/);
    givenAccount(assessed).when(leadApproves(undefined, 'secretary')).thenRefused('FORBIDDEN');
    givenAccount(assessed)
      .when(leadApproves())
      .then([
        {
          type: 'SocialAccountApproved',
          schemaVersion: 1,
          occurredAt: '2026-11-23T12:00:00+06:00',
          actor: lead,
          data: { assessedAt: '2026-11-23T11:00:00+06:00' },
        },
      ]);
  });

  it('only the Lead records the assessment', () => {
    givenAccount(playAccount([legalProposesFacebookPage()]))
      .when(leadAssesses(undefined, 'legal.officer'))
      .thenRefused('FORBIDDEN');
  });

  it('an account is activated only once approved', () => {
    givenAccount(playAccount([legalProposesFacebookPage(), leadAssesses()]))
      .when(leadActivates())
      .thenRefused('INVALID_TRANSITION', /is proposed/);
  });

  it('the first evaluation falls due a year after activation, at close of office', () => {
    givenAccount(playAccount([legalProposesFacebookPage(), leadAssesses(), leadApproves()]))
      .when(leadActivates('2026-11-24T09:30:00+06:00'))
      .then([
        expect.objectContaining({
          type: 'SocialAccountActivated',
          data: { evaluationDueAt: '2027-11-24T17:00:00+06:00' },
        }),
      ]);
  });

  it('an evaluation due on a weekend or holiday falls due on the next working day', () => {
    const cal = plainCalendar([{ date: '2027-11-29', name: 'Made-up holiday' }]);
    // 27 November 2027 is a Saturday; Monday 29th a holiday: due Tuesday 30th.
    expect(evaluationDueAt(cal, '2026-11-27T10:00:00+06:00')).toBe('2027-11-30T17:00:00+06:00');
    // 29 February of a leap year falls due on 28 February (a Monday in 2029).
    expect(evaluationDueAt(plainCalendar(), '2028-02-29T10:00:00+06:00')).toBe('2029-02-28T17:00:00+06:00');
  });

  it('each evaluation sets the next one a year later', () => {
    givenAccount(anActiveAccount())
      .when(
        onAccount(
          'EvaluateAccount',
          { period: '2026-27', findings: 'Reach doubled' },
          'comms.officer',
          '2027-11-22T10:00:00+06:00',
        ),
      )
      .then([
        expect.objectContaining({
          type: 'SocialAccountEvaluated',
          data: { period: '2026-27', findings: 'Reach doubled', nextEvaluationDueAt: '2028-11-22T17:00:00+06:00' },
        }),
      ]);
  });

  it('retiring an account needs a reason', () => {
    givenAccount(anActiveAccount())
      .when(onAccount('RetireAccount', { reason: '  ' }, 'comms.officer', '2026-12-01T10:00:00+06:00'))
      .thenRefused('INVALID_INPUT', /reason/);
    const retired = givenAccount(anActiveAccount()).when(
      onAccount('RetireAccount', { reason: 'Merged into the main page' }, 'comms.officer', '2026-12-01T10:00:00+06:00'),
    ).result;
    const state = foldSocialAccount([...anActiveAccount(), ...(retired as never[])]) as SocialAccount;
    expect(state.status).toBe('retired');
    expect(state.retired?.reason).toBe('Merged into the main page');
    expect(state.evaluationDueAt).toBeUndefined();
  });

  it('a retired account is not activated again', () => {
    const history = [...anActiveAccount(), ...playAccount([])];
    const retired = [
      ...history,
      ...(givenAccount(history).when(
        onAccount('RetireAccount', { reason: 'Closed' }, 'comms.officer', '2026-12-01T10:00:00+06:00'),
      ).result as never[]),
    ];
    givenAccount(retired).when(leadActivates('2026-12-02T10:00:00+06:00')).thenRefused('INVALID_TRANSITION');
  });

  it('approving twice changes nothing', () => {
    givenAccount(playAccount([legalProposesFacebookPage(), leadAssesses(), leadApproves()]))
      .when(leadApproves('2026-11-23T13:00:00+06:00'))
      .thenNothingHappens();
  });

  it('the Lead names recorders from the directory; an unknown person is refused', () => {
    givenAccount(anActiveAccount())
      .when(onAccount('NameRecorders', { recorders: ['ppd.officer'] }, 'comms.officer', '2026-11-25T10:00:00+06:00'))
      .then([expect.objectContaining({ type: 'SocialRecordersNamed', data: { recorders: ['ppd.officer'] } })]);
    givenAccount(anActiveAccount())
      .when(onAccount('NameRecorders', { recorders: ['nobody'] }, 'comms.officer', '2026-11-25T10:00:00+06:00'))
      .thenRefused('UNKNOWN_PERSON');
  });

  it('offers each person only the actions the rules allow', () => {
    const proposed = foldSocialAccount(playAccount([legalProposesFacebookPage()])) as SocialAccount;
    expect(socialAccountAllowedActions(as('comms.officer'), proposed)).toEqual(['assess', 'retire', 'nameRecorders']);
    expect(socialAccountAllowedActions(as('legal.officer'), proposed)).toEqual([]);
    const active = foldSocialAccount(anActiveAccount()) as SocialAccount;
    expect(socialAccountAllowedActions(as('comms.officer'), active)).toEqual([
      'assess',
      'evaluate',
      'retire',
      'nameRecorders',
      'recordFollowers',
      'recordPost',
    ]);
  });
});
