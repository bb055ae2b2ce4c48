import { slaStatusAt, type SlaStatus } from '../../domain/calendar/sla-status.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import type { WebsiteView } from '../../domain/views/website-view.js';

/** Both clocks of an update at `now`, and the one that matters: the running clock's, else the last one's. */
export interface WebsiteSla {
  /** The division's: complete information by `submissionDueAt`. */
  readonly submission: SlaStatus;
  /** ICT's: published by `publicationDueAt`; null until ICT confirms the information complete. */
  readonly publication: SlaStatus | null;
  readonly current: SlaStatus;
}

export const websiteSlaAt = (cal: WorkingCalendar, v: WebsiteView, now: string): WebsiteSla => {
  const submission: SlaStatus =
    v.status === 'returned'
      ? slaStatusAt(cal, { dueAt: v.submissionDueAt }, now)
      : slaStatusAt(cal, { dueAt: v.submissionDueAt, respondedAt: v.informationCompleteAt ?? v.lastSubmittedAt }, now);
  const publication: SlaStatus | null =
    v.publicationDueAt === null
      ? null
      : slaStatusAt(
          cal,
          {
            dueAt: v.publicationDueAt,
            ...(v.publishedAt ? { respondedAt: v.publishedAt } : {}),
            ...(v.pausedAt ? { pausedAt: v.pausedAt } : {}),
          },
          now,
        );
  const current =
    v.status === 'returned' || v.status === 'submitted'
      ? v.status === 'returned'
        ? submission
        : (publication ?? submission)
      : (publication ?? submission);
  return { submission, publication, current };
};
