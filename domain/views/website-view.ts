import { runningClock, type WebsiteUpdate } from '../website/state.js';

/** The division that keeps the website; the agency configuration requires an `ict` division. */
export const ICT_DIVISION = 'ict';

/** A website update as staff see it (`GET /website-updates`); its SLA status is computed when read. */
export const websiteView = (s: WebsiteUpdate) => {
  const running = runningClock(s, ICT_DIVISION);
  return {
    id: s.id,
    status: s.status,
    division: s.division,
    kind: s.kind,
    title: s.title,
    eventDate: s.eventDate ?? null,
    submittedAt: s.submittedAt,
    submittedBy: s.submittedBy.kind === 'user' ? s.submittedBy.userId : s.submittedBy.component,
    submissionDueAt: s.submissionDueAt,
    lastSubmittedAt: s.lastSubmittedAt,
    informationCompleteAt: s.informationCompleteAt ?? null,
    completedAt: s.completedAt ?? null,
    publicationDueAt: s.publicationDueAt ?? null,
    pausedAt: s.pausedAt ?? null,
    /** The clock running now: whose, and when it is due. */
    clock: running ? { kind: running.clock, dueAt: running.dueAt, division: running.division } : null,
    returns: s.returns,
    publishedAt: s.publishedAt ?? null,
    url: s.url ?? null,
    topic: s.origin?.topic ?? null,
    requestIds: s.origin?.requestIds ?? [],
    attachments: s.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      publishable: a.publishable,
    })),
    slaBreachedFor: s.flaggedBreached,
    lastEventAt: s.lastEventAt,
  };
};
export type WebsiteView = ReturnType<typeof websiteView>;

/** One update as the monthly report and the yearly review see it (by month of submission). */
export interface WebsiteFact {
  readonly updateId: string;
  readonly division: string;
  readonly kind: string;
  readonly status: string;
  readonly eventDate: string | null;
  readonly submittedAt: string;
  readonly submissionDueAt: string;
  readonly informationCompleteAt: string | null;
  readonly publicationDueAt: string | null;
  readonly publishedAt: string | null;
  readonly fromCommonRequests: boolean;
}
