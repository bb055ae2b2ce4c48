import { ZonedDateTime } from '../../domain/time/zoned-date-time.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { ICT_DIVISION } from '../../domain/views/website-view.js';
import { websiteFigures } from '../../domain/website/figures.js';
import {
  COMMON_TOPIC_THRESHOLD,
  reviewCommittee,
  reviewPackMail,
  type WebsiteReviewPack,
} from '../../domain/website/review.js';
import { streamIdOf } from '../../domain/shared/stream-id.js';
import { reviewPackRecord } from '../../domain/website/review-record.js';
import { DeciderCommandHandler } from '../command-handler.js';
import type { ReadModels } from '../read-models.js';
import { loadCommonRequests, loadDisclosures, reportMailTo, type ReportMailDeps } from '../reports.js';
import { loadPublishedTopics } from './website-queries.js';
import { loadWebsiteFacts } from './website-reports.js';

export interface ReviewDeps {
  readonly readModels: ReadModels;
  readonly timeZone: string;
}

/** The period a year's review covers: the twelve months before its review date. */
export const reviewPeriod = (year: number, reviewDate: string, timeZone: string): { from: string; to: string } => {
  const date = ZonedDateTime.fromISO(`${year}-${reviewDate}`, timeZone);
  return { from: date.minus({ years: 1 }).toISODate() as string, to: date.minus({ days: 1 }).toISODate() as string };
};

/**
 * The months (`yyyy-MM`, the month facts' keys, by month of receipt) the pack reads for requests
 * closed in the period: from the month before the period starts to the month it ends.
 */
export const reviewMonths = (period: { from: string; to: string }, timeZone: string): string[] => {
  const months: string[] = [];
  const end = ZonedDateTime.fromISO(period.to, timeZone);
  for (
    let m = ZonedDateTime.fromISO(period.from, timeZone).minus({ months: 1 }).startOf('month');
    m <= end;
    m = m.plus({ months: 1 })
  )
    months.push(m.toYearMonth());
  return months;
};

/** Builds the review pack of `year` from the read models. */
export const buildReviewPack = async (
  deps: ReviewDeps,
  cal: WorkingCalendar,
  year: number,
  reviewDate: string,
): Promise<WebsiteReviewPack> => {
  const period = reviewPeriod(year, reviewDate, deps.timeZone);
  const published = new Set((await loadPublishedTopics(deps.readModels)).map((p) => p.topic));
  const topics = await loadCommonRequests(deps, period.from, period.to);
  const answered: string[] = [];
  for (const month of reviewMonths(period, deps.timeZone)) {
    for (const f of await deps.readModels.partition(`month#${month}`)) {
      const closedAt = f.closedAt as string | null | undefined;
      if (
        f.closeReason === 'published' &&
        closedAt &&
        closedAt.slice(0, 10) >= period.from &&
        closedAt.slice(0, 10) <= period.to
      )
        answered.push(f.requestId as string);
    }
  }
  const disclosures = await loadDisclosures(deps, period.from, period.to);
  const byDivision = new Map<string, { responses: number; attachments: number }>();
  for (const d of disclosures) {
    const t = byDivision.get(d.division) ?? { responses: 0, attachments: 0 };
    t.responses++;
    t.attachments += d.attachments.length;
    byDivision.set(d.division, t);
  }
  return {
    year,
    period,
    website: websiteFigures(cal, await loadWebsiteFacts(deps.readModels, deps.timeZone, period.from, period.to)),
    topicsToPublish: topics
      .filter((t) => t.count >= COMMON_TOPIC_THRESHOLD && !published.has(t.topic))
      .map((t) => ({ topic: t.topic, count: t.count, examples: t.examples })),
    answeredFromWebsite: { count: answered.length, requestIds: answered.sort() },
    disclosuresByDivision: [...byDivision.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([division, t]) => ({ division, ...t })),
  };
};

export interface ReviewMailDeps extends ReviewDeps, ReportMailDeps {
  /** `MM-DD`; no yearly review without one. */
  readonly reviewDate: string | undefined;
}

/** The stream kind of the yearly review packs' record: `website-review#<year>`. */
export const REVIEW_KIND = 'website-review';
export const reviewStreamId = (year: number): string => streamIdOf(REVIEW_KIND, String(year));

/**
 * On the review date (or the first working day after it), mails the year's pack to the committee,
 * once (stream `website-review#<year>` records it). Any other day, or when already sent, does nothing.
 */
export const sendWebsiteReviewIfDue = async (
  deps: ReviewMailDeps,
): Promise<'sent' | 'not_due' | 'already_sent' | 'not_configured'> => {
  if (!deps.reviewDate) return 'not_configured';
  const cal = await deps.calendar();
  const now = deps.now().toISOString();
  const today = cal.localDate(cal.parseInstant(now));
  const year = Number(today.slice(0, 4));
  if (!cal.isWorkingDay(today) || today < `${year}-${deps.reviewDate}`) return 'not_due';
  const earlier = await deps.store.read(reviewStreamId(year));
  if (earlier.events.length > 0) return 'already_sent';
  const pack = await buildReviewPack(deps, cal, year, deps.reviewDate);
  const directory = await deps.directory.asOf(now);
  const committee = reviewCommittee(directory, ICT_DIVISION);
  const recipients = [...new Set([...committee.chair, ...committee.members, ...committee.coordinator])];
  const ids: string[] = [];
  for (const id of recipients) {
    const person = directory.user(id);
    if (!person) continue;
    const mail = reviewPackMail(deps.agencyName, person.name, pack, (d) => directory.division(d)?.name ?? d);
    ids.push(await deps.send(reportMailTo(deps, person.email, mail, `review.${year}.${id}`), { review: String(year) }));
  }
  // Recorded through its decider: a second run that raced this one past the check above records nothing.
  const outcome = await new DeciderCommandHandler({
    store: deps.store,
    kind: REVIEW_KIND,
    decider: () => reviewPackRecord,
    state: reviewPackRecord,
  }).handle(String(year), {
    type: 'RecordReviewPackSent',
    data: { year, recipients, sesMessageIds: ids },
    metadata: { now, actor: { kind: 'system', component: 'website-review' } },
  });
  if (!outcome.ok) throw outcome.error;
  return 'sent';
};
