import { loadSocialSection } from '../../../application/social/social-reports.js';
import * as z from 'zod';
import {
  disclosuresCsv,
  loadCommonRequests,
  loadDisclosureLogPage,
  loadDisclosures,
  loadMonthlyReport,
  loadWholeDisclosureLog,
} from '../../../application/reports.js';
import { monthlyReportCsv } from '../../../domain/reports/monthly.js';
import { authorizeMonthlyReport } from '../../../domain/reports/policy.js';
import { authorizeRead } from '../../../domain/request/read-policy.js';
import { LocalDate } from '../../../events/primitives.js';
import { HttpError } from '../errors.js';
import type { Route, RouteInput } from '../types.js';
import { actorOf } from './input.js';
import { loadWebsiteMonth } from '../../../application/website/website-reports.js';
import { CommonRequestsReply, CsvText, DisclosuresReply, MonthlyReportReply } from '../schemas/replies.js';

const monthlyQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  format: z.enum(['json', 'csv']).optional(),
});
const commonQuery = z.strictObject({ from: LocalDate.optional(), to: LocalDate.optional() });
const disclosuresQuery = z
  .strictObject({
    from: LocalDate.optional().meta({ description: 'First day (agency time), with `to`; without both, the whole log' }),
    to: LocalDate.optional().meta({ description: 'Last day (agency time), inclusive, with `from`' }),
    division: z.string().min(1).max(64).optional(),
    format: z.enum(['json', 'csv']).optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Without a period: entries per page, 1–200, default 50' }),
    cursor: z.string().max(500).optional().meta({ description: 'Without a period: `nextCursor` of the previous page' }),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    message: 'give both from and to, or neither for the whole log',
  })
  .refine((q) => q.from === undefined || (q.limit === undefined && q.cursor === undefined), {
    message: 'limit and cursor page the whole log; a period is answered whole',
  });
const DEFAULT_LOG_PAGE = 50;

/** The disclosure log's cursor: opaque to clients, the sort key of the last entry shown. */
const encodeLogCursor = (after: string): string => Buffer.from(JSON.stringify({ v: 1, after })).toString('base64url');
const decodeLogCursor = (cursor: string): string => {
  const parsed = z.object({ v: z.literal(1), after: z.string().min(1).max(300) }).safeParse(
    (() => {
      try {
        return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        return undefined;
      }
    })(),
  );
  if (!parsed.success)
    throw new HttpError(400, 'INVALID_INPUT', 'cursor: pass the nextCursor of a previous page unchanged');
  return parsed.data.after;
};
const csv = 'text/csv; charset=utf-8';

const deps = (input: RouteInput) => ({
  readModels: input.services.readModels,
  timeZone: input.services.agency.config.calendar.timeZone,
});

const reportReaders = (input: RouteInput) => {
  const refused = authorizeMonthlyReport(actorOf(input));
  if (refused) throw refused;
};

export const reportRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/reports/monthly',
    summary: 'The monthly figures: received, responded, on time, breached, open, working days to respond',
    tags: ['reports'],
    query: monthlyQuery,
    replies: {
      200: {
        description: 'The report (CSV with `format=csv`)',
        schema: MonthlyReportReply,
        alternatives: { [csv]: CsvText },
      },
    },
    handle: async (input) => {
      reportReaders(input);
      const q = monthlyQuery.parse(input.query);
      const cal = await input.services.agencyCalendar.current();
      const { report, previous } = await loadMonthlyReport(deps(input), cal, q.month, input.now);
      // The plan's clause 9: the month of each official social media account.
      const social = await loadSocialSection(input.services.readModels, report, deps(input).timeZone);
      if (q.format === 'csv')
        return {
          status: 200,
          body: monthlyReportCsv(report, previous, social),
          contentType: 'text/csv; charset=utf-8',
        };
      // The plan's clauses 3–4: the month's website updates beside its requests.
      return {
        status: 200,
        body: {
          ...report,
          previousMonth: previous,
          website: await loadWebsiteMonth(input.services.readModels, cal, q.month),
          social,
        },
      };
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
    description:
      'Newest first. With `from` and `to`, every entry of that period. Without them, the whole log, a page at a time (`limit`, `cursor` → `nextCursor`, absent on the last page); a page costs its own size however long the log. `format=csv` exports the whole selection.',
    tags: ['reports'],
    query: disclosuresQuery,
    replies: {
      200: {
        description: 'The log (CSV with `format=csv`)',
        schema: DisclosuresReply,
        alternatives: { [csv]: CsvText },
      },
    },
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'view_disclosures');
      if (refused) throw refused;
      const q = disclosuresQuery.parse(input.query);
      if (q.from !== undefined && q.to !== undefined) {
        const rows = (await loadDisclosures(deps(input), q.from, q.to, q.division)).reverse();
        return q.format === 'csv'
          ? { status: 200, body: disclosuresCsv(rows), contentType: csv }
          : { status: 200, body: { from: q.from, to: q.to, items: rows, count: rows.length } };
      }
      if (q.format === 'csv')
        return {
          status: 200,
          body: disclosuresCsv(await loadWholeDisclosureLog(deps(input), q.division)),
          contentType: csv,
        };
      const page = await loadDisclosureLogPage(deps(input), {
        limit: q.limit ?? DEFAULT_LOG_PAGE,
        ...(q.cursor ? { after: decodeLogCursor(q.cursor) } : {}),
        ...(q.division ? { division: q.division } : {}),
      });
      return {
        status: 200,
        body: {
          items: page.rows,
          count: page.rows.length,
          ...(page.nextAfter ? { nextCursor: encodeLogCursor(page.nextAfter) } : {}),
        },
      };
    },
  },
];
