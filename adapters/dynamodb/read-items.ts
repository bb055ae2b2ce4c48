import { ZonedDateTime } from '../../domain/time/zoned-date-time.js';
import type { MailEvent } from '../../events/intake-events.js';
import { normalizeMessageId } from '../../domain/intake/references.js';
import type { Request } from '../../domain/request/state.js';
import { isOpen, pendingAsks } from '../../domain/request/state.js';
import { termsOf } from '../../domain/views/search-terms.js';
import { publicDisclosureOf } from '../../domain/portal/public-disclosure.js';
import { listEntry, requestView, respondedAt } from '../../domain/views/request-view.js';
import { heldMailView } from '../../domain/views/held-mail-view.js';

// The read-model table's layout (adapters/dynamodb/table-defs.ts): which items a request and a held mail
// are copied into, under which keys. What each item shows is the domain's (domain/views/); where it is kept
// is this adapter's, so that the domain and the use cases never name a partition or a key attribute.

/** One read-model item: its keys and what it holds. */
export interface ReadItem {
  readonly pk: string;
  readonly sk: string;
  readonly [attribute: string]: unknown;
}

/** The partition of the whole disclosure log; `<this>#<division>` holds one division's. */
export const DISCLOSURE_LOG = 'disclosure-log';

/** The partition of the public disclosure log: responses archived as publishable, newest first. */
export const PUBLIC_DISCLOSURES = 'public-disclosures';

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
  const mail = heldMailView(events);
  return mail ? { pk: 'holding', sk: `${mail.receivedAt}#${mail.id}`, appliedVersion: version, mail } : undefined;
};

/**
 * Items a request only ever adds and never changes (thread lookups: one per id and request). They can be
 * written apart from the request's view, in as many writes as they need, so that no request outgrows
 * one transaction however many mails it collects.
 */
export const isLookupItem = (item: ReadItem): boolean => item.pk.startsWith('ses#') || item.pk.startsWith('msgid#');
