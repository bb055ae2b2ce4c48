import * as z from 'zod';
import { disclosuresCsv, loadCommonRequests, loadDisclosures, loadMonthlyReport } from '../../../application/reports.js';
import { monthlyReportCsv } from '../../../domain/reports/monthly.js';
import { DomainError } from '../../../domain/request/errors.js';
import { authorizeRead } from '../../../domain/request/read-policy.js';
import { LocalDate } from '../../../events/primitives.js';
import type { Route, RouteInput } from '../types.js';
import { actorOf } from './input.js';
import { loadWebsiteMonth } from '../../../application/website/website-reports.js';
import { CommonRequestsReply, CsvText, DisclosuresReply, MonthlyReportReply } from '../schemas/replies.js';

const monthlyQuery = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'), format: z.enum(['json', 'csv']).optional() });
const commonQuery = z.strictObject({ from: LocalDate.optional(), to: LocalDate.optional() });
const disclosuresQuery = z.strictObject({ from: LocalDate, to: LocalDate, division: z.string().min(1).max(64).optional(), format: z.enum(['json', 'csv']).optional() });
const csv = 'text/csv; charset=utf-8';

const deps = (input: RouteInput) => ({ readModels: input.services.readModels, timeZone: input.services.agency.config.calendar.timeZone });

const reportReaders = (input: RouteInput) => {
  const actor = actorOf(input);
  if (actor.kind === 'user' && !actor.roles.some((r) => r === 'head_of_agency' || r === 'division_chief' || r === 'auditor')) {
    throw new DomainError('FORBIDDEN', 'the monthly report is for the head of agency, division chiefs and auditors');
  }
};

export const reportRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/reports/monthly',
    summary: 'The monthly figures: received, responded, on time, breached, open, working days to respond',
    tags: ['reports'],
    query: monthlyQuery,
    replies: { 200: { description: 'The report (CSV with `format=csv`)', schema: MonthlyReportReply, alternatives: { [csv]: CsvText } } },
    handle: async (input) => {
      reportReaders(input);
      const q = monthlyQuery.parse(input.query);
      const cal = await input.services.agencyCalendar.current();
      const { report, previous } = await loadMonthlyReport(deps(input), cal, q.month, input.now);
      if (q.format === 'csv') return { status: 200, body: monthlyReportCsv(report, previous), contentType: 'text/csv; charset=utf-8' };
      // The plan's clauses 3–4: the month's website updates beside its requests.
      return { status: 200, body: { ...report, previousMonth: previous, website: await loadWebsiteMonth(input.services.readModels, cal, q.month) } };
    },
  },
  {
    method: 'GET',
    path: '/reports/common-requests',
    summary: 'Topics most often requested, with counts and example references',
    tags: ['reports'],
    query: commonQuery,
    replies: { 200: { description: 'The topics', schema: CommonRequestsReply } },
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'list_requests');
      if (refused) throw refused;
      const q = commonQuery.parse(input.query);
      return { status: 200, body: { topics: await loadCommonRequests(deps(input), q.from, q.to) } };
    },
  },
  {
    method: 'GET',
    path: '/disclosures',
    summary: 'The disclosure log: every response sent, what was shared, when, with whom, by whom',
    tags: ['reports'],
    query: disclosuresQuery,
    replies: { 200: { description: 'The log (CSV with `format=csv`)', schema: DisclosuresReply, alternatives: { [csv]: CsvText } } },
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'view_disclosures');
      if (refused) throw refused;
      const q = disclosuresQuery.parse(input.query);
      const rows = await loadDisclosures(deps(input), q.from, q.to, q.division);
      return q.format === 'csv' ? { status: 200, body: disclosuresCsv(rows), contentType: 'text/csv; charset=utf-8' } : { status: 200, body: { from: q.from, to: q.to, items: rows, count: rows.length } };
    },
  },
];
