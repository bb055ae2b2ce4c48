import { ZonedDateTime } from '../time/zoned-date-time.js';
import type { MailEvent, MailEventOf } from '../../events/intake-events.js';
import { mailStatus } from '../intake/held-mail.js';
import { normalizeMessageId } from '../intake/references.js';
import type { Request } from '../request/state.js';
import { clipText } from '../../events/text.js';
import { termsOf } from './search-terms.js';
import { publicDisclosureOf, PUBLIC_DISCLOSURES } from '../portal/public-disclosure.js';
import { isOpen, pendingAsks } from '../request/state.js';

/** One read-model item: its keys and what it holds. */
export interface ReadItem {
  readonly pk: string;
  readonly sk: string;
  readonly [attribute: string]: unknown;
}

/** The partition of the whole disclosure log; `<this>#<division>` holds one division's. */
export const DISCLOSURE_LOG = 'disclosure-log';

/** When the request was answered: its first response, or pointing the requester to a published page. */
const respondedAt = (s: Request): string | null =>
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

/** Keys of the request list's indexes: every request by due date, and by status, division, assignee and channel. */
export const listKeys = (s: Request) => ({
  dueSk: `${utc(s.dueAt)}#${s.id}`,
  listPk: 'requests',
  statusPk: `status#${s.status}`,
  channelPk: `channel#${s.channel}`,
  ...(s.assignee ? { assigneePk: `assignee#${s.assignee}` } : {}),
});

const monthOf = (instant: string, timeZone: string): string => ZonedDateTime.fromISO(instant, timeZone).toYearMonth();
const utc = (instant: string): string => ZonedDateTime.fromISO(instant).toUTC().toISO() as string;

/**
 * Every read-model item of one request, as a pure function of its state at `version`. The projector
 * writes them all at once, so replaying any record any number of times, in any order, gives the same items.
 */
export const readItemsFor = (s: Request, version: number, timeZone: string): ReadItem[] => {
  const ref = s.id;
  const open = isOpen(s);
  const view: ReadItem = {
    pk: `request#${ref}`,
    sk: 'view',
    appliedVersion: version,
    view: listEntry(requestView(s)),
    divisionPk: `division#${s.division ?? 'unassigned'}`,
    divisionSk: `${utc(s.receivedAt)}#${ref}`,
    // The request list's indexes (GET /requests): one per filter, all soonest due first.
    ...listKeys(s),
    // Sparse: only open requests with a running clock are in the breach scan's index (a request
    // waiting for the requester comes back, with its new due date, when they answer).
    ...(open && !s.pausedAt ? { openPk: 'open', openDueSk: `${utc(s.dueAt)}#${ref}` } : {}),
  };
  const firstResponse = s.responses[0];
  const monthFact: ReadItem = {
    pk: `month#${monthOf(s.receivedAt, timeZone)}`,
    sk: `request#${ref}`,
    requestId: ref,
    division: s.division ?? 'unassigned',
    channel: s.channel,
    status: s.status,
    receivedAt: s.receivedAt,
    dueAt: s.dueAt,
    respondedAt: firstResponse?.sentAt ?? respondedAt(s),
    closedAt: s.closed?.at ?? null,
    closeReason: s.closed?.reason ?? null,
    breached: s.flaggedBreached.length > 0,
    // Time waiting on the requester is not the division's: reports leave these spans out.
    pauses: s.adjustments.flatMap((a) => (a.kind === 'pause' ? [{ from: a.from, to: a.to ?? null }] : [])),
  };
  const disclosures: ReadItem[] = s.responses.map((r) => ({
    pk: `disclosures#${monthOf(r.sentAt, timeZone)}`,
    sk: `${utc(r.sentAt)}#${ref}#${r.responseId}`,
    requestId: ref,
    responseId: r.responseId,
    sentAt: r.sentAt,
    sentBy: r.sentBy.kind === 'user' ? r.sentBy.userId : r.sentBy.component,
    division: s.division ?? 'unassigned',
    to: r.to,
    cc: r.cc,
    disposition: r.disposition,
    attachments: r.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
    })),
  }));
  // The whole disclosure log, newest first (`GET /disclosures` without a period): one partition for the
  // agency and one per division, sorted by the instant sent, so a page costs its own size however long the log.
  const log: ReadItem[] = disclosures.flatMap(({ pk: _month, sk, ...row }) => [
    { pk: DISCLOSURE_LOG, sk, ...row },
    { pk: `${DISCLOSURE_LOG}#${String(row.division)}`, sk, ...row },
  ]);
  const topics: ReadItem[] = (s.archived?.topics ?? []).map((topic) => ({
    pk: 'topics',
    sk: `${topic}#${ref}`,
    topic,
    requestId: ref,
    publishable: s.archived?.publishable ?? false,
    archivedAt: s.archived?.at,
  }));
  // Lookups for threading replies: the SES ids of the mail we sent, the Message-IDs the requester used.
  // One item per id and request (never shared), so that projection order cannot change the answer.
  const lookups: ReadItem[] = [
    ...s.mails.map((m) => ({ pk: `ses#${m.sesMessageId.toLowerCase()}`, sk: `request#${ref}`, requestId: ref })),
    ...s.messageIds.map((id) => ({ pk: `msgid#${normalizeMessageId(id)}`, sk: `request#${ref}`, requestId: ref })),
  ];
  // The inverted index of `q` search: one item per term and request; its keys never change, its due date does.
  const terms: ReadItem[] = termsOf(ref, s.requester.name, s.requester.email, s.subject).map((term) => ({
    pk: `term#${term}`,
    sk: `request#${ref}`,
    requestId: ref,
    termPk: `term#${term}`,
    dueSk: listKeys(s).dueSk,
    // A copy of the view, so that a page of search results is read from the index alone.
    view: view.view,
  }));
  // The work list of everyone asked for their view (`GET /requests?assignee=me`): one item per person
  // ever asked, in the assignee index only while the view is pending and the request open (the index
  // is sparse, so the item drops out when they answer). The assignee already has the view item there.
  const asked: ReadItem[] = [...new Set(s.consultationAsks.map((a) => a.person))].map((person) => {
    const pending = open && person !== s.assignee && pendingAsks(s).some((a) => a.person === person);
    return {
      pk: `asked#${person}`,
      sk: `request#${ref}`,
      requestId: ref,
      askedOf: person,
      dueSk: listKeys(s).dueSk,
      view: view.view,
      ...(pending ? { assigneePk: `assignee#${person}` } : {}),
    };
  });
  // The public portal's log (`GET /public/disclosures`): responses archived as publishable, newest first.
  const publicEntry = publicDisclosureOf(s);
  const published: ReadItem[] = publicEntry
    ? [{ pk: PUBLIC_DISCLOSURES, sk: `${utc(publicEntry.respondedAt)}#${ref}`, disclosure: publicEntry }]
    : [];
  return [view, monthFact, ...disclosures, ...log, ...topics, ...asked, ...terms, ...lookups, ...published];
};

/** The holding pen's item for a mail that was ever held; none for mail placed or ignored at once. */
export const heldMailItem = (events: readonly MailEvent[], version: number): ReadItem | undefined => {
  const received = events.find((e): e is MailEventOf<'MailReceived'> => e.type === 'MailReceived');
  const held = events.find((e): e is MailEventOf<'MailHeld'> => e.type === 'MailHeld');
  if (!received || !held) return undefined;
  const resolution = events.find(
    (e) => e.type === 'HeldMailAttached' || e.type === 'HeldMailPromoted' || e.type === 'HeldMailDiscarded',
  );
  const d = received.data;
  return {
    pk: 'holding',
    sk: `${d.receivedAt}#${d.mailId}`,
    appliedVersion: version,
    mail: {
      id: d.mailId,
      status: mailStatus(events),
      receivedAt: d.receivedAt,
      from: d.from ?? null,
      fromName: d.fromName ?? null,
      fromHeader: d.fromHeader ?? null,
      subject: d.subject,
      reason: held.data.reason,
      detail: held.data.detail,
      candidateRequestId: held.data.candidateRequestId ?? null,
      attachments: d.attachments.map((a) => ({ filename: a.filename, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
      quarantined: d.quarantined.map((a) => ({ filename: a.filename, reason: a.reason })),
      resolution: resolution
        ? {
            type: resolution.type,
            at: resolution.occurredAt,
            ...('requestId' in resolution.data ? { requestId: resolution.data.requestId } : {}),
          }
        : null,
    },
  };
};

/**
 * Items a request only ever adds and never changes (thread lookups: one per id and request). They can be
 * written apart from the request's view, in as many writes as they need, so that no request outgrows
 * one transaction however many mails it collects.
 */
export const isLookupItem = (item: ReadItem): boolean => item.pk.startsWith('ses#') || item.pk.startsWith('msgid#');
