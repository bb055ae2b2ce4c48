import { describe, expect, it } from '@jest/globals';
import { monthlyReportMail } from '../../../domain/reports/monthly-email.js';
import { monthlyReport } from '../../../domain/reports/monthly.js';
import { socialSection } from '../../../domain/reports/social-section.js';
import type { SocialAccountView, SocialIncidentView } from '../../../domain/views/social-view.js';
import { plainCalendar } from '../../support/agency.js';

const account = (over: Partial<SocialAccountView>): SocialAccountView =>
  ({
    id: 'SMA-2026-00001',
    status: 'active',
    platform: 'facebook',
    handle: 'NECSBhutan',
    retired: null,
    followers: { '2026-11': 1520 },
    trailCounts: { '2026-11': { post: 3, reply: 2, takedown: 1 }, '2026-10': { post: 9, reply: 0, takedown: 0 } },
    ...over,
  }) as SocialAccountView;
const incident = (over: Partial<SocialIncidentView>): SocialIncidentView =>
  ({ id: 'INC-2026-00001', account: 'SMA-2026-00001', status: 'open', openedAt: '2026-11-20T10:00:00+06:00', ...over }) as SocialIncidentView;
const monthOf = (iso: string) => iso.slice(0, 7);

describe('the monthly report’s social section', () => {
  it('has a line per active account with the month’s figures; proposed accounts are left out', () => {
    const s = socialSection(
      '2026-11',
      [account({}), account({ id: 'SMA-2026-00002', status: 'proposed', handle: 'Proposed' })],
      [incident({}), incident({ id: 'INC-2026-00002', status: 'closed', openedAt: '2026-10-01T10:00:00+06:00' })],
      { received: 4, responded: 4, respondedOnTime: 3, breached: 1, open: 0, medianWorkingDays: 2, p90WorkingDays: 5 },
      monthOf,
    );
    expect(s).toEqual({
      accounts: [
        {
          account: 'SMA-2026-00001',
          platform: 'facebook',
          handle: 'NECSBhutan',
          posts: 3,
          replies: 2,
          takedowns: 1,
          followers: 1520,
          incidentsOpened: 1,
          openIncidents: 1,
        },
      ],
      messages: { received: 4, answeredOnTime: 3 },
    });
  });

  it('goes to the head of agency in the monthly mail, in words', () => {
    const cal = plainCalendar();
    const report = monthlyReport(cal, '2026-11', [], '2026-12-01T09:00:00+06:00');
    const previous = monthlyReport(cal, '2026-10', [], '2026-12-01T09:00:00+06:00');
    const social = socialSection('2026-11', [account({ followers: {} })], [], undefined, monthOf);
    const mail = monthlyReportMail('NECS', 'Secretary', report, previous, undefined, undefined, social);
    expect(mail.text).toContain(
      'NECSBhutan (facebook): 3 posts, 2 replies, 1 takedowns; followers not recorded; 0 incidents opened, 0 open',
    );
    expect(mail.text).toContain('Messages received on the pages: 0, answered on time: 0');
    expect(mail.html).toContain('Official social media accounts, 2026-11');
  });
});
