import * as z from 'zod';
import { disclosuresCsv, loadCommonRequests, loadDisclosures, loadMonthlyReport } from '../../../application/reports.js';
import { monthlyReportCsv } from '../../../domain/reports/monthly.js';
import { DomainError } from '../../../domain/request/errors.js';
import { authorizeRead } from '../../../domain/request/read-policy.js';
import { LocalDate } from '../../../events/primitives.js';
import type { Route, RouteInput } from '../types.js';
import { actorOf } from './input.js';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
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
    handle: async (input) => {
      reportReaders(input);
      const q = z.strictObject({ month: Month, format: z.enum(['json', 'csv']).optional() }).parse(input.query);
      const { report, previous } = await loadMonthlyReport(deps(input), await input.services.agencyCalendar.current(), q.month, input.now);
      return q.format === 'csv' ? { status: 200, body: monthlyReportCsv(report, previous), contentType: 'text/csv; charset=utf-8' } : { status: 200, body: { ...report, previousMonth: previous } };
    },
  },
  {
    method: 'GET',
    path: '/reports/common-requests',
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'list_requests');
      if (refused) throw refused;
      const q = z.strictObject({ from: LocalDate.optional(), to: LocalDate.optional() }).parse(input.query);
      return { status: 200, body: { topics: await loadCommonRequests(deps(input), q.from, q.to) } };
    },
  },
  {
    method: 'GET',
    path: '/disclosures',
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'view_disclosures');
      if (refused) throw refused;
      const q = z.strictObject({ from: LocalDate, to: LocalDate, division: z.string().min(1).max(64).optional(), format: z.enum(['json', 'csv']).optional() }).parse(input.query);
      const rows = await loadDisclosures(deps(input), q.from, q.to, q.division);
      return q.format === 'csv' ? { status: 200, body: disclosuresCsv(rows), contentType: 'text/csv; charset=utf-8' } : { status: 200, body: { from: q.from, to: q.to, items: rows, count: rows.length } };
    },
  },
];
