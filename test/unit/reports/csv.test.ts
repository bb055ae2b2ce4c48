import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { disclosuresCsv } from '../../../application/reports.js';
import { toCsv } from '../../../domain/reports/csv.js';
import { monthlyReportCsv, type Figures, type MonthlyReport } from '../../../domain/reports/monthly.js';

const read = (csv: string) => parse(csv) as string[][];

describe('every CSV the system writes', () => {
  it('turns a cell that a spreadsheet would run as a formula into text, with a leading single quote', () => {
    const dangerous = ['=1+1', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx', '=WEBSERVICE("https:evil.example").pdf'];
    const [header, row] = read(toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [dangerous]));
    expect(header).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(row).toEqual(dangerous.map((d) => `'${d}`));
  });

  it('keeps ordinary text, quotes, commas and line breaks as they were, and numbers (negative too) as numbers', () => {
    const [, row] = read(toCsv(['a', 'b', 'c', 'd', 'e'], [['Losar, first day', 'say "hi"', 'two\nlines', -3, null]]));
    expect(row).toEqual(['Losar, first day', 'say "hi"', 'two\nlines', '-3', '']);
  });

  it('disarms the disclosure log and the monthly report alike', () => {
    const log = disclosuresCsv([
      {
        sentAt: '2027-03-11T10:00:00+06:00', requestId: 'NECS-2027-00001', responseId: 'r1', division: 'legal', sentBy: 'legal.officer', to: ['r@example.bt'], cc: [], disposition: 'full',
        attachments: [{ filename: '=HYPERLINK("x").pdf', contentType: 'application/pdf', sizeBytes: 3, sha256: 'a'.repeat(64) }],
      } as unknown as Parameters<typeof disclosuresCsv>[0][number],
    ]);
    expect(read(log)[1]?.[8]).toBe(`'=HYPERLINK("x").pdf`);
    const figures = { received: 1, responded: 0, respondedOnTime: 0, breached: 0, open: 1, medianWorkingDays: null, p90WorkingDays: null } as unknown as Figures;
    const report: MonthlyReport = { month: '2027-03', asOf: '2027-04-01T00:00:00Z', total: figures, byDivision: { '@climate': figures }, byChannel: {} } as unknown as MonthlyReport;
    expect(read(monthlyReportCsv(report)).find((r) => r[1] === 'division')?.[2]).toBe("'@climate");
  });
});
