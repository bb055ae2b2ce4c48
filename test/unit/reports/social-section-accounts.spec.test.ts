import { describe, expect, it } from '@jest/globals';
import { socialSection } from '../../../domain/reports/social-section.js';
import type { SocialAccountView, SocialIncidentView } from '../../../domain/views/social-view.js';

// Which official accounts November 2026's report lists, and what it counts for each.

const account = (over: Partial<SocialAccountView>): SocialAccountView =>
  ({
    id: 'SMA-2026-00001',
    status: 'active',
    platform: 'facebook',
    handle: 'NECSBhutan',
    retired: null,
    followers: { '2026-11': 1520 },
    trailCounts: { '2026-11': { post: 3, reply: 2, takedown: 1 } },
    ...over,
  }) as SocialAccountView;
const incident = (over: Partial<SocialIncidentView>): SocialIncidentView =>
  ({ id: 'INC-2026-00001', account: 'SMA-2026-00001', status: 'open', openedAt: '2026-11-20T10:00:00+06:00', ...over }) as SocialIncidentView;
const monthOf = (iso: string) => iso.slice(0, 7);
const handles = (accounts: readonly SocialAccountView[]) =>
  socialSection('2026-11', accounts, [], undefined, monthOf).accounts.map((a) => a.handle);

describe('the accounts in the month’s social section', () => {
  it('include an account retired during the month, not one retired the month before', () => {
    const retiredNow = account({ id: 'SMA-2026-00002', handle: 'RetiredNow', status: 'retired', retired: { at: '2026-11-15T10:00:00+06:00', reason: 'merged' } });
    const retiredBefore = account({ id: 'SMA-2026-00003', handle: 'RetiredBefore', status: 'retired', retired: { at: '2026-10-15T10:00:00+06:00', reason: 'merged' } });
    expect(handles([account({}), retiredNow, retiredBefore])).toStrictEqual(['NECSBhutan', 'RetiredNow']);
  });

  it('show none posted, replied or taken down for an account silent all month, and followers not recorded', () => {
    const silent = socialSection('2026-11', [account({ trailCounts: {}, followers: {} })], [], undefined, monthOf).accounts[0];
    expect(silent).toMatchObject({ posts: 0, replies: 0, takedowns: 0, followers: null });
  });

  it('count only the account’s own incidents: opened in the month, and still open whenever opened', () => {
    const incidents = [
      incident({}),
      incident({ id: 'INC-2026-00002', status: 'closed', openedAt: '2026-11-21T10:00:00+06:00' }),
      incident({ id: 'INC-2026-00003', openedAt: '2026-10-01T10:00:00+06:00' }),
      incident({ id: 'INC-2026-00004', account: 'SMA-2026-00009' }),
    ];
    const s = socialSection('2026-11', [account({})], incidents, undefined, monthOf);
    expect(s.accounts[0]).toMatchObject({ incidentsOpened: 2, openIncidents: 2 });
  });

  it('take the messages from the month’s requests on the social channel, none when there were none', () => {
    const figures = { received: 4, responded: 4, respondedOnTime: 3, breached: 1, open: 0, medianWorkingDays: 2, p90WorkingDays: 5 };
    expect(socialSection('2026-11', [], [], figures, monthOf).messages).toStrictEqual({ received: 4, answeredOnTime: 3 });
    expect(socialSection('2026-11', [], [], undefined, monthOf).messages).toStrictEqual({ received: 0, answeredOnTime: 0 });
  });
});
