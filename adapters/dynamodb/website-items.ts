import { ZonedDateTime } from '../../domain/time/zoned-date-time.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { runningClock, type WebsiteUpdate } from '../../domain/website/state.js';
import { ICT_DIVISION, websiteView, type WebsiteFact } from '../../domain/views/website-view.js';
import type { ReadItem } from './read-items.js';

// The read-model table's layout of a website update: its keys are this adapter's business, its view the domain's.

const utc = (instant: string): string => ZonedDateTime.fromISO(instant).toUTC().toISO() as string;

/**
 * Every read item of one website update, as a pure function of its state. The view item carries
 * `workflow: 'website'` and, while a clock runs, the open-by-due keys the breach scan reads.
 */
export const websiteReadItems = (
  s: WebsiteUpdate,
  version: number,
  cal: Pick<WorkingCalendar, 'timeZone'>,
): ReadItem[] => {
  const view = websiteView(s);
  const running = runningClock(s, ICT_DIVISION);
  const viewItem: ReadItem = {
    pk: `website#${s.id}`,
    sk: 'view',
    appliedVersion: version,
    workflow: 'website',
    view,
    ...(running ? { openPk: 'open', openDueSk: `${utc(running.dueAt)}#${s.id}` } : {}),
  };
  const queue: ReadItem = { pk: 'website-updates', sk: `${utc(s.submittedAt)}#${s.id}`, view };
  const fact: WebsiteFact & ReadItem = {
    pk: `website-month#${ZonedDateTime.fromISO(s.submittedAt, cal.timeZone).toYearMonth()}`,
    sk: s.id,
    updateId: s.id,
    division: s.division,
    kind: s.kind,
    status: s.status,
    eventDate: s.eventDate ?? null,
    submittedAt: s.submittedAt,
    submissionDueAt: s.submissionDueAt,
    informationCompleteAt: s.informationCompleteAt ?? null,
    publicationDueAt: s.publicationDueAt ?? null,
    publishedAt: s.publishedAt ?? null,
    fromCommonRequests: s.origin !== undefined,
  };
  const published: ReadItem[] =
    s.status === 'published' && s.url && s.publishedAt
      ? [
          {
            pk: 'published',
            sk: `${utc(s.publishedAt)}#${s.id}`,
            updateId: s.id,
            title: s.title,
            kind: s.kind,
            url: s.url,
            publishedAt: s.publishedAt,
            topic: s.origin?.topic ?? null,
            requestIds: s.origin?.requestIds ?? [],
          },
        ]
      : [];
  return [viewItem, queue, fact, ...published];
};
