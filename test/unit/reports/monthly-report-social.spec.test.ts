import { describe, expect, it } from '@jest/globals';
import { monthlyReportMail } from '../../../domain/reports/monthly-email.js';
import { monthlyReport, monthlyReportCsv } from '../../../domain/reports/monthly.js';
import { socialSectionText, type SocialSection } from '../../../domain/reports/social-section.js';
import { plainCalendar } from '../../support/agency.js';

// The monthly report's official social media accounts (clause 9): two pages, as the head of agency reads them.

const cal = plainCalendar();
const ASOF = '2026-12-01T09:00:00+06:00';
const social: SocialSection = {
  accounts: [
    { account: 'SMA-2026-00001', platform: 'facebook', handle: 'NECSBhutan', posts: 3, replies: 2, takedowns: 1, followers: 1520, incidentsOpened: 1, openIncidents: 1 },
    { account: 'SMA-2026-00002', platform: 'x', handle: 'N&E<bt>', posts: 0, replies: 4, takedowns: 0, followers: null, incidentsOpened: 0, openIncidents: 0 },
  ],
  messages: { received: 4, answeredOnTime: 3 },
};
const november = () => monthlyReport(cal, '2026-11', [], ASOF);
const october = () => monthlyReport(cal, '2026-10', [], ASOF);

describe('the social media section of the monthly mail', () => {
  it('ends its text with the messages line and a blank line before the signature', () => {
    const mail = monthlyReportMail('NECS', 'Secretary', november(), october(), undefined, undefined, social);
    expect(mail.text).toContain('Messages received on the pages: 4, answered on time: 3\n\n— Request Desk, NECS\n');
  });

  it('reads, in words, a heading, a blank line, a line per account and the messages', () => {
    expect(socialSectionText('2026-11', social)).toStrictEqual([
      'Official social media accounts in 2026-11:',
      '',
      '  NECSBhutan (facebook): 3 posts, 2 replies, 1 takedowns; followers 1520; 1 incidents opened, 1 open',
      '  N&E<bt> (x): 0 posts, 4 replies, 0 takedowns; followers not recorded; 0 incidents opened, 0 open',
      'Messages received on the pages: 4, answered on time: 3',
    ]);
  });

  it('says so when no account was active in the month', () => {
    expect(socialSectionText('2026-11', { accounts: [], messages: { received: 0, answeredOnTime: 0 } })).toStrictEqual([
      'Official social media accounts in 2026-11:',
      '',
      'No account was active.',
      'Messages received on the pages: 0, answered on time: 0',
    ]);
  });

  it('shows a table with a heading row, a row per account, escaped, then the messages', () => {
    const html = monthlyReportMail('NECS', 'Secretary', november(), october(), undefined, undefined, social).html;
    const cells = (tag: string, values: (string | number)[]) => values.map((v) => `<${tag} style="padding:3px 8px${tag === 'th' ? ';text-align:left' : ''}">${v}</${tag}>`).join('');
    expect(html).toContain(
      '<h3 style="margin:16px 0 4px">Official social media accounts, 2026-11</h3><table style="border-collapse:collapse">' +
        `<tr>${cells('th', ['Account', 'Posts', 'Replies', 'Takedowns', 'Followers', 'Incidents opened', 'Open incidents'])}</tr>` +
        `<tr>${cells('td', ['NECSBhutan (facebook)', 3, 2, 1, 1520, 1, 1])}</tr>` +
        `<tr>${cells('td', ['N&amp;E&lt;bt&gt; (x)', 0, 4, 0, 'not recorded', 0, 0])}</tr>` +
        '</table><p>Messages received on the pages: <b>4</b>, answered on time: <b>3</b></p>',
    );
  });
});

describe('the monthly report as CSV with the social media section', () => {
  it('adds a row per account after the month’s request rows, in the social columns, before the month before', () => {
    expect(monthlyReportCsv(november(), october(), social).trim().split(/\r?\n/)).toStrictEqual([
      'month,scope,name,received,responded,respondedOnTime,breached,open,medianWorkingDays,p90WorkingDays,posts,replies,takedowns,followers,incidents_opened,open_incidents',
      '2026-11,total,all,0,0,0,0,0,,,,,,,,',
      '2026-11,social_account,NECSBhutan (facebook),,,,,,,,3,2,1,1520,1,1',
      '2026-11,social_account,N&E<bt> (x),,,,,,,,0,4,0,,0,0',
      '2026-10,total,all,0,0,0,0,0,,,,,,,,',
    ]);
    expect(monthlyReportCsv(november(), undefined, social).trim().split(/\r?\n/)).toHaveLength(4);
  });

  it('gives every row as many cells as the header, so a spreadsheet reads the columns as they are named', () => {
    // No cell of this report holds a comma or a quote, so a comma counts the cells.
    const lines = monthlyReportCsv(november(), october(), social).trim().split(/\r?\n/);
    expect(new Set(lines.map((line) => line.split(',').length))).toStrictEqual(new Set([16]));
  });
});
