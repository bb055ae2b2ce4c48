import { describe, expect, it } from '@jest/globals';
import { monthChartSvg, monthlyReportMail } from '../../../domain/reports/monthly-email.js';
import {
  figuresOf,
  monthlyReport,
  monthlyReportCsv,
  workingDaysToRespond,
} from '../../../domain/reports/monthly.js';
import { websiteSectionHtml, websiteSectionText } from '../../../domain/reports/website-section.js';
import type { WebsiteFigures } from '../../../domain/website/figures.js';
import { plainCalendar } from '../../support/agency.js';
import { monthFact } from '../../support/month-facts.js';

// The monthly report the head of agency receives: November 2026 at NECS, on a calendar without holidays.

const cal = plainCalendar();
const fact = monthFact;
/** Answered on Wednesday, two working days after Monday's receipt. */
const onTime = fact('NECS-2026-00001', { respondedAt: '2026-11-04T10:00:00+06:00' });
/** Answered on Wednesday 11th, after its due date (Monday 9th). */
const late = fact('NECS-2026-00002', { respondedAt: '2026-11-11T10:00:00+06:00', division: 'ppd' });
/** Never answered; due Monday 9th. */
const overdue = fact('NECS-2026-00003', { channel: 'portal' });
/** Withdrawn on the 3rd: neither open nor late. */
const withdrawn = fact('NECS-2026-00004', { closedAt: '2026-11-03T10:00:00+06:00' });
/** Received on the 20th, due the 27th, still being worked on. */
const recent = fact('NECS-2026-00005', { receivedAt: '2026-11-20T10:00:00+06:00', dueAt: '2026-11-27T17:00:00+06:00' });
const ASOF = '2026-11-25T12:00:00+06:00';

describe('the figures of a month', () => {
  it('count received, responded, on time, late, still open, and the median and 90th percentile days', () => {
    expect(figuresOf(cal, [onTime, late, overdue, withdrawn, recent], ASOF)).toEqual({
      received: 5,
      responded: 2,
      respondedOnTime: 1,
      breached: 2,
      open: 2,
      medianWorkingDays: 2,
      p90WorkingDays: 7,
    });
  });

  it('are as they stood at the date asked: a response after it does not count yet', () => {
    const beforeAnswer = figuresOf(cal, [late], '2026-11-10T12:00:00+06:00');
    expect(beforeAnswer).toMatchObject({ responded: 0, open: 1, breached: 1, medianWorkingDays: null });
    const beforeDue = figuresOf(cal, [recent], '2026-11-27T16:00:00+06:00');
    expect(beforeDue).toMatchObject({ open: 1, breached: 0 });
  });

  it('count a request the SLA scan marked breached as breached, whatever else', () => {
    expect(figuresOf(cal, [fact('X', { breached: true, respondedAt: '2026-11-03T10:00:00+06:00' })], ASOF)).toMatchObject({
      breached: 1,
      respondedOnTime: 1,
    });
  });

  it('are none of anything for a month without requests', () => {
    expect(figuresOf(cal, [], ASOF)).toEqual({
      received: 0,
      responded: 0,
      respondedOnTime: 0,
      breached: 0,
      open: 0,
      medianWorkingDays: null,
      p90WorkingDays: null,
    });
  });
});

describe('the working days to respond', () => {
  it('leave out the days waiting for the requester’s clarification, once it came back before the answer', () => {
    const waited = {
      receivedAt: '2026-11-02T10:00:00+06:00',
      respondedAt: '2026-11-11T10:00:00+06:00',
      pauses: [{ from: '2026-11-03T10:00:00+06:00', to: '2026-11-06T10:00:00+06:00' }],
    };
    expect(workingDaysToRespond(cal, { ...waited, pauses: [] })).toBe(7);
    expect(workingDaysToRespond(cal, waited)).toBe(4);
    const stillWaiting = { ...waited, pauses: [{ from: '2026-11-03T10:00:00+06:00', to: null }] };
    expect(workingDaysToRespond(cal, stillWaiting)).toBe(7);
    const backAfterAnswer = { ...waited, pauses: [{ from: '2026-11-03T10:00:00+06:00', to: '2026-11-12T10:00:00+06:00' }] };
    expect(workingDaysToRespond(cal, backAfterAnswer)).toBe(7);
  });

  it('are none for a request not answered', () => {
    expect(workingDaysToRespond(cal, { receivedAt: onTime.receivedAt, respondedAt: null })).toBeNull();
  });
});

describe('the monthly report', () => {
  const report = () => monthlyReport(cal, '2026-11', [onTime, late, overdue, withdrawn, recent], ASOF);

  it('gives the figures in total, by division and by channel', () => {
    expect(report().month).toBe('2026-11');
    expect(report().asOf).toBe(ASOF);
    expect(report().total.received).toBe(5);
    expect(Object.keys(report().byDivision).sort()).toEqual(['legal', 'ppd']);
    expect(report().byDivision.ppd).toMatchObject({ received: 1, breached: 1, responded: 1 });
    expect(report().byChannel.portal).toMatchObject({ received: 1, open: 1 });
    expect(report().byChannel.email?.received).toBe(4);
  });
});

describe('the monthly report mail to the head of agency', () => {
  const november = () =>
    monthlyReport(cal, '2026-11', [onTime, late, overdue, withdrawn, recent], ASOF);
  const october = () =>
    monthlyReport(cal, '2026-10', [fact('NECS-2026-00000', { receivedAt: '2026-10-01T10:00:00+06:00' })], ASOF);
  const names = (id: string) => ({ legal: 'Legal', ppd: 'Policy & Planning' })[id] ?? id;
  const website = (submitted: number): WebsiteFigures => ({
    submitted,
    complete: 2,
    submittedOnTime: 1,
    published: 1,
    publishedOnTime: 1,
    medianSubmissionWorkingDays: 1.5,
    medianPublicationWorkingDays: null,
    fromCommonRequests: 0,
  });
  const mail = () =>
    monthlyReportMail('National Environment Commission', 'Dasho Secretary', november(), october(), undefined, names);

  it('says the month in its subject: received, on time, breached', () => {
    expect(mail().subject).toBe('Information requests, 2026-11: 5 received, 1 answered on time, 2 breached');
  });

  it('lists the figures beside the month before, and each division by name', () => {
    expect(mail().text).toBe(
      [
        'Dear Dasho Secretary,',
        '',
        `The information requests of 2026-11 at the National Environment Commission (figures as of ${ASOF}; 2026-10 in brackets):`,
        '',
        'Received: 5 (1)',
        'Responded: 2 (0)',
        'Responded on time: 1 (0)',
        'Breached: 2 (1)',
        'Still open: 2 (1)',
        'Median working days to respond: 2 (—)',
        '90th percentile working days: 7 (—)',
        '',
        'By division:',
        '  Legal: 4 received, 1 on time, 1 breached, 2 open',
        '  Policy & Planning: 1 received, 0 on time, 1 breached, 0 open',
        '',
        '— Request Desk, National Environment Commission',
        '',
      ].join('\n'),
    );
  });

  it('shows in its HTML the change from the month before, names escaped', () => {
    expect(mail().html).toContain('<p>Dear Dasho Secretary,</p>');
    expect(mail().html).toMatch(/<td[^>]*>Received<\/td><td[^>]*><b>5<\/b><\/td><td[^>]*>1<\/td><td[^>]*>\+4<\/td>/);
    expect(mail().html).toMatch(/<td[^>]*>Responded<\/td><td[^>]*><b>2<\/b><\/td><td[^>]*>0<\/td><td[^>]*>\+2<\/td>/);
    expect(mail().html).toMatch(/<td[^>]*>Still open<\/td><td[^>]*><b>2<\/b><\/td><td[^>]*>1<\/td><td[^>]*>\+1<\/td>/);
    const fewer = monthlyReportMail('NECS', 'X', october(), november());
    expect(fewer.html).toMatch(/<td[^>]*>Received<\/td><td[^>]*><b>1<\/b><\/td><td[^>]*>5<\/td><td[^>]*>-4<\/td>/);
    const same = monthlyReportMail('NECS', 'X', november(), november());
    expect(same.html).toMatch(/<td[^>]*>Received<\/td><td[^>]*><b>5<\/b><\/td><td[^>]*>5<\/td><td[^>]*>=<\/td>/);
    expect(mail().html).toMatch(/Median working days to respond<\/td><td[^>]*><b>2<\/b><\/td><td[^>]*>—<\/td><td[^>]*><\/td>/);
    expect(mail().html).toContain('Policy &amp; Planning');
    expect(monthlyReportMail('A & B <x>', '"Q"', november(), october()).html).toContain('<p>Dear &quot;Q&quot;,</p>');
    expect(monthlyReportMail('A & B <x>', 'Q', november(), october()).html).toContain('at the A &amp; B &lt;x&gt;.');
    expect(mail().html).toContain(`Figures as of ${ASOF}.`);
  });

  it('adds the month’s website updates when there are figures for them', () => {
    const withWebsite = monthlyReportMail('NECS', 'X', november(), october(), { now: website(3), before: website(1) });
    expect(withWebsite.text).toContain(
      [
        'Website updates submitted in 2026-11 (2026-10 in brackets):',
        '',
        'Updates submitted: 3 (1)',
        'Complete information confirmed by ICT: 2 (2)',
        '… within 2 working days of the event: 1 (1)',
        'Published: 1 (1)',
        '… within 1 working day of complete information: 1 (1)',
        'Median working days, event to complete information: 1.5 (1.5)',
        'Median working days, complete information to publication: — (—)',
        'Proposed from common requests: 0 (0)',
        '',
        '— Request Desk, NECS',
      ].join('\n'),
    );
    expect(withWebsite.html).toContain('<h3 style="margin:16px 0 4px">Website updates</h3>');
    expect(withWebsite.html).toMatch(/<td[^>]*>Updates submitted<\/td><td[^>]*><b>3<\/b><\/td><td[^>]*>1<\/td><\/tr>/);
    expect(mail().html).not.toContain('Website updates');
    expect(mail().text).not.toContain('Website updates');
  });

  it('escapes the month names in the website table', () => {
    const w = { now: website(1), before: website(1) };
    expect(websiteSectionHtml('<b>', 'a&b', w)).toContain('>&lt;b&gt;</th>');
    expect(websiteSectionHtml('<b>', 'a&b', w)).toContain('>a&amp;b</th>');
    expect(websiteSectionText('2026-11', '2026-10', w)[0]).toBe('Website updates submitted in 2026-11 (2026-10 in brackets):');
  });
});

describe('the chart of the month', () => {
  const svg = () =>
    monthChartSvg(monthlyReport(cal, '2026-11', [onTime, late, overdue], ASOF), (id) => (id === 'legal' ? 'Legal <main>' : id));

  it('has a bar per figure per division, the tallest for the largest figure, labelled by division name', () => {
    expect(svg()).toContain('aria-label="Requests of 2026-11 by division"');
    expect(svg()).toContain('<title>Legal &lt;main&gt;: Received 2</title>');
    expect(svg()).toContain('<title>ppd: Breached 1</title>');
    // The largest figure (2) reaches the full height of 120 px; a figure of 1 half of it.
    expect(svg()).toMatch(/height="120" fill="#4c78a8"><title>Legal &lt;main&gt;: Received 2/);
    expect(svg()).toMatch(/height="60" fill="#e45756"><title>ppd: Breached 1/);
    expect((svg().match(/<rect [^>]*><title>/g) ?? []).length).toBe(8);
    expect(svg()).toContain('>Legal &lt;main&gt;</text>');
  });

  it('is at least 360 px wide (the legend), wider with more divisions', () => {
    expect(svg()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="360" height="160"/);
    const many = monthlyReport(
      cal,
      '2026-11',
      ['a', 'b', 'c', 'd', 'e'].map((division, i) => fact(`R-${i}`, { division })),
      ASOF,
    );
    expect(monthChartSvg(many)).toMatch(/width="440"/);
  });
});

describe('the monthly report as CSV', () => {
  it('has a row for the total, each division and each channel, in order, then the month before', () => {
    const november = monthlyReport(cal, '2026-11', [onTime, late, overdue], ASOF);
    const october = monthlyReport(cal, '2026-10', [], ASOF);
    expect(monthlyReportCsv(november, october).trim().split(/\r?\n/)).toEqual([
      'month,scope,name,received,responded,respondedOnTime,breached,open,medianWorkingDays,p90WorkingDays',
      '2026-11,total,all,3,2,1,2,1,2,7',
      '2026-11,division,legal,2,1,1,1,1,2,2',
      '2026-11,division,ppd,1,1,0,1,0,7,7',
      '2026-11,channel,email,2,2,1,1,0,2,7',
      '2026-11,channel,portal,1,0,0,1,1,,',
      '2026-10,total,all,0,0,0,0,0,,',
    ]);
  });
});
