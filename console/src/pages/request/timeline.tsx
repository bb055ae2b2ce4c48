import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { Schemas } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { AttachmentLink, type ListedAttachment } from './attachment-link';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const HIDDEN = ['body', 'responseId', 'mailId', 'sesMessageId', 'messageId', 'storageKey', 'requestId', 'responseWorkingDays'];
import { strings } from '../../commons/strings';

type StoredEvent = Schemas['History']['events'][number];

export const actorName = (a: StoredEvent['actor']) => {
  if (a.kind !== 'user') return a.component;
  const role = typeof a.role === 'string' ? a.role : '';
  return role ? `${a.userId} (${strings.roles[role] ?? role})` : a.userId;
};

const scalar = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/** What an event changed, in a line or two: its plain fields, mail recipients, attachments. */
export const EventSummary = ({ event, requestId }: { event: StoredEvent; requestId?: string }) => {
  const data = event.data as Record<string, unknown>;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (HIDDEN.includes(key)) continue;
    const s = scalar(value);
    if (s !== undefined) parts.push(`${key}: ${ISO.test(s) ? formatDateTime(s) : s.length > 120 ? `${s.slice(0, 117)}…` : s}`);
    else if (Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'string')) parts.push(`${key}: ${value.join(', ')}`);
    else if (key === 'requester' && value && typeof value === 'object') parts.push(`requester: ${(value as { name?: string }).name ?? ''}`);
  }
  const attachments = Array.isArray(data.attachments) ? (data.attachments as ListedAttachment[]) : [];
  return (
    <div>
      <Box variant="small">{parts.join(' · ')}</Box>
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
 * Every event of the request, oldest first: who, when, what changed, including mail sent, delivered or
 * bounced; with `requestId` (staff) the attachments download.
 */
export const Timeline = ({ events, loading, requestId }: { events: readonly StoredEvent[]; loading: boolean; requestId?: string }) => (
  <Table
    header={<Header variant="h2" counter={`(${events.length})`}>{strings.request.timeline}</Header>}
    loading={loading}
    loadingText={strings.app.loading}
    items={[...events]}
    wrapLines
    variant="container"
    columnDefinitions={[
      { id: 'v', header: '#', cell: (e) => e.version, width: 60 },
      { id: 'at', header: strings.request.at, cell: (e) => formatDateTime(e.occurredAt), width: 170 },
      { id: 'type', header: strings.audit.type, cell: (e) => <Box fontWeight="bold">{e.type}</Box>, isRowHeader: true },
      { id: 'actor', header: strings.request.actor, cell: (e) => actorName(e.actor) },
      { id: 'what', header: strings.request.staleChanges, cell: (e) => <EventSummary event={e} {...(requestId ? { requestId } : {})} /> },
    ]}
  />
);
