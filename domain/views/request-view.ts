import type { Request } from '../request/state.js';
import { clipText } from '../../events/text.js';
import { pendingAsks } from '../request/state.js';

/** When the request was answered: its first response, or pointing the requester to a published page. */
export const respondedAt = (s: Request): string | null =>
  s.responses[0]?.sentAt ?? (s.closed?.reason === 'published' ? s.closed.at : null);

/** The request as staff see it (`GET /requests/{id}`); SLA status is computed when read, from these facts. */
export const requestView = (s: Request) => ({
  id: s.id,
  status: s.status,
  channel: s.channel,
  subject: s.subject,
  requester: s.requester,
  division: s.division ?? null,
  assignee: s.assignee ?? null,
  receivedAt: s.receivedAt,
  dueAt: s.dueAt,
  pausedAt: s.pausedAt ?? null,
  respondedAt: respondedAt(s),
  closedAt: s.closed?.at ?? null,
  closeReason: s.closed?.reason ?? null,
  archivedAt: s.archived?.at ?? null,
  topics: s.archived?.topics ?? [],
  extendedWorkingDays: s.extendedWorkingDays,
  consultations: s.consultations.map((c) => ({
    with: c.with,
    person: c.person,
    outcome: c.outcome,
    recordedAt: c.recordedAt,
  })),
  /** Views asked for and not yet recorded: who, and what they were asked. */
  asked: pendingAsks(s).map((a) => ({ with: a.with, person: a.person, question: a.question, askedAt: a.askedAt })),
  responses: s.responses.map((r) => ({
    responseId: r.responseId,
    sentAt: r.sentAt,
    disposition: r.disposition,
    attachments: r.attachments.length,
  })),
  slaBreachedFor: s.flaggedBreached,
  notes: s.notes,
  requesterMessages: s.requesterMessages,
  lastEventAt: s.lastEventAt,
});
export type RequestView = ReturnType<typeof requestView>;

/** At most this many of each repeated part (consultations, views asked, responses, breaches) in a list entry. */
export const LIST_ENTRY_MAX_PARTS = 20;
/** At most this many characters of a question asked, in a list entry (the request's page shows it whole). */
export const LIST_ENTRY_MAX_QUESTION = 200;

/**
 * The request as its copies hold it — the list item, every search-term item and every asked-of item.
 * A request is copied into as many items as its subject has words, all written in one transaction
 * (DynamoDB: at most 4 MB), so a copy holds no unbounded text: questions are clipped, and repeated parts
 * keep their latest `LIST_ENTRY_MAX_PARTS`. (A request with 70 words in its subject and 14 questions of
 * 2,000 Tibetan characters made that transaction exceed 4 MB: its list entry then stayed as it was,
 * "in consultation", for good.) `GET /requests/{id}` folds the events and shows everything.
 */
export const listEntry = (view: RequestView): RequestView => {
  const latest = <T>(parts: readonly T[]): T[] => parts.slice(-LIST_ENTRY_MAX_PARTS);
  return {
    ...view,
    consultations: latest(view.consultations),
    asked: latest(view.asked).map((a) => ({ ...a, question: clipText(a.question, LIST_ENTRY_MAX_QUESTION) })),
    responses: latest(view.responses),
    slaBreachedFor: latest(view.slaBreachedFor),
  };
};
