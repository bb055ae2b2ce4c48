import { describe, expect, it } from '@jest/globals';
import { foldSocialAccount } from '../../../domain/social/account-state.js';
import type { SocialAccountEvent } from '../../../events/social-events.js';
import { ACCOUNT, PLAN, anActiveAccount, legalProposesFacebookPage, playAccount } from '../../support/social-spec.js';

// What the register shows of an account, built from its history.
const lead = { kind: 'user', userId: 'comms.officer', role: 'social_media_lead' } as const;
const at = (occurredAt: string, type: string, data: unknown, actor: unknown = lead) =>
  ({ type, schemaVersion: 1, occurredAt, actor, data }) as SocialAccountEvent;

describe('an account in the register', () => {
  it('once proposed, shows who proposed it, its plan, and no assessment, recorders, followers nor posts yet', () => {
    expect(foldSocialAccount(playAccount([legalProposesFacebookPage()]))).toStrictEqual({
      status: 'proposed',
      id: ACCOUNT,
      platform: 'facebook',
      handle: 'NECSBhutan',
      url: 'https://www.facebook.com/NECSBhutan',
      purpose: 'Public information on the environment',
      plan: PLAN,
      proposedAt: '2026-11-23T10:00:00+06:00',
      proposedBy: 'legal.officer',
      evaluations: [],
      recorders: [],
      followers: {},
      posts: [],
      lastEventAt: '2026-11-23T10:00:00+06:00',
    });
  });

  it('proposed by an import, shows the part of the system that proposed it', () => {
    const [proposal] = playAccount([legalProposesFacebookPage()]);
    const byImport = { ...proposal!, actor: { kind: 'system', component: 'register-import' } } as SocialAccountEvent;
    expect(foldSocialAccount([byImport])).toMatchObject({ proposedBy: 'register-import' });
  });

  it('is not created by anything but a proposal', () => {
    expect(
      foldSocialAccount([at('2026-11-23T12:00:00+06:00', 'SocialAccountApproved', { assessedAt: 'x' })]),
    ).toStrictEqual({ status: 'none' });
  });

  it('a second proposal in the history changes nothing, not even the time of the last change', () => {
    const history = playAccount([legalProposesFacebookPage()]);
    const again = { ...history[0]!, occurredAt: '2026-11-24T10:00:00+06:00' } as SocialAccountEvent;
    expect(foldSocialAccount([...history, again])).toStrictEqual(foldSocialAccount(history));
  });

  it('shows its evaluations, when the next falls due, its recorders, its monthly followers and its posts', () => {
    const history = [
      ...anActiveAccount(),
      at('2027-11-22T10:00:00+06:00', 'SocialAccountEvaluated', {
        period: '2026-27',
        findings: 'Reach doubled',
        nextEvaluationDueAt: '2028-11-22T17:00:00+06:00',
      }),
      at('2027-11-23T10:00:00+06:00', 'SocialRecordersNamed', { recorders: ['ppd.officer'] }),
      at('2027-11-24T10:00:00+06:00', 'SocialFollowersRecorded', { month: '2027-10', count: 900 }),
      at('2027-11-24T11:00:00+06:00', 'SocialFollowersRecorded', { month: '2027-11', count: 1000 }),
      at('2027-11-24T12:00:00+06:00', 'SocialFollowersRecorded', { month: '2027-11', count: 1100 }),
      at(
        '2027-11-25T10:00:00+06:00',
        'SocialPostRecorded',
        { postNumber: 1, kind: 'post', text: 'Air quality alert', publishedAt: '2027-11-25T09:00:00+06:00' },
        { kind: 'user', userId: 'ppd.officer', role: 'division_officer' },
      ),
    ];
    expect(foldSocialAccount(history)).toMatchObject({
      status: 'active',
      evaluations: [
        { at: '2027-11-22T10:00:00+06:00', by: 'comms.officer', period: '2026-27', findings: 'Reach doubled' },
      ],
      evaluationDueAt: '2028-11-22T17:00:00+06:00',
      recorders: ['ppd.officer'],
      followers: { '2027-10': 900, '2027-11': 1100 },
      posts: [
        {
          postNumber: 1,
          kind: 'post',
          text: 'Air quality alert',
          publishedAt: '2027-11-25T09:00:00+06:00',
          recordedAt: '2027-11-25T10:00:00+06:00',
          recordedBy: 'ppd.officer',
        },
      ],
      lastEventAt: '2027-11-25T10:00:00+06:00',
    });
  });
});
