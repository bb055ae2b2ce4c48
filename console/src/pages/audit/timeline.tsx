import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { Schemas } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { strings } from '../../commons/strings';
import { AttachmentLink, type ListedAttachment } from '../request/attachment-link';
import type { Names } from '../request/names';

const t = strings.timeline;
type StoredEvent = Schemas['History']['events'][number];
type Data = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
/** Text kept in the event itself (large text lives in object storage: the request page shows it). */
const inline = (v: unknown) =>
  v && typeof v === 'object' && 'inline' in v ? str((v as { inline: unknown }).inline) : '';

/** Who did it, in words: a person's name and the role they acted in, or the system. */
export const actorName = (a: StoredEvent['actor'], names: Names): string => {
  if (a.kind !== 'user') {
    // The requester acting on their own request from the portal's tracking page, or the portal registering it.
    const component = str((a as { component?: unknown }).component);
    return component === 'requester' ? t.requesterOnPortal : component === 'portal' ? t.portal : t.system;
  }
  const role = strings.roles[str(a.role)] ?? '';
  const acting = str(a.actingFor);
  const who = `${names.person(a.userId)}${role ? ` (${role})` : ''}`;
  return acting ? t.actingFor(who, names.person(acting)) : who;
};

/** One event as a sentence a newcomer reads without knowing the store: what happened, and its words in full. */
export const describe = (e: StoredEvent, names: Names): { what: string; text?: string } => {
  const d = (e.data ?? {}) as Data;
  const requester = (d.requester as { name?: string } | undefined)?.name ?? '';
  switch (e.type) {
    case 'RequestReceived':
      return {
        what: t.received(
          requester,
          (strings.channel[str(d.channel)] ?? str(d.channel)).toLowerCase(),
          str(d.subject),
          formatDateTime(str(d.dueAt)),
        ),
        text: inline(d.body),
      };
    case 'RequestAssigned':
      return {
        what: d.previousDivision
          ? t.moved(
              names.division(str(d.previousDivision)),
              names.division(str(d.division)),
              names.person(str(d.assignee)),
            )
          : t.assigned(names.division(str(d.division)), names.person(str(d.assignee))),
      };
    case 'ConsultationRequested':
      return { what: t.viewAsked(names.person(str(d.person))), text: str(d.question) };
    case 'ConsultationRecorded':
      return {
        what: t.viewRecorded(names.person(str(d.person)), strings.actions.outcomes[str(d.outcome)] ?? ''),
        text: str(d.note),
      };
    case 'ClarificationRequested':
      return { what: t.clarificationAsked(num(d.remainingWorkingDays)), text: inline(d.message) };
    case 'ClarificationReceived':
      return { what: t.clarificationReceived(formatDateTime(str(d.dueAt))) };
    case 'RequesterMessageReceived':
      return { what: t.requesterWrote(str(d.from) || t.theRequester), text: inline(d.body) };
    case 'DeadlineExtended':
      return { what: t.extended(num(d.workingDays), formatDateTime(str(d.dueAt))), text: str(d.reason) };
    case 'DueDateRecalculated': {
      const cause = (d.cause ?? {}) as Data;
      return {
        what: t.dueMoved(
          formatDateTime(str(d.dueAt)),
          t.causes[str(cause.kind)]?.(str(cause.name) || String(cause.year ?? '')) ?? '',
        ),
      };
    }
    case 'ResponseSent':
      return {
        what: t.responded(
          strings.actions.dispositions[str(d.disposition)] ?? '',
          list(d.to).join(', '),
          list(d.cc).join(', '),
        ),
        text: [inline(d.body), str(d.reason)].filter(Boolean).join('\n\n'),
      };
    case 'SocialMessageSent':
      return {
        what: t.socialMessageSent(
          strings.correspondence.mailPurposes[str(d.purpose)] ?? '',
          strings.correspondence.platforms[str(d.platform)] ?? '',
        ),
      };
    case 'MailSent':
      return { what: t.mailSent(strings.correspondence.mailPurposes[str(d.purpose)] ?? '', list(d.to).join(', ')) };
    case 'ResponseDelivered':
      return { what: t.delivered(list(d.recipients).join(', ')) };
    case 'ResponseBounced':
      return {
        what: t.bounced(list(d.recipients).join(', '), strings.correspondence.bounceKinds[str(d.bounceType)] ?? ''),
        text: str(d.diagnostic),
      };
    case 'RequestArchived':
      return { what: t.archived(list(d.topics).join(', '), d.publishable === true) };
    case 'RequestClosed':
      return str(d.reason) === 'published'
        ? { what: t.answeredWithPage(str(d.url)), text: str(d.note) }
        : { what: t.closed(strings.actions.closeReasons[str(d.reason)] ?? ''), text: str(d.note) };
    case 'NoteAdded':
      return { what: t.note, text: str(d.text) };
    case 'SlaAtRisk':
      return { what: t.atRisk(formatDateTime(str(d.dueAt))) };
    case 'SlaBreached':
      return { what: t.breached(formatDateTime(str(d.dueAt))) };
    case 'BreachAlertSent':
      return {
        what: t.alerted(
          list(d.recipients)
            .map((r) => names.person(r))
            .join(', '),
        ),
      };
    default:
      return { what: t.other };
  }
};

const Details = ({ event, names, requestId }: { event: StoredEvent; names: Names; requestId?: string | undefined }) => {
  const { text } = describe(event, names);
  const data = (event.data ?? {}) as Data;
  const attachments = Array.isArray(data.attachments) ? (data.attachments as ListedAttachment[]) : [];
  if (!text && attachments.length === 0) return null;
  return (
    <div>
      {text && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</div>}
      {attachments.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
          {attachments.map((a, i) => (
            <li key={i}>
              <AttachmentLink attachment={a} {...(requestId ? { requestId } : {})} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

/**
 * Every event of the request, oldest first, in business words: what happened, who did it, when, and the
 * words written (notes, questions, views) in full. No event type, field name or raw id is shown.
 */
export const Timeline = ({
  events,
  loading,
  names,
  requestId,
}: {
  events: readonly StoredEvent[];
  loading: boolean;
  names: Names;
  requestId?: string;
}) => (
  <Table
    header={
      <Header variant="h2" counter={`(${events.length})`}>
        {t.title}
      </Header>
    }
    loading={loading}
    loadingText={strings.app.loading}
    items={[...events]}
    wrapLines
    variant="container"
    columnDefinitions={[
      { id: 'v', header: '#', cell: (e) => e.version, width: 60 },
      { id: 'at', header: t.when, cell: (e) => formatDateTime(e.occurredAt), width: 170 },
      {
        id: 'what',
        header: t.what,
        cell: (e) => <Box fontWeight="bold">{describe(e, names).what}</Box>,
        isRowHeader: true,
      },
      { id: 'actor', header: t.by, cell: (e) => actorName(e.actor, names) },
      { id: 'details', header: t.details, cell: (e) => <Details event={e} names={names} requestId={requestId} /> },
    ]}
  />
);
