import type { AttachmentRef, Channel, Requester } from '../../events/primitives.js';
import type { EventActor } from '../../events/actor.js';
import type { RequestEvent, RequestEventOf } from '../../events/request-events.js';
import type { ScheduleAdjustment } from '../calendar/schedule.js';

import { isOpenStatus, type RequestStatus } from './statuses.js';

// Defined in statuses.ts with the other groupings; re-exported for the callers that import them with the state.
export { OPEN_STATUSES, type RequestStatus } from './statuses.js';

export interface Consultation {
  readonly with: 'division' | 'spokesperson';
  readonly person: string;
  readonly outcome: 'cleared' | 'advice' | 'concerns';
  readonly note?: string;
  readonly recordedAt: string;
  readonly recordedBy: EventActor;
}

/** Someone asked for their view: pending until that person's consultation is recorded. */
export interface ConsultationAsk {
  readonly with: 'division' | 'spokesperson';
  readonly person: string;
  readonly question: string;
  readonly askedAt: string;
  readonly askedBy: EventActor;
  /** Set when the person's outcome was recorded (by them, or by whoever stood in for them). */
  readonly answeredAt?: string;
}

export interface ResponseRecord {
  readonly responseId: string;
  readonly sentAt: string;
  readonly sentBy: EventActor;
  readonly disposition: 'full' | 'partial' | 'refused';
  readonly reason?: string;
  readonly attachments: readonly AttachmentRef[];
  readonly to: readonly string[];
  readonly cc: readonly string[];
}

export interface MailRecord {
  readonly mailId: string;
  readonly purpose: RequestEventOf<'MailSent'>['data']['purpose'];
  readonly sesMessageId: string;
  readonly to: readonly string[];
  readonly sentAt: string;
  readonly deliveredTo: readonly string[];
  readonly bounced: readonly { readonly recipients: readonly string[]; readonly bounceType: string }[];
}

/** A private message the agency sent on the requester's social platform. */
export interface SocialMessageRecord {
  /** Ours: `<REF>.v<N>`, the event that called for it. */
  readonly messageId: string;
  readonly purpose: RequestEventOf<'SocialMessageSent'>['data']['purpose'];
  readonly sentAt: string;
  readonly platformMessageIds: readonly string[];
}

/** A request as the workflow knows it: everything here is folded from its events. */
export interface Request {
  readonly status: RequestStatus;
  readonly id: string;
  readonly channel: Channel;
  readonly requester: Requester;
  readonly replyTo?: string;
  readonly subject: string;
  readonly receivedAt: string;
  readonly messageId?: string;
  readonly responseWorkingDays: number;
  readonly dueAt: string;
  readonly division?: string;
  readonly assignee?: string;
  /** The status to return to when the requester answers a clarification. */
  readonly statusBeforeClarification?: RequestStatus;
  /** Set while a clarification has stopped the clock. */
  readonly pausedAt?: string;
  readonly adjustments: readonly ScheduleAdjustment[];
  readonly extendedWorkingDays: number;
  readonly consultations: readonly Consultation[];
  /** Every time someone was asked for their view, answered or not. */
  readonly consultationAsks: readonly ConsultationAsk[];
  readonly responses: readonly ResponseRecord[];
  readonly mails: readonly MailRecord[];
  /** Private messages sent to the requester of a social request. */
  readonly socialMessages: readonly SocialMessageRecord[];
  /** For a social request: the agency's account (the platform's page id) the first message came to. */
  readonly account?: string;
  readonly archived?: { readonly topics: readonly string[]; readonly publishable: boolean; readonly at: string };
  readonly closed?: { readonly reason: string; readonly note?: string; readonly at: string };
  readonly notes: number;
  readonly requesterMessages: number;
  /** When the requester last wrote (the request, or a later message): a chat platform's reply window counts from it. */
  readonly lastHeardAt: string;
  /** Message-IDs of the requester's mails on this request, so their later replies thread here. */
  readonly messageIds: readonly string[];
  /** Due dates for which the SLA flags were raised (once per request and due date). */
  readonly flaggedAtRisk: readonly string[];
  readonly flaggedBreached: readonly string[];
  readonly alertDigests: readonly string[];
  readonly lastEventAt: string;
}

export type RequestState = { readonly status: 'none' } | Request;

export const initialState = (): RequestState => ({ status: 'none' });

export const exists = (state: RequestState): state is Request => state.status !== 'none';

export const isOpen = (state: RequestState): state is Request => exists(state) && isOpenStatus(state.status);

/**
 * A spokesperson's outcome is on record. Since the spokesperson's own-clearance rule every such record
 * is theirs (or their stand-in's), so the rule `SPOKESPERSON_NOT_CONSULTED` protects holds by construction.
 */
export const hasSpokespersonConsultation = (state: Request): boolean =>
  state.consultations.some((c) => c.with === 'spokesperson');

/** The asks still waiting for the person's view. */
export const pendingAsks = (state: Request): readonly ConsultationAsk[] =>
  state.consultationAsks.filter((a) => a.answeredAt === undefined);

const opened = (e: RequestEventOf<'RequestReceived'>): Request => ({
  status: 'received',
  id: e.data.requestId,
  channel: e.data.channel,
  requester: e.data.requester,
  ...(e.data.replyTo ? { replyTo: e.data.replyTo } : {}),
  subject: e.data.subject,
  receivedAt: e.data.receivedAt,
  ...(e.data.messageId ? { messageId: e.data.messageId } : {}),
  responseWorkingDays: e.data.responseWorkingDays,
  dueAt: e.data.dueAt,
  adjustments: [],
  extendedWorkingDays: 0,
  consultations: [],
  consultationAsks: [],
  responses: [],
  mails: [],
  socialMessages: [],
  ...(e.data.account ? { account: e.data.account } : {}),
  notes: 0,
  requesterMessages: 0,
  lastHeardAt: e.data.receivedAt,
  messageIds: e.data.messageId ? [e.data.messageId] : [],
  flaggedAtRisk: [],
  flaggedBreached: [],
  alertDigests: [],
  lastEventAt: e.occurredAt,
});

const updateMail = (s: Request, sesMessageId: string, f: (m: MailRecord) => MailRecord): readonly MailRecord[] =>
  s.mails.map((m) => (m.sesMessageId === sesMessageId ? f(m) : m));

/**
 * Applies one event. Events are facts: evolve never refuses one, it only folds it in.
 * An event for a request that does not exist yet, other than RequestReceived, leaves the state as it is.
 */
export const evolve = (state: RequestState, event: RequestEvent): RequestState => {
  if (!exists(state)) return event.type === 'RequestReceived' ? opened(event) : state;
  const s: Request = { ...state, lastEventAt: event.occurredAt };
  switch (event.type) {
    case 'RequestReceived':
      return state;
    case 'RequestAssigned': {
      const { assignee: _previous, ...rest } = s;
      return {
        ...rest,
        division: event.data.division,
        ...(event.data.assignee ? { assignee: event.data.assignee } : {}),
        status: s.status === 'received' ? 'assigned' : s.status,
      };
    }
    case 'ConsultationRecorded':
      return {
        ...s,
        consultations: [...s.consultations, { ...event.data, recordedAt: event.occurredAt, recordedBy: event.actor }],
        // Whatever was asked of this person is answered now.
        consultationAsks: s.consultationAsks.map((a) =>
          a.person === event.data.person && a.answeredAt === undefined ? { ...a, answeredAt: event.occurredAt } : a,
        ),
        status: s.status === 'assigned' ? 'in_consultation' : s.status,
      };
    case 'ConsultationRequested':
      return {
        ...s,
        consultationAsks: [
          ...s.consultationAsks,
          {
            with: event.data.with,
            person: event.data.person,
            question: event.data.question,
            askedAt: event.occurredAt,
            askedBy: event.actor,
          },
        ],
        status: s.status === 'assigned' ? 'in_consultation' : s.status,
      };
    case 'ClarificationRequested':
      return {
        ...s,
        status: 'awaiting_clarification',
        statusBeforeClarification:
          s.status === 'awaiting_clarification' ? (s.statusBeforeClarification ?? 'assigned') : s.status,
        pausedAt: event.occurredAt,
        adjustments: [...s.adjustments, { kind: 'pause', from: event.occurredAt }],
      };
    case 'ClarificationReceived': {
      const { pausedAt: _p, statusBeforeClarification, ...rest } = s;
      return {
        ...rest,
        status: statusBeforeClarification ?? 'assigned',
        dueAt: event.data.dueAt,
        adjustments: s.adjustments.map((a) =>
          a.kind === 'pause' && a.to === undefined ? { ...a, to: event.occurredAt } : a,
        ),
      };
    }
    case 'RequesterMessageReceived':
      return {
        ...s,
        requesterMessages: s.requesterMessages + 1,
        lastHeardAt: event.data.receivedAt,
        messageIds: event.data.messageId ? [...s.messageIds, event.data.messageId] : s.messageIds,
      };
    case 'DeadlineExtended':
      return {
        ...s,
        dueAt: event.data.dueAt,
        extendedWorkingDays: s.extendedWorkingDays + event.data.workingDays,
        adjustments: [
          ...s.adjustments,
          { kind: 'extension', at: event.occurredAt, workingDays: event.data.workingDays },
        ],
      };
    case 'DueDateRecalculated':
      return { ...s, dueAt: event.data.dueAt };
    case 'ResponseSent':
      return {
        ...s,
        status: 'responded',
        responses: [
          ...s.responses,
          {
            responseId: event.data.responseId,
            sentAt: event.occurredAt,
            sentBy: event.actor,
            disposition: event.data.disposition,
            ...(event.data.reason ? { reason: event.data.reason } : {}),
            attachments: event.data.attachments,
            to: event.data.to,
            cc: event.data.cc,
          },
        ],
      };
    case 'MailSent':
      return {
        ...s,
        mails: [...s.mails, { ...event.data, sentAt: event.occurredAt, deliveredTo: [], bounced: [] }],
      };
    case 'SocialMessageSent':
      return {
        ...s,
        socialMessages: [
          ...s.socialMessages,
          {
            messageId: event.data.messageId,
            purpose: event.data.purpose,
            sentAt: event.occurredAt,
            platformMessageIds: event.data.platformMessageIds,
          },
        ],
      };
    case 'ResponseDelivered':
      return {
        ...s,
        mails: updateMail(s, event.data.sesMessageId, (m) => ({
          ...m,
          deliveredTo: [...new Set([...m.deliveredTo, ...event.data.recipients])],
        })),
      };
    case 'ResponseBounced':
      return {
        ...s,
        mails: updateMail(s, event.data.sesMessageId, (m) => ({
          ...m,
          bounced: [...m.bounced, { recipients: event.data.recipients, bounceType: event.data.bounceType }],
        })),
      };
    case 'RequestArchived':
      return { ...s, status: 'archived', archived: { ...event.data, at: event.occurredAt } };
    case 'RequestClosed':
      return { ...s, status: 'closed', closed: { ...event.data, at: event.occurredAt } };
    case 'NoteAdded':
      return { ...s, notes: s.notes + 1 };
    case 'SlaAtRisk':
      return { ...s, flaggedAtRisk: [...s.flaggedAtRisk, event.data.dueAt] };
    case 'SlaBreached':
      return { ...s, flaggedBreached: [...s.flaggedBreached, event.data.dueAt] };
    case 'BreachAlertSent':
      return { ...s, alertDigests: [...s.alertDigests, event.data.digestId] };
  }
};

/** Folds a whole history. */
export const fold = (events: readonly RequestEvent[], from: RequestState = initialState()): RequestState =>
  events.reduce(evolve, from);
