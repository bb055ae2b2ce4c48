import type { AttachmentRef, Content } from '../../events/primitives.js';
import type { RequestEvent } from '../../events/request-events.js';
import { acknowledgment } from '../mail/templates.js';
import { exists, fold, type Request } from '../request/state.js';
import { isOpenStatus } from '../request/statuses.js';

/**
 * What a requester may read of their own request (the portal's tracking page, `GET /public/requests/{id}`):
 * what they sent and every mail the agency sent them, in order. Built from a whitelist of event types and
 * fields — notes, consultations, views asked, staff names, SLA flags, delivery reports and the division
 * never enter it, whatever the history holds.
 */

/** The statuses as the requester lives them: consultation and assignment are the agency's business. */
export const PUBLIC_STATUSES = ['received', 'in_progress', 'awaiting_your_reply', 'responded', 'closed'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** One piece of a message's text: plain words, or content kept in object storage to read. */
export type TextPart = string | Content;

/** A file as the requester sees it: its name, type, size and digest (its storage key stays inside). */
export interface PublicAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

export interface PublicMessageDraft {
  readonly at: string;
  readonly direction: 'in' | 'out';
  /** Why it was written, for the page's heading of each message. */
  readonly kind:
    'request' | 'message' | 'acknowledgment' | 'clarification' | 'response' | 'published_answer' | 'withdrawn';
  /** The text, in parts joined by a blank line once any stored content is read. */
  readonly text: readonly TextPart[];
  readonly attachments: readonly PublicAttachment[];
}

export interface PublicRequestDraft {
  readonly id: string;
  readonly subject: string;
  readonly status: PublicStatus;
  readonly receivedAt: string;
  readonly dueAt: string;
  /** Set while the agency waits for the requester's answer (the clock stopped). */
  readonly waitingSince: string | null;
  readonly respondedAt: string | null;
  readonly closedAt: string | null;
  /** Why it was closed, in the contract's words (`withdrawn`, `duplicate`, …); null while it is not. */
  readonly closeReason: string | null;
  /** Whether the requester may still write or withdraw (the request is open). */
  readonly open: boolean;
  readonly messages: readonly PublicMessageDraft[];
}

const publicAttachment = (a: AttachmentRef): PublicAttachment => ({
  filename: a.filename,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
});

/** The status a requester reads: working states are one "in progress". */
export const publicStatus = (s: Request): PublicStatus => {
  switch (s.status) {
    case 'received':
      return 'received';
    case 'assigned':
    case 'in_consultation':
      return 'in_progress';
    case 'awaiting_clarification':
      return 'awaiting_your_reply';
    case 'responded':
    case 'archived':
      return 'responded';
    case 'closed':
      return s.closed?.reason === 'published' ? 'responded' : 'closed';
  }
};

const withheld = (disposition: 'full' | 'partial' | 'refused', reason: string | undefined): string[] =>
  disposition === 'full'
    ? []
    : [
        `${disposition === 'partial' ? 'Some of the information you asked for is withheld' : 'We are unable to provide the information you asked for'}: ${reason ?? ''}`,
      ];

/** The requester's messages and the agency's mail to them, in the order they happened. */
const messagesOf = (events: readonly RequestEvent[], agencyName: string, timeZone: string): PublicMessageDraft[] => {
  const messages: PublicMessageDraft[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'RequestReceived':
        messages.push({
          at: e.data.receivedAt,
          direction: 'in',
          kind: 'request',
          text: [e.data.body],
          attachments: e.data.attachments.map(publicAttachment),
        });
        if (e.data.requester.email || e.data.replyTo || e.data.requester.senderId) {
          const ctx = {
            agencyName,
            reference: e.data.requestId,
            requesterName: e.data.requester.name,
            subject: e.data.subject,
            timeZone,
          };
          messages.push({
            at: e.occurredAt,
            direction: 'out',
            kind: 'acknowledgment',
            text: [acknowledgment(ctx, e.data.dueAt, e.data.responseWorkingDays).text.split('\n--\n')[0]?.trim() ?? ''],
            attachments: [],
          });
        }
        break;
      case 'RequesterMessageReceived':
        messages.push({
          at: e.data.receivedAt,
          direction: 'in',
          kind: 'message',
          text: [e.data.body],
          attachments: e.data.attachments.map(publicAttachment),
        });
        break;
      case 'ClarificationRequested':
        messages.push({
          at: e.occurredAt,
          direction: 'out',
          kind: 'clarification',
          text: [e.data.message],
          attachments: [],
        });
        break;
      case 'ResponseSent':
        messages.push({
          at: e.occurredAt,
          direction: 'out',
          kind: 'response',
          text: [e.data.body, ...withheld(e.data.disposition, e.data.reason)],
          attachments: e.data.attachments.map(publicAttachment),
        });
        break;
      case 'RequestClosed':
        if (e.data.reason === 'published' && e.data.url) {
          messages.push({
            at: e.occurredAt,
            direction: 'out',
            kind: 'published_answer',
            text: [
              'The information you asked for is published on our website, where anyone can read it at any time:',
              e.data.url,
            ],
            attachments: [],
          });
        } else if (e.data.reason === 'withdrawn' && e.actor.kind === 'system' && e.actor.component === 'requester') {
          messages.push({
            at: e.occurredAt,
            direction: 'in',
            kind: 'withdrawn',
            text: ['You withdrew this request.'],
            attachments: [],
          });
        }
        break;
      default:
        // Notes, consultations, assignments, SLA flags, delivery reports: the agency's own record.
        break;
    }
  }
  return messages;
};

/**
 * The requester's view of a request from its events, or undefined when there is no request. The agency's
 * name and time zone word the acknowledgment as it was mailed.
 */
export const publicRequestView = (
  events: readonly RequestEvent[],
  agencyName: string,
  timeZone: string,
): PublicRequestDraft | undefined => {
  const state = fold(events);
  if (!exists(state)) return undefined;
  const respondedAt = state.responses[0]?.sentAt ?? (state.closed?.reason === 'published' ? state.closed.at : null);
  return {
    id: state.id,
    subject: state.subject,
    status: publicStatus(state),
    receivedAt: state.receivedAt,
    dueAt: state.dueAt,
    waitingSince: state.pausedAt ?? null,
    respondedAt,
    closedAt: state.closed?.at ?? null,
    closeReason: state.closed?.reason ?? null,
    open: isOpenStatus(state.status),
    messages: messagesOf(events, agencyName, timeZone),
  };
};
