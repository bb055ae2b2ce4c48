import type { RequestEventOf, RequestEventType } from '../../events/request-events.js';
import type { AttachmentRef, Channel, Content, Requester } from '../../events/primitives.js';
import type { Command } from '../shared/command.js';

type DataOf<T extends RequestEventType> = RequestEventOf<T>['data'];

export type ReceiveRequest = Command<
  'ReceiveRequest',
  {
    requestId: string;
    channel: Channel;
    requester: Requester;
    replyTo?: string;
    subject: string;
    body: Content;
    attachments: readonly AttachmentRef[];
    receivedAt: string;
    messageId?: string;
    /** For a social message: the agency's account (page id) it came to. */
    account?: string;
  }
>;
export type AssignRequest = Command<'AssignRequest', { division: string; assignee?: string }>;
export type RecordConsultation = Command<'RecordConsultation', DataOf<'ConsultationRecorded'>>;
/** Division staff ask a spokesperson or a colleague of the division for their view. */
export type RequestConsultation = Command<'RequestConsultation', { person: string; question: string }>;
export type RequestClarification = Command<'RequestClarification', { message: Content }>;
export type ReceiveRequesterMessage = Command<'ReceiveRequesterMessage', DataOf<'RequesterMessageReceived'>>;
export type ExtendDeadline = Command<'ExtendDeadline', { workingDays: number; reason: string }>;
export type SendResponse = Command<
  'SendResponse',
  {
    responseId: string;
    body: Content;
    disposition: 'full' | 'partial' | 'refused';
    reason?: string;
    attachments: readonly AttachmentRef[];
  }
>;
export type RecordMailSent = Command<'RecordMailSent', DataOf<'MailSent'>>;
/** The platform accepted a private message to a social request's requester. */
export type RecordSocialMessageSent = Command<'RecordSocialMessageSent', DataOf<'SocialMessageSent'>>;
export type RecordDelivery = Command<'RecordDelivery', DataOf<'ResponseDelivered'>>;
export type RecordBounce = Command<'RecordBounce', DataOf<'ResponseBounced'>>;
export type ArchiveRequest = Command<'ArchiveRequest', DataOf<'RequestArchived'>>;
export type CloseRequest = Command<'CloseRequest', DataOf<'RequestClosed'>>;
export type AddNote = Command<'AddNote', DataOf<'NoteAdded'>>;
/** Answers the request by pointing the requester to a page the agency published (close reason `published`). */
export type AnswerWithPublishedPage = Command<'AnswerWithPublishedPage', { url: string; note?: string }>;
/** The breach scan's command: flags the request at risk or breached if it is, once per due date. */
export type CheckSla = Command<'CheckSla', Record<string, never>>;
export type RecordBreachAlert = Command<'RecordBreachAlert', DataOf<'BreachAlertSent'>>;
/** The calendar changed: recompute the due date under the decider's (new) calendar. */
export type RecalculateDueDate = Command<'RecalculateDueDate', { cause: DataOf<'DueDateRecalculated'>['cause'] }>;

export type RequestCommand =
  | ReceiveRequest
  | AssignRequest
  | RecordConsultation
  | RequestConsultation
  | RequestClarification
  | ReceiveRequesterMessage
  | ExtendDeadline
  | SendResponse
  | RecordMailSent
  | RecordSocialMessageSent
  | RecordDelivery
  | RecordBounce
  | ArchiveRequest
  | CloseRequest
  | AddNote
  | AnswerWithPublishedPage
  | CheckSla
  | RecordBreachAlert
  | RecalculateDueDate;

export type RequestCommandType = RequestCommand['type'];
export type RequestCommandOf<T extends RequestCommandType> = Extract<RequestCommand, { type: T }>;
