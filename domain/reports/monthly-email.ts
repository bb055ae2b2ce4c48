import type { RenderedMail } from '../mail/templates.js';
import type { Figures, MonthlyReport } from './monthly.js';
import { websiteSectionHtml, websiteSectionText, type WebsiteMonth } from './website-section.js';
import { socialSectionHtml, socialSectionText, type SocialSection } from './social-section.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const SERIES = [
  ['received', 'Received', '#4c78a8'],
  ['respondedOnTime', 'On time', '#54a24b'],
  ['breached', 'Breached', '#e45756'],
  ['open', 'Still open', '#f58518'],
] as const;

/** A small grouped bar chart of the month by division, as inline SVG (no images to block, no scripts). */
export const monthChartSvg = (report: MonthlyReport, divisionName: (id: string) => string = (id) => id): string => {
  const groups = Object.entries(report.byDivision).sort(([a], [b]) => a.localeCompare(b));
  const max = Math.max(1, ...groups.flatMap(([, f]) => SERIES.map(([k]) => f[k])));
  const barW = 14;
  const groupW = SERIES.length * barW + 24;
  const h = 160;
  // At least as wide as the legend: its last label, "Still open", starts at x=294.
  const width = Math.max(360, 40 + groups.length * groupW);
  const bars = groups
    .map(([division, f], g) => {
      const x0 = 40 + g * groupW;
      const rects = SERIES.map(([k, label, color], i) => {
        const bh = Math.round((f[k] / max) * (h - 40));
        return `<rect x="${x0 + i * barW}" y="${h - 20 - bh}" width="${barW - 2}" height="${bh}" fill="${color}"><title>${esc(divisionName(division))}: ${label} ${f[k]}</title></rect>`;
      }).join('');
      return `${rects}<text x="${x0 + (SERIES.length * barW) / 2}" y="${h - 5}" font-size="11" text-anchor="middle">${esc(divisionName(division))}</text>`;
    })
    .join('');
  const legend = SERIES.map(([, label, color], i) => `<rect x="${40 + i * 80}" y="4" width="10" height="10" fill="${color}"/><text x="${54 + i * 80}" y="13" font-size="11">${label}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}" role="img" aria-label="Requests of ${report.month} by division">${legend}<line x1="36" y1="${h - 20}" x2="${width - 4}" y2="${h - 20}" stroke="#999"/>${bars}</svg>`;
};

const change = (now: number, before: number) => (now === before ? '=' : now > before ? `+${now - before}` : `${now - before}`);

/**
 * The monthly report as a mail to the head of agency: a chart first, then the figures, with the month
 * before; then, when given, the month's website updates.
 */
export const monthlyReportMail = (
  agencyName: string,
  recipientName: string,
  report: MonthlyReport,
  previous: MonthlyReport,
  website?: WebsiteMonth,
  /** A division's name (staff read names, not ids); the id when none is given. */
  divisionName: (id: string) => string = (id) => id,
  /** The month's official social media accounts (clause 9), when given. */
  social?: SocialSection,
): RenderedMail => {
  const t = report.total;
  const p = previous.total;
  const lines: [string, keyof Figures][] = [
    ['Received', 'received'],
    ['Responded', 'responded'],
    ['Responded on time', 'respondedOnTime'],
    ['Breached', 'breached'],
    ['Still open', 'open'],
    ['Median working days to respond', 'medianWorkingDays'],
    ['90th percentile working days', 'p90WorkingDays'],
  ];
  const value = (f: Figures, k: keyof Figures) => (f[k] === null ? '—' : String(f[k]));
  const subject = `Information requests, ${report.month}: ${t.received} received, ${t.respondedOnTime} answered on time, ${t.breached} breached`;
  const text = [
    `Dear ${recipientName},`,
    '',
    `The information requests of ${report.month} at the ${agencyName} (figures as of ${report.asOf}; ${previous.month} in brackets):`,
    '',
    ...lines.map(([label, k]) => `${label}: ${value(t, k)} (${value(p, k)})`),
    '',
    'By division:',
    ...Object.entries(report.byDivision).sort().map(([d, f]) => `  ${divisionName(d)}: ${f.received} received, ${f.respondedOnTime} on time, ${f.breached} breached, ${f.open} open`),
    '',
    ...(website ? [...websiteSectionText(report.month, previous.month, website), ''] : []),
    ...(social ? [...socialSectionText(report.month, social), ''] : []),
    `— Request Desk, ${agencyName}`,
  ].join('\n');
  const rows = lines
    .map(([label, k]) => {
      const now = t[k];
      const before = p[k];
      return `<tr><td style="padding:3px 8px">${label}</td><td style="padding:3px 8px;text-align:right"><b>${value(t, k)}</b></td><td style="padding:3px 8px;text-align:right;color:#666">${value(p, k)}</td><td style="padding:3px 8px;color:#666">${typeof now === 'number' && typeof before === 'number' ? change(now, before) : ''}</td></tr>`;
    })
    .join('');
  const html =
    `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222"><p>Dear ${esc(recipientName)},</p>` +
    `<p>The information requests of <b>${report.month}</b> at the ${esc(agencyName)}.</p>${monthChartSvg(report, divisionName)}` +
    `<table style="border-collapse:collapse;margin-top:12px"><tr><th></th><th style="padding:3px 8px">${report.month}</th><th style="padding:3px 8px">${previous.month}</th><th></th></tr>${rows}</table>` +
    (website ? websiteSectionHtml(report.month, previous.month, website) : '') +
    (social ? socialSectionHtml(report.month, social) : '') +
    `<p style="color:#666;font-size:12px">Figures as of ${esc(report.asOf)}. Working days exclude time spent waiting for requesters' clarifications.</p></body></html>`;
  return { subject, text: `${text}\n`, html };
};
