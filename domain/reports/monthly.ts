import { workingDaysBetween } from '../calendar/due-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { toCsv, type CsvCell } from './csv.js';
import type { Figures } from './figures.js';

export type { Figures } from './figures.js';
import { SOCIAL_CSV_COLUMNS, socialCsvRows, type SocialSection } from './social-section.js';

/** One request as the monthly report sees it (the projector's per-month fact). */
export interface MonthFact {
  readonly requestId: string;
  readonly division: string;
  readonly channel: string;
  readonly status: string;
  readonly receivedAt: string;
  readonly dueAt: string;
  readonly respondedAt: string | null;
  readonly closedAt?: string | null;
  readonly breached: boolean;
  readonly pauses?: readonly { from: string; to: string | null }[];
}


export interface MonthlyReport {
  readonly month: string;
  readonly asOf: string;
  readonly total: Figures;
  readonly byDivision: Readonly<Record<string, Figures>>;
  readonly byChannel: Readonly<Record<string, Figures>>;
}

const percentile = (sorted: readonly number[], p: number): number | null => {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
};

/** Working days to the first response, less the working days spent waiting for the requester. */
export const workingDaysToRespond = (cal: WorkingCalendar, f: Pick<MonthFact, 'receivedAt' | 'respondedAt' | 'pauses'>): number | null => {
  if (!f.respondedAt) return null;
  const waiting = (f.pauses ?? []).reduce((sum, p) => sum + (p.to && p.to <= f.respondedAt! ? workingDaysBetween(cal, p.from, p.to) : 0), 0);
  return Math.max(0, workingDaysBetween(cal, f.receivedAt, f.respondedAt) - waiting);
};

/** Figures for a set of requests received in the month, as they stand at `asOf`. */
export const figuresOf = (cal: WorkingCalendar, facts: readonly MonthFact[], asOf: string): Figures => {
  const at = Date.parse(asOf);
  const responded = facts.filter((f) => f.respondedAt && Date.parse(f.respondedAt) <= at);
  const onTime = responded.filter((f) => Date.parse(f.respondedAt as string) <= Date.parse(f.dueAt));
  const finished = (f: MonthFact) => (f.respondedAt && Date.parse(f.respondedAt) <= at) || (f.closedAt && Date.parse(f.closedAt) <= at);
  const breached = facts.filter((f) => f.breached || (f.respondedAt ? Date.parse(f.respondedAt) > Date.parse(f.dueAt) : !finished(f) && at > Date.parse(f.dueAt)));
  const days = responded.map((f) => workingDaysToRespond(cal, f) as number).sort((a, b) => a - b);
  return {
    received: facts.length,
    responded: responded.length,
    respondedOnTime: onTime.length,
    breached: breached.length,
    open: facts.filter((f) => !finished(f)).length,
    medianWorkingDays: percentile(days, 50),
    p90WorkingDays: percentile(days, 90),
  };
};

const groupBy = (facts: readonly MonthFact[], key: (f: MonthFact) => string) =>
  facts.reduce<Record<string, MonthFact[]>>((acc, f) => ({ ...acc, [key(f)]: [...(acc[key(f)] ?? []), f] }), {});

/** The monthly report: received, responded, on time, breached, open, median and p90 working days; by division and channel. */
export const monthlyReport = (cal: WorkingCalendar, month: string, facts: readonly MonthFact[], asOf: string): MonthlyReport => ({
  month,
  asOf,
  total: figuresOf(cal, facts, asOf),
  byDivision: Object.fromEntries(Object.entries(groupBy(facts, (f) => f.division)).map(([k, v]) => [k, figuresOf(cal, v, asOf)])),
  byChannel: Object.fromEntries(Object.entries(groupBy(facts, (f) => f.channel)).map(([k, v]) => [k, figuresOf(cal, v, asOf)])),
});

const CSV_COLUMNS = ['received', 'responded', 'respondedOnTime', 'breached', 'open', 'medianWorkingDays', 'p90WorkingDays'] as const;

/**
 * The report as CSV: one row for the total, one per division, one per channel; with the social section,
 * one row per official account (scope `social_account`) in the columns that follow the request figures.
 */
export const monthlyReportCsv = (r: MonthlyReport, previous?: MonthlyReport, social?: SocialSection): string => {
  const row = (scope: string, name: string, f: Figures, month: string): CsvCell[] => [month, scope, name, ...CSV_COLUMNS.map((c) => f[c] ?? '')];
  const rows = (x: MonthlyReport) => [
    row('total', 'all', x.total, x.month),
    ...Object.entries(x.byDivision).sort().map(([k, f]) => row('division', k, f, x.month)),
    ...Object.entries(x.byChannel).sort().map(([k, f]) => row('channel', k, f, x.month)),
  ];
  if (!social) return toCsv(['month', 'scope', 'name', ...CSV_COLUMNS], [...rows(r), ...(previous ? rows(previous) : [])]);
  // Every row as wide as the header: a request row leaves the social columns empty, so a spreadsheet or a
  // CSV reader that insists on even rows reads the file as it is.
  const noSocial = SOCIAL_CSV_COLUMNS.map(() => '');
  const requestRows = (x: MonthlyReport) => rows(x).map((cells) => [...cells, ...noSocial]);
  return toCsv(
    ['month', 'scope', 'name', ...CSV_COLUMNS, ...SOCIAL_CSV_COLUMNS],
    [...requestRows(r), ...socialCsvRows(r.month, social, CSV_COLUMNS.length), ...(previous ? requestRows(previous) : [])],
  );
};
