import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { WebsiteFact } from '../views/website-view.js';
import { publicationWorkingDays, submissionWorkingDays } from './clocks.js';

/** The website-update figures of a period (the monthly report's website section, the yearly review). */
export interface WebsiteFigures {
  readonly submitted: number;
  /** Updates whose complete information ICT has confirmed (the division's clock has stopped). */
  readonly complete: number;
  /** … of which the complete information came in by the division's due date (clause 3). */
  readonly submittedOnTime: number;
  readonly published: number;
  /** … of which published by ICT's due date (clause 4). */
  readonly publishedOnTime: number;
  /** Working days from the event to complete information (updates with an event date). */
  readonly medianSubmissionWorkingDays: number | null;
  /** Working days from complete information to publication. */
  readonly medianPublicationWorkingDays: number | null;
  /** Updates proposed from common requests (clause 7). */
  readonly fromCommonRequests: number;
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const at = (cal: WorkingCalendar, iso: string) => cal.parseInstant(iso).toMillis();

/** Figures of the updates submitted in a period, from the projector's facts (withdrawn ones left out). */
export const websiteFigures = (cal: WorkingCalendar, facts: readonly WebsiteFact[]): WebsiteFigures => {
  const live = facts.filter((f) => f.status !== 'withdrawn');
  const complete = live.filter((f) => f.informationCompleteAt !== null);
  const published = live.filter((f) => f.publishedAt !== null && f.publicationDueAt !== null);
  return {
    submitted: live.length,
    complete: complete.length,
    submittedOnTime: complete.filter((f) => at(cal, f.informationCompleteAt as string) <= at(cal, f.submissionDueAt))
      .length,
    published: published.length,
    publishedOnTime: published.filter((f) => at(cal, f.publishedAt as string) <= at(cal, f.publicationDueAt as string))
      .length,
    medianSubmissionWorkingDays: median(
      complete
        .filter((f) => f.eventDate !== null)
        .map((f) => submissionWorkingDays(cal, f.eventDate as string, f.informationCompleteAt as string)),
    ),
    medianPublicationWorkingDays: median(
      published
        .filter((f) => f.informationCompleteAt !== null)
        .map((f) => publicationWorkingDays(cal, f.informationCompleteAt as string, f.publishedAt as string)),
    ),
    fromCommonRequests: live.filter((f) => f.fromCommonRequests).length,
  };
};
