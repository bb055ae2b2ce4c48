import { describe, expect, it } from '@jest/globals';
import { monthChartSvg } from '../../../domain/reports/monthly-email.js';
import { monthlyReport } from '../../../domain/reports/monthly.js';
import { plainCalendar } from '../../support/agency.js';
import { monthFact } from '../../support/month-facts.js';

// The chart at the top of the monthly mail: November 2026, two divisions, drawn as the head of agency sees it.

const cal = plainCalendar();
const fact = monthFact;
const ASOF = '2026-11-25T12:00:00+06:00';
const names = (id: string) => ({ legal: 'Legal', ppd: 'Policy & Planning' })[id] ?? id;
/** Policy & Planning's late answer came in first; Legal has one answered on time and one overdue. */
const facts = [
  fact('NECS-2026-00002', { division: 'ppd', respondedAt: '2026-11-11T10:00:00+06:00' }),
  fact('NECS-2026-00001', { respondedAt: '2026-11-04T10:00:00+06:00' }),
  fact('NECS-2026-00003', {}),
];
const chart = () => monthChartSvg(monthlyReport(cal, '2026-11', facts, ASOF), names);

interface Bar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
}
const bars = (svg: string): Bar[] =>
  [...svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)" fill="[^"]+"><title>([^<]*)<\/title><\/rect>/g)].map(
    ([, x, y, width, height, title]) => ({ x: Number(x), y: Number(y), width: Number(width), height: Number(height), title: title as string }),
  );

describe('the chart of the month', () => {
  it('says, read aloud, the legend, then each division in order of its id with its four figures and its name', () => {
    const words = chart()
      .split(/<[^>]+>/)
      .filter((w) => w !== '');
    expect(words).toStrictEqual([
      'Received',
      'On time',
      'Breached',
      'Still open',
      'Legal: Received 2',
      'Legal: On time 1',
      'Legal: Breached 1',
      'Legal: Still open 1',
      'Legal',
      'Policy &amp; Planning: Received 1',
      'Policy &amp; Planning: On time 0',
      'Policy &amp; Planning: Breached 1',
      'Policy &amp; Planning: Still open 0',
      'Policy &amp; Planning',
    ]);
  });

  it('stands every bar on the axis line, 20 px above the bottom, which runs from the labels to 4 px before the right edge', () => {
    const svg = chart();
    expect(svg).toContain('<line x1="36" y1="140" x2="356" y2="140" stroke="#999"/>');
    expect(bars(svg)).toHaveLength(8);
    for (const bar of bars(svg)) expect(bar.y + bar.height).toBe(140);
    expect(bars(svg).map((b) => b.height)).toStrictEqual([120, 60, 60, 60, 60, 0, 60, 0]);
  });

  it('puts a division’s four bars side by side, 12 px wide with 2 px between, and the next division 80 px further right', () => {
    const bar = (title: string) => bars(chart()).find((b) => b.title === title);
    expect(bars(chart()).map((b) => b.x)).toStrictEqual([40, 54, 68, 82, 120, 134, 148, 162]);
    for (const b of bars(chart())) expect(b.width).toBe(12);
    expect(bar('Legal: Received 2')?.x).toBe(40);
    expect(bar('Policy &amp; Planning: Received 1')?.x).toBe(120);
  });

  it('writes each division’s name centred under its bars, below the axis', () => {
    expect(chart()).toContain('<text x="68" y="155" font-size="11" text-anchor="middle">Legal</text>');
    expect(chart()).toContain('<text x="148" y="155" font-size="11" text-anchor="middle">Policy &amp; Planning</text>');
  });

  it('is wide enough for the whole legend, "Still open" included, with one or two divisions', () => {
    // The legend's last label starts at x=294; "Still open" at 11 px is about 55 px long.
    const width = Number(/^<svg [^>]*width="(\d+)"/.exec(chart())?.[1]);
    expect(width).toBeGreaterThanOrEqual(294 + 60);
    expect(chart()).toContain('<line x1="36" y1="140" x2="356" y2="140" stroke="#999"/>');
  });

  it('keys the colours in a legend along the top, 80 px apart, each label just right of its swatch', () => {
    expect(chart()).toContain(
      '<rect x="40" y="4" width="10" height="10" fill="#4c78a8"/><text x="54" y="13" font-size="11">Received</text>' +
        '<rect x="120" y="4" width="10" height="10" fill="#54a24b"/><text x="134" y="13" font-size="11">On time</text>' +
        '<rect x="200" y="4" width="10" height="10" fill="#e45756"/><text x="214" y="13" font-size="11">Breached</text>' +
        '<rect x="280" y="4" width="10" height="10" fill="#f58518"/><text x="294" y="13" font-size="11">Still open</text>',
    );
  });
});
