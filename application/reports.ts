import { ZonedDateTime } from '../domain/time/zoned-date-time.js';
import { staffMailEnvelope, type RenderedMail, type StaffMailEnvelope } from '../domain/mail/staff-mail.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import type { DirectoryReader } from '../domain/agency/directory.js';
import { monthlyReportMail } from '../domain/reports/monthly-email.js';
import { monthlyReport, type MonthFact, type MonthlyReport } from '../domain/reports/monthly.js';
import { monthlyReportRecord } from '../domain/reports/monthly-record.js';
import { streamIdOf } from '../domain/shared/stream-id.js';
import { DeciderCommandHandler } from './command-handler.js';
import { loadWebsiteMonth } from './website/website-reports.js';
import { loadSocialSection } from './social/social-reports.js';
import type { EventStore } from './event-store.js';
import type { MailSender } from './outgoing-mail.js';
import type { ReadModels } from './read-models.js';
import { toCsv } from '../domain/reports/csv.js';

export interface ReportDeps {
  readonly readModels: ReadModels;
  readonly timeZone: string;
}

const queryAll = (deps: ReportDeps, pk: string): Promise<Record<string, unknown>[]> => deps.readModels.partition(pk);

export const previousMonth = (month: string): string =>
  ZonedDateTime.fromISO(`${month}-01`).minus({ months: 1 }).toYearMonth();

/** The monthly report of `month` and of the month before, as they stand at `asOf`. */
export const loadMonthlyReport = async (
  deps: ReportDeps,
  cal: WorkingCalendar,
  month: string,
  asOf: string,
): Promise<{ report: MonthlyReport; previous: MonthlyReport }> => {
  const facts = async (m: string) => (await queryAll(deps, `month#${m}`)) as unknown as MonthFact[];
  return {
    report: monthlyReport(cal, month, await facts(month), asOf),
    previous: monthlyReport(cal, previousMonth(month), await facts(previousMonth(month)), asOf),
  };
};

export interface DisclosureRow {
  readonly requestId: string;
  readonly responseId: string;
  readonly sentAt: string;
  readonly sentBy: string;
  readonly division: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly disposition: string;
  readonly attachments: readonly { filename: string; contentType: string; sizeBytes: number; sha256: string }[];
}

/** The disclosure log between two dates (inclusive, agency time), optionally for one division. */
export const loadDisclosures = async (
  deps: ReportDeps,
  from: string,
  to: string,
  division?: string,
): Promise<DisclosureRow[]> => {
  const start = ZonedDateTime.fromISO(from, deps.timeZone).startOf('day');
  const end = ZonedDateTime.fromISO(to, deps.timeZone).endOf('day');
  const rows: DisclosureRow[] = [];
  for (let m = start.startOf('month'); m <= end; m = m.plus({ months: 1 })) {
    for (const item of await queryAll(deps, `disclosures#${m.toYearMonth()}`)) {
      const sent = ZonedDateTime.fromISO(item.sentAt as string);
      if (sent >= start && sent <= end && (!division || item.division === division))
        rows.push(item as unknown as DisclosureRow);
    }
  }
  return rows.sort((a, b) => a.sentAt.localeCompare(b.sentAt));
};

/** A page of the whole disclosure log, newest first; `nextAfter` is where the next page starts (absent on the last). */
export interface DisclosureLogPage {
  readonly rows: DisclosureRow[];
  readonly nextAfter?: string;
  /** Items DynamoDB read for the page: the page and one more, whatever the log holds. */
  readonly itemsRead: number;
}

const logRow = ({ pk: _pk, sk: _sk, ...row }: Record<string, unknown>): DisclosureRow =>
  row as unknown as DisclosureRow;

/**
 * One page of the disclosure log without a period, newest first, for the agency or one division, read
 * from the logs the projector keeps newest first: the page and one more item, never the whole log.
 */
export const loadDisclosureLogPage = async (
  deps: ReportDeps,
  page: { limit: number; after?: string; division?: string },
): Promise<DisclosureLogPage> => {
  const read = await deps.readModels.newestPage({
    log: 'disclosures',
    ...(page.division ? { division: page.division } : {}),
    limit: page.limit + 1,
    ...(page.after ? { before: page.after } : {}),
  });
  const shown = read.items.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    rows: shown.map(logRow),
    itemsRead: read.itemsRead,
    ...(read.items.length > page.limit && last ? { nextAfter: String(last.sk) } : {}),
  };
};

/** The whole disclosure log, newest first (the CSV export without a period), read page by page. */
export const loadWholeDisclosureLog = async (deps: ReportDeps, division?: string): Promise<DisclosureRow[]> => {
  const rows: DisclosureRow[] = [];
  let after: string | undefined;
  do {
    const page = await loadDisclosureLogPage(deps, {
      limit: 1_000,
      ...(after ? { after } : {}),
      ...(division ? { division } : {}),
    });
    rows.push(...page.rows);
    after = page.nextAfter;
  } while (after);
  return rows;
};

/** The disclosure log as CSV, one row per file shared (a response without files is one row). */
export const disclosuresCsv = (rows: readonly DisclosureRow[]): string =>
  toCsv(
    [
      'sent_at',
      'request',
      'response',
      'division',
      'sent_by',
      'to',
      'cc',
      'disposition',
      'attachment',
      'content_type',
      'size_bytes',
      'sha256',
    ],
    rows.flatMap((r) => {
      const base = [
        r.sentAt,
        r.requestId,
        r.responseId,
        r.division,
        r.sentBy,
        r.to.join(' '),
        r.cc.join(' '),
        r.disposition,
      ];
      return r.attachments.length === 0
        ? [[...base, '', '', '', '']]
        : r.attachments.map((a) => [...base, a.filename, a.contentType, a.sizeBytes, a.sha256]);
    }),
  );

export interface TopicCount {
  readonly topic: string;
  readonly count: number;
  readonly publishable: boolean;
  readonly examples: readonly string[];
}

/** Topics of archived requests in a period, most asked first: what the website team could publish. */
export const loadCommonRequests = async (deps: ReportDeps, from?: string, to?: string): Promise<TopicCount[]> => {
  const rows = (await queryAll(deps, 'topics')) as {
    topic: string;
    requestId: string;
    publishable: boolean;
    archivedAt: string;
  }[];
  const inRange = rows.filter((r) => (!from || r.archivedAt >= from) && (!to || r.archivedAt.slice(0, 10) <= to));
  const byTopic = new Map<string, { count: number; publishable: boolean; examples: string[] }>();
  for (const r of inRange) {
    const t = byTopic.get(r.topic) ?? { count: 0, publishable: false, examples: [] };
    t.count++;
    t.publishable ||= r.publishable;
    if (t.examples.length < 5) t.examples.push(r.requestId);
    byTopic.set(r.topic, t);
  }
  return [...byTopic.entries()]
    .map(([topic, t]) => ({ topic, ...t }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
};

/** What a report mailed to the agency's staff needs, beside its figures: the monthly report's and the review pack's. */
export interface ReportMailDeps {
  readonly store: EventStore;
  /** The directory as it stands when the report goes out (who is head of agency then). */
  readonly directory: DirectoryReader;
  readonly calendar: () => Promise<WorkingCalendar>;
  readonly send: MailSender;
  readonly agencyName: string;
  readonly fromAddress: string;
  readonly now: () => Date;
}

/** A report's mail to one person, from the desk; `staffKey` makes its Message-ID, the same on a second run. */
export const reportMailTo = (
  deps: Pick<ReportMailDeps, 'agencyName' | 'fromAddress'>,
  address: string,
  mail: RenderedMail,
  staffKey: string,
): StaffMailEnvelope =>
  staffMailEnvelope({
    agencyName: deps.agencyName,
    fromAddress: deps.fromAddress,
    to: [address],
    mail,
    messageId: { staffKey },
  });

export interface MonthlyMailDeps extends ReportDeps, ReportMailDeps {}

/** The stream kind of the monthly reports' record: `report#<YYYY-MM>`. */
export const REPORT_KIND = 'report';

/**
 * On the first working day of a month, mails last month's report to the head of agency, once
 * (stream `report#<month>`). On any other day, or when already sent, does nothing.
 */
export const sendMonthlyReportIfDue = async (deps: MonthlyMailDeps): Promise<'sent' | 'not_due' | 'already_sent'> => {
  const cal = await deps.calendar();
  const now = deps.now().toISOString();
  const today = cal.localDate(cal.parseInstant(now));
  const firstOfMonth = `${today.slice(0, 8)}01`;
  const firstWorkingDay = cal.isWorkingDay(firstOfMonth) ? firstOfMonth : cal.nextWorkingDay(firstOfMonth);
  if (today !== firstWorkingDay) return 'not_due';
  const month = previousMonth(today.slice(0, 7));
  const streamId = streamIdOf(REPORT_KIND, month);
  const earlier = await deps.store.read(streamId);
  if (earlier.events.length > 0) return 'already_sent';
  const { report, previous } = await loadMonthlyReport(deps, cal, month, now);
  // The plan's clauses 3–4 and 7: the month's website updates beside its requests, as the JSON report has them.
  const website = {
    now: await loadWebsiteMonth(deps.readModels, cal, month),
    before: await loadWebsiteMonth(deps.readModels, cal, previous.month),
  };
  // The plan's clause 9: the official social media accounts' month.
  const social = await loadSocialSection(deps.readModels, report, deps.timeZone);
  const directory = await deps.directory.asOf(now);
  const heads = directory.withRole('head_of_agency');
  const divisionName = (id: string) => directory.division(id)?.name ?? id;
  const ids: string[] = [];
  for (const head of heads) {
    const mail = monthlyReportMail(deps.agencyName, head.name, report, previous, website, divisionName, social);
    ids.push(await deps.send(reportMailTo(deps, head.email, mail, `report.${month}.${head.id}`), { report: month }));
  }
  // Recorded through its decider: a second run that raced this one past the check above records nothing.
  const outcome = await new DeciderCommandHandler({
    store: deps.store,
    kind: REPORT_KIND,
    decider: () => monthlyReportRecord,
    state: monthlyReportRecord,
  }).handle(month, {
    type: 'RecordMonthlyReportSent',
    data: { month, recipients: heads.map((h) => h.id), sesMessageIds: ids },
    metadata: { now, actor: { kind: 'system', component: 'monthly-report' } },
  });
  if (!outcome.ok) throw outcome.error;
  return 'sent';
};
