import type { WebsiteFigures } from '../website/figures.js';

/** The website updates of a month and of the month before, for the monthly report mail. */
export interface WebsiteMonth {
  readonly now: WebsiteFigures;
  readonly before: WebsiteFigures;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const LINES: readonly [string, keyof WebsiteFigures][] = [
  ['Updates submitted', 'submitted'],
  ['Complete information confirmed by ICT', 'complete'],
  ['… within 2 working days of the event', 'submittedOnTime'],
  ['Published', 'published'],
  ['… within 1 working day of complete information', 'publishedOnTime'],
  ['Median working days, event to complete information', 'medianSubmissionWorkingDays'],
  ['Median working days, complete information to publication', 'medianPublicationWorkingDays'],
  ['Proposed from common requests', 'fromCommonRequests'],
];

const value = (f: WebsiteFigures, k: keyof WebsiteFigures) => (f[k] === null ? '—' : String(f[k]));

/** The monthly mail's website section (the plan's clauses 3–4 and 7) as plain-text lines. */
export const websiteSectionText = (month: string, previousMonth: string, w: WebsiteMonth): string[] => [
  `Website updates submitted in ${month} (${previousMonth} in brackets):`,
  '',
  ...LINES.map(([label, k]) => `${label}: ${value(w.now, k)} (${value(w.before, k)})`),
];

/** The same section as an HTML table, the month beside the month before. */
export const websiteSectionHtml = (month: string, previousMonth: string, w: WebsiteMonth): string =>
  `<h3 style="margin:16px 0 4px">Website updates</h3>` +
  `<table style="border-collapse:collapse"><tr><th></th><th style="padding:3px 8px">${esc(month)}</th><th style="padding:3px 8px">${esc(previousMonth)}</th></tr>` +
  LINES.map(
    ([label, k]) =>
      `<tr><td style="padding:3px 8px">${esc(label)}</td><td style="padding:3px 8px;text-align:right"><b>${value(w.now, k)}</b></td><td style="padding:3px 8px;text-align:right;color:#666">${value(w.before, k)}</td></tr>`,
  ).join('') +
  `</table>`;
