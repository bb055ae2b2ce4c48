import { describe, expect, it } from '@jest/globals';
import { foldSocialAccount, type SocialAccount } from '../../../domain/social/account-state.js';
import { foldWith } from '../../../domain/shared/decider.js';
import { socialIncidentDecider, type SocialIncident } from '../../../domain/social/incident.js';
import { socialAccountView, socialIncidentView, trailCountsByMonth } from '../../../domain/views/social-view.js';
import type { SocialAccountEvent, SocialIncidentEvent } from '../../../events/social-events.js';
import {
  ACCOUNT,
  INCIDENT,
  PLAN,
  leadActivates,
  leadApproves,
  leadAssesses,
  legalProposesFacebookPage,
  onAccount,
  onIncident,
  playAccount,
  playIncident,
} from '../../support/social-spec.js';

// An official account as the social media register shows it, with its record trail counted by month in
// the agency's time zone, and an incident as listed and shown.
const THIMPHU = 'Asia/Thimphu';
const accountOf = (events: readonly SocialAccountEvent[]) => foldSocialAccount(events) as SocialAccount;
const registerEntry = (events: readonly SocialAccountEvent[]) => socialAccountView(accountOf(events), THIMPHU);

const recorded = (
  kind: 'post' | 'reply' | 'takedown',
  publishedAt: string,
  now: string,
  reason?: string,
): ReturnType<typeof onAccount> =>
  onAccount(
    'RecordPost',
    {
      kind,
      text: 'Air quality in Thimphu is moderate today',
      url: 'https://www.facebook.com/NECSBhutan/posts/1',
      publishedAt,
      ...(reason ? { reason } : {}),
    },
    'comms.officer',
    now,
  );
const active = [legalProposesFacebookPage(), leadAssesses(), leadApproves(), leadActivates()];
/** Two posts in November; a reply just after midnight on 1 December in Thimphu (still 30 November in UTC), and a takedown. */
const aTrailOverTwoMonths = (...more: ReturnType<typeof onAccount>[]) =>
  playAccount([
    ...active,
    recorded('post', '2026-11-25T08:00:00+06:00', '2026-11-25T09:00:00+06:00'),
    recorded('post', '2026-11-27T08:00:00+06:00', '2026-11-27T09:00:00+06:00'),
    recorded('reply', '2026-11-30T20:30:00Z', '2026-12-01T09:00:00+06:00'),
    recorded('takedown', '2026-12-02T08:00:00+06:00', '2026-12-02T09:00:00+06:00', 'Abusive comment (policy 3.2)'),
    ...more,
  ]);

describe('the record trail, counted by month', () => {
  it('counts posts, replies and takedowns in the month they were published, in Thimphu time', () => {
    expect(trailCountsByMonth(accountOf(aTrailOverTwoMonths()), THIMPHU)).toStrictEqual({
      '2026-11': { post: 2, reply: 0, takedown: 0 },
      '2026-12': { post: 0, reply: 1, takedown: 1 },
    });
  });

  it('has no month at all for an account that has published nothing', () => {
    expect(trailCountsByMonth(accountOf(playAccount(active)), THIMPHU)).toStrictEqual({});
  });
});

describe('an account in the register', () => {
  it('just proposed shows its plan and who proposed it, and nothing yet assessed, approved or active', () => {
    expect(registerEntry(playAccount([legalProposesFacebookPage()]))).toStrictEqual({
      id: ACCOUNT,
      status: 'proposed',
      platform: 'facebook',
      handle: 'NECSBhutan',
      url: 'https://www.facebook.com/NECSBhutan',
      purpose: 'Public information on the environment',
      plan: PLAN,
      proposedAt: '2026-11-23T10:00:00+06:00',
      proposedBy: 'legal.officer',
      assessment: null,
      approvedAt: null,
      activatedAt: null,
      evaluationDueAt: null,
      evaluations: [],
      retired: null,
      recorders: [],
      followers: {},
      trailCounts: {},
      postCount: 0,
      lastEventAt: '2026-11-23T10:00:00+06:00',
    });
  });

  it('without a page address shows none', () => {
    const proposal = legalProposesFacebookPage();
    const { url: _none, ...withoutUrl } = proposal.data as { url?: string };
    expect(registerEntry(playAccount([{ ...proposal, data: withoutUrl } as typeof proposal])).url).toBeNull();
  });

  it('active shows its assessment, approval, activation, its evaluation due a year on, trail and follower counts', () => {
    const followers = onAccount(
      'RecordFollowers',
      { month: '2026-11', count: 1200 },
      'comms.officer',
      '2026-12-01T10:00:00+06:00',
    );
    const entry = registerEntry(aTrailOverTwoMonths(followers));
    expect(entry).toMatchObject({
      status: 'active',
      assessment: {
        at: '2026-11-23T11:00:00+06:00',
        by: 'comms.officer',
        privacyRisks: 'Meta processes messages outside Bhutan',
        mitigations: 'No personal data in posts; answers by private message',
      },
      approvedAt: '2026-11-23T12:00:00+06:00',
      activatedAt: '2026-11-24T09:30:00+06:00',
      evaluationDueAt: '2027-11-24T17:00:00+06:00',
      retired: null,
      followers: { '2026-11': 1200 },
      trailCounts: {
        '2026-11': { post: 2, reply: 0, takedown: 0 },
        '2026-12': { post: 0, reply: 1, takedown: 1 },
      },
      postCount: 4,
    });
  });

  it('retired shows when and why, and no evaluation due any more', () => {
    const retire = onAccount(
      'RetireAccount',
      { reason: 'Merged into the main page' },
      'comms.officer',
      '2026-12-01T10:00:00+06:00',
    );
    expect(registerEntry(playAccount([...active, retire]))).toMatchObject({
      status: 'retired',
      retired: { at: '2026-12-01T10:00:00+06:00', reason: 'Merged into the main page' },
      evaluationDueAt: null,
    });
  });
});

describe('an incident', () => {
  const opened = onIncident(
    'OpenIncident',
    {
      incidentId: INCIDENT,
      account: ACCOUNT,
      severity: 'high',
      title: 'Fake NECS page',
      description: 'A page copies our logo and answers citizens in our name',
    },
    'ppd.officer',
    '2026-11-25T10:00:00+06:00',
  );
  const reported = onIncident(
    'RecordIncidentAction',
    { text: 'Reported the page to Meta' },
    'comms.officer',
    '2026-11-25T11:00:00+06:00',
  );
  const incidentOf = (events: readonly SocialIncidentEvent[]) =>
    socialIncidentView(foldWith(socialIncidentDecider)(events) as SocialIncident);

  it('open shows what happened, on which account, how serious, who opened it and what was done', () => {
    expect(incidentOf(playIncident([opened, reported]))).toStrictEqual({
      id: INCIDENT,
      status: 'open',
      account: ACCOUNT,
      severity: 'high',
      title: 'Fake NECS page',
      description: 'A page copies our logo and answers citizens in our name',
      openedAt: '2026-11-25T10:00:00+06:00',
      openedBy: 'ppd.officer',
      actions: [{ at: '2026-11-25T11:00:00+06:00', by: 'comms.officer', text: 'Reported the page to Meta' }],
      closed: null,
      lastEventAt: '2026-11-25T11:00:00+06:00',
    });
  });

  it('closed shows when, by whom and how it was resolved', () => {
    const close = onIncident(
      'CloseIncident',
      { resolution: 'Meta took the page down' },
      'comms.officer',
      '2026-11-26T09:00:00+06:00',
    );
    expect(incidentOf(playIncident([opened, reported, close]))).toMatchObject({
      status: 'closed',
      closed: { at: '2026-11-26T09:00:00+06:00', by: 'comms.officer', resolution: 'Meta took the page down' },
    });
  });
});
