import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import type { WebsiteView } from '../../domain/views/website-view.js';
import { suggestionsFor, type PublishedTopic } from '../../domain/website/topics.js';
import type { WebsiteUpdateStatus } from '../../domain/website/state.js';
import type { ReadModels } from '../read-models.js';
import { websiteSlaAt } from './website-sla.js';

/** The queue of website updates, soonest due first, each with both clocks' SLA status. */
export const listWebsiteUpdates = async (
  readModels: ReadModels,
  cal: WorkingCalendar,
  now: string,
  filter: { status?: WebsiteUpdateStatus; division?: string } = {},
) => {
  const views = (await readModels.partition('website-updates')).map((i) => i.view as WebsiteView);
  return views
    .filter(
      (v) => (!filter.status || v.status === filter.status) && (!filter.division || v.division === filter.division),
    )
    .map((v) => ({ ...v, sla: websiteSlaAt(cal, v, now) }))
    .sort(
      (a, b) =>
        (a.clock?.dueAt ?? a.submissionDueAt).localeCompare(b.clock?.dueAt ?? b.submissionDueAt) ||
        a.id.localeCompare(b.id),
    );
};

export interface PublishedItem {
  readonly updateId: string;
  readonly topic: string | null;
  readonly title: string;
  readonly kind: string;
  readonly url: string;
  readonly publishedAt: string;
  readonly requestIds: readonly string[];
}

/** Everything published through the workflow, newest first. */
export const loadPublished = async (readModels: ReadModels): Promise<PublishedItem[]> =>
  ((await readModels.partition('published')) as unknown as PublishedItem[]).sort((a, b) =>
    b.publishedAt.localeCompare(a.publishedAt),
  );

/** What was published because people kept asking: the pages with a topic from common requests. */
export const loadPublishedTopics = async (readModels: ReadModels): Promise<(PublishedItem & { topic: string })[]> =>
  (await loadPublished(readModels)).filter((p): p is PublishedItem & { topic: string } => p.topic !== null);

/** The published pages a request's subject is about (`suggestions` on the request's view). */
export const suggestionsForSubject = async (readModels: ReadModels, subject: string): Promise<PublishedTopic[]> =>
  suggestionsFor(subject, [...(await loadPublishedTopics(readModels))].reverse());
