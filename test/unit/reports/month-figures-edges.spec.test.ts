import { describe, expect, it } from '@jest/globals';
import { monthlyReportMail } from '../../../domain/reports/monthly-email.js';
import { figuresOf, monthlyReport, monthlyReportCsv, workingDaysToRespond } from '../../../domain/reports/monthly.js';
import { websiteSectionHtml } from '../../../domain/reports/website-section.js';
import type { WebsiteFigures } from '../../../domain/website/figures.js';
import { plainCalendar } from '../../support/agency.js';
import { monthFact } from '../../support/month-facts.js';

// The monthly report at its edges: a response, a withdrawal or a due date at the very moment the figures
// are taken, and requests that arrive in no particular order.

const cal = plainCalendar();
const fact = monthFact;
const DUE = '2026-11-09T17:00:00+06:00';

describe('the figures at the moment they are taken', () => {
  it('count an answer sent at that very moment as answered, not open', () => {
    const answered = fact('NECS-2026-00001', { respondedAt: '2026-11-04T10:00:00+06:00' });
    expect(figuresOf(cal, [answered], '2026-11-04T10:00:00+06:00')).toMatchObject({ responded: 1, open: 0, medianWorkingDays: 2 });
  });

  it('count a request withdrawn at that very moment as no longer open; one withdrawn later is still open', () => {
    const withdrawn = fact('NECS-2026-00004', { closedAt: '2026-11-05T10:00:00+06:00' });
    expect(figuresOf(cal, [withdrawn], '2026-11-05T10:00:00+06:00')).toMatchObject({ open: 0, breached: 0 });
    expect(figuresOf(cal, [withdrawn], '2026-11-05T09:59:59+06:00')).toMatchObject({ open: 1, breached: 0 });
    expect(figuresOf(cal, [withdrawn], '2026-11-10T09:00:00+06:00')).toMatchObject({ open: 0, breached: 0 });
    const withdrawnAfterDue = fact('NECS-2026-00005', { closedAt: '2026-11-12T10:00:00+06:00' });
    expect(figuresOf(cal, [withdrawnAfterDue], '2026-11-10T09:00:00+06:00')).toMatchObject({ open: 1, breached: 1 });
  });
});

describe('a due date met to the second', () => {
  it('is on time when the answer went out at the due moment itself', () => {
    const atDue = fact('NECS-2026-00001', { respondedAt: DUE });
    expect(figuresOf(cal, [atDue], '2026-11-25T12:00:00+06:00')).toMatchObject({ respondedOnTime: 1, breached: 0 });
  });

  it('is not yet breached for an unanswered request when the figures are taken at the due moment', () => {
    const waiting = fact('NECS-2026-00003', {});
    expect(figuresOf(cal, [waiting], DUE)).toMatchObject({ open: 1, breached: 0 });
    expect(figuresOf(cal, [waiting], '2026-11-09T17:00:01+06:00')).toMatchObject({ open: 1, breached: 1 });
  });
});

describe('the working days waiting for a clarification', () => {
  it('are left out when the clarification came back at the moment the answer went out', () => {
    const f = {
      receivedAt: '2026-11-02T10:00:00+06:00',
      respondedAt: '2026-11-11T10:00:00+06:00',
      pauses: [{ from: '2026-11-03T10:00:00+06:00', to: '2026-11-11T10:00:00+06:00' }],
    };
    expect(workingDaysToRespond(cal, f)).toBe(1);
  });
});

describe('the median and 90th percentile', () => {
  it('are of the days sorted from fastest to slowest, whatever order the requests were answered in', () => {
    const answeredIn = (days: number) => {
      const d = new Date(Date.UTC(2026, 10, 2 + days + (days >= 5 ? 2 : 0) + (days >= 10 ? 2 : 0), 4));
      return d.toISOString();
    };
    const facts = [11, 2, 9, 1, 3].map((days, i) => fact(`NECS-2026-0000${i}`, { respondedAt: answeredIn(days) }));
    expect(facts.map((f) => workingDaysToRespond(cal, f))).toStrictEqual([11, 2, 9, 1, 3]);
    expect(figuresOf(cal, facts, '2026-12-31T12:00:00+06:00')).toMatchObject({ medianWorkingDays: 3, p90WorkingDays: 11 });
  });
});

/** Policy & Planning and the portal come first in the month; the report lists them by name all the same. */
const unordered = [
  fact('NECS-2026-00002', { division: 'ppd', channel: 'portal', respondedAt: '2026-11-11T10:00:00+06:00' }),
  fact('NECS-2026-00001', { respondedAt: '2026-11-04T10:00:00+06:00' }),
];
const ASOF = '2026-11-25T12:00:00+06:00';

describe('the divisions and channels of the report', () => {
  it('come in alphabetical order in the CSV, whatever order the requests came in', () => {
    const november = () => monthlyReport(cal, '2026-11', unordered, ASOF);
    expect(
      monthlyReportCsv(november())
        .trim()
        .split(/\r?\n/)
        .map((line) => line.split(',').slice(0, 3).join(',')),
    ).toStrictEqual(['month,scope,name', '2026-11,total,all', '2026-11,division,legal', '2026-11,division,ppd', '2026-11,channel,email', '2026-11,channel,portal']);
  });

  it('come in alphabetical order in the mail, whatever order the requests came in', () => {
    const mail = () => monthlyReportMail('NECS', 'Dasho', monthlyReport(cal, '2026-11', unordered, ASOF), monthlyReport(cal, '2026-10', [], ASOF));
    expect(mail().text).toContain(
      ['By division:', '  legal: 1 received, 1 on time, 0 breached, 0 open', '  ppd: 1 received, 0 on time, 1 breached, 0 open', ''].join('\n'),
    );
  });
});

describe('the mail’s table of figures', () => {
  const november = () => monthlyReport(cal, '2026-11', unordered, ASOF);
  const empty = () => monthlyReport(cal, '2026-10', [], ASOF);

  it('shows no change beside a figure that neither month has', () => {
    const mail = () => monthlyReportMail('NECS', 'Dasho', empty(), empty());
    expect(mail().html).toMatch(/Median working days to respond<\/td><td[^>]*><b>—<\/b><\/td><td[^>]*>—<\/td><td[^>]*><\/td><\/tr>/);
    const afterAnsweredMonth = () => monthlyReportMail('NECS', 'Dasho', empty(), november());
    expect(afterAnsweredMonth().html).toMatch(
      /Median working days to respond<\/td><td[^>]*><b>—<\/b><\/td><td[^>]*>\d+<\/td><td[^>]*><\/td><\/tr>/,
    );
  });

  it('has one row after another and ends before the note on how figures are counted when there is no website section', () => {
    const html = monthlyReportMail('NECS', 'Dasho', november(), empty()).html;
    expect(html).toMatch(/>\+2<\/td><\/tr><tr><td[^>]*>Responded<\/td>/);
    expect(html).toMatch(/90th percentile working days<\/td>.*?<\/tr><\/table><p style="color:#666;font-size:12px">Figures as of /);
  });
});

describe('the website section of the mail', () => {
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

  it('is one table, row after row, closed at its end', () => {
    const html = websiteSectionHtml('2026-11', '2026-10', { now: website(3), before: website(1) });
    expect(html).toMatch(/<\/td><\/tr><tr><td[^>]*>Complete information confirmed by ICT<\/td>/);
    expect(html.endsWith('<td style="padding:3px 8px;text-align:right;color:#666">0</td></tr></table>')).toBe(true);
  });
});
