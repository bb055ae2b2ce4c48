import type { Content } from '../../events/primitives.js';
import type { WebsiteAttachment, WebsiteEventOf, WebsiteUpdateKind } from '../../events/website-events.js';
import type { Command } from '../shared/command.js';

/** A division gives ICT services the information of an event, news item, announcement or notification. */
export type SubmitWebsiteUpdate = Command<
  'SubmitWebsiteUpdate',
  {
    updateId: string;
    kind: WebsiteUpdateKind;
    title: string;
    body: Content;
    eventDate?: string;
    attachments: readonly WebsiteAttachment[];
  }
>;
/** Turns a commonly requested topic into an update for ICT, with the shared responses' files. */
export type ProposeFromCommonRequests = Command<
  'ProposeFromCommonRequests',
  {
    updateId: string;
    topic: string;
    title: string;
    body: Content;
    requestIds: readonly string[];
    attachments: readonly WebsiteAttachment[];
  }
>;
export type ConfirmComplete = Command<'ConfirmComplete', Record<string, never>>;
export type ReturnIncomplete = Command<'ReturnIncomplete', { reason: string }>;
export type ResubmitWebsiteUpdate = Command<
  'ResubmitWebsiteUpdate',
  { body?: Content; attachments?: readonly WebsiteAttachment[] }
>;
export type RecordPublished = Command<'RecordPublished', { url: string }>;
export type WithdrawWebsiteUpdate = Command<'WithdrawWebsiteUpdate', { reason: string }>;
/** The calendar changed: the pending due date is computed again (the cause is recorded with the move). */
export type RecalculateWebsiteDueDate = Command<
  'RecalculateWebsiteDueDate',
  { cause: WebsiteEventOf<'WebsiteDueDateRecalculated'>['data']['cause'] }
>;
/** The breach scan's command: flags the running clock at risk or breached, once per clock and due date. */
export type CheckWebsiteSla = Command<'CheckWebsiteSla', Record<string, never>>;
export type RecordWebsiteBreachAlert = Command<
  'RecordWebsiteBreachAlert',
  WebsiteEventOf<'WebsiteBreachAlertSent'>['data']
>;

export type WebsiteCommand =
  | SubmitWebsiteUpdate
  | ProposeFromCommonRequests
  | ConfirmComplete
  | ReturnIncomplete
  | ResubmitWebsiteUpdate
  | RecordPublished
  | WithdrawWebsiteUpdate
  | CheckWebsiteSla
  | RecordWebsiteBreachAlert
  | RecalculateWebsiteDueDate;

export type WebsiteCommandType = WebsiteCommand['type'];
export type WebsiteCommandOf<T extends WebsiteCommandType> = Extract<WebsiteCommand, { type: T }>;
/** The commands that create an update (the others act on one that exists). */
export type CreatingWebsiteCommand = SubmitWebsiteUpdate | ProposeFromCommonRequests;
