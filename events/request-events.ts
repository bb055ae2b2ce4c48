import * as z from 'zod';
import { EmailAddress } from './email-address.js';
import { eventFamily, eventSchema } from './envelope.js';
import {
  AttachmentRef,
  Channel,
  Content,
  Instant,
  LocalDate,
  RequestReference,
  Requester,
  SocialPlatform,
  SocialSenderId,
} from './primitives.js';

const UserId = z.string().min(1).max(100);

const RequestReceived = () =>
  eventSchema(
    'RequestReceived',
    1,
    z.strictObject({
      requestId: RequestReference,
      channel: Channel,
      requester: Requester,
      /** Where answers go when it differs from the requester's address (a mail's Reply-To). */
      replyTo: EmailAddress.optional(),
      subject: z.string().max(998),
      body: Content,
      attachments: z.array(AttachmentRef).max(100),
      receivedAt: Instant,
      /** The Message-ID of the mail that opened the request, for email intake; the platform's message id (`mid`) for a social message. */
      messageId: z.string().max(998).optional(),
      /** For a social message: the agency's account it was sent to (the platform's id of the page). */
      account: z.string().min(1).max(100).optional(),
      /** The working days the agency committed to at receipt (the plan says five). */
      responseWorkingDays: z.number().int().positive(),
      dueAt: Instant,
    }),
  );

const RequestAssigned = () =>
  eventSchema(
    'RequestAssigned',
    1,
    z.strictObject({
      division: z.string().min(1),
      assignee: UserId.optional(),
      previousDivision: z.string().min(1).optional(),
    }),
  );

export const ConsultationWith = z.enum(['division', 'spokesperson']);
export const ConsultationOutcome = z.enum(['cleared', 'advice', 'concerns']);

/** v2: who was consulted is explicit (`with`); v1 only said whether it was a spokesperson. */
const ConsultationRecorded = () =>
  eventSchema(
    'ConsultationRecorded',
    2,
    z.strictObject({
      with: ConsultationWith,
      person: UserId,
      outcome: ConsultationOutcome,
      note: z.string().max(10_000).optional(),
    }),
  );

/**
 * Division staff asked someone (a media spokesperson, or a colleague of the division) for their view.
 * `notify` is who was told, decided with the directory of that moment: the person, and whoever stands
 * in for them while they are on leave.
 */
const ConsultationRequested = () =>
  eventSchema(
    'ConsultationRequested',
    1,
    z.strictObject({
      with: ConsultationWith,
      person: UserId,
      question: z.string().min(1).max(2_000),
      notify: z.array(UserId).min(1).max(10),
    }),
  );

const ClarificationRequested = () =>
  eventSchema(
    'ClarificationRequested',
    1,
    z.strictObject({
      message: Content,
      /** Working days that were left when the clock stopped; the requester's answer restarts it with these. */
      remainingWorkingDays: z.number().int().nonnegative(),
    }),
  );

const ClarificationReceived = () =>
  eventSchema(
    'ClarificationReceived',
    1,
    z.strictObject({
      previousDueAt: Instant,
      dueAt: Instant,
    }),
  );

const RequesterMessageReceived = () =>
  eventSchema(
    'RequesterMessageReceived',
    1,
    z.strictObject({
      from: EmailAddress.optional(),
      subject: z.string().max(998),
      body: Content,
      attachments: z.array(AttachmentRef).max(100),
      receivedAt: Instant,
      messageId: z.string().max(998).optional(),
      channel: Channel,
    }),
  );

const DeadlineExtended = () =>
  eventSchema(
    'DeadlineExtended',
    1,
    z.strictObject({
      workingDays: z.number().int().positive(),
      reason: z.string().min(1).max(2_000),
      previousDueAt: Instant,
      dueAt: Instant,
    }),
  );

/** Why a due date moved: the calendar change (a request's and a website update's `DueDateRecalculated`). */
export const dueDateChangeCause = () =>
  z
    .strictObject({
      kind: z.enum(['holiday_declared', 'holiday_withdrawn', 'official_list_recorded']),
      /** The holiday's date; absent only for an official list, which names its `year`. */
      date: LocalDate.optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      name: z.string().max(200).optional(),
    })
    .refine((c) => (c.kind === 'official_list_recorded' ? c.year !== undefined : c.date !== undefined), {
      message: 'a holiday change names its date; an official list names its year',
    });

/**
 * The due date moved because the agency calendar changed (a holiday declared or withdrawn, or a
 * year's official holiday list recorded in place of the computed one).
 */
const DueDateRecalculated = () =>
  eventSchema(
    'DueDateRecalculated',
    1,
    z.strictObject({
      previousDueAt: Instant,
      dueAt: Instant,
      cause: dueDateChangeCause(),
    }),
  );

export const Disposition = z.enum(['full', 'partial', 'refused']);

const ResponseSent = () =>
  eventSchema(
    'ResponseSent',
    1,
    z.strictObject({
      responseId: z.string().min(1).max(100),
      body: Content,
      disposition: Disposition,
      reason: z.string().max(10_000).optional(),
      attachments: z.array(AttachmentRef).max(100),
      to: z.array(EmailAddress),
      cc: z.array(EmailAddress),
    }),
  );

/**
 * `consultation_request`: the notice to a colleague asked for their view (never to the requester).
 * `due_date_moved`: tells the requester their new due date and why (an extension, a holiday, an official list).
 */
export const MailPurpose = z.enum([
  'acknowledgment',
  'clarification',
  'response',
  'archive_copy',
  'published_answer',
  'consultation_request',
  'due_date_moved',
]);

/**
 * The platform accepted a private message to the requester of a social request (the acknowledgment, a
 * clarification, the response…): `messageId` is ours (`<REF>.v<N>`, the event that called for it, as a
 * mail's id), `platformMessageIds` the platform's, one per part when a long text went in several.
 */
const SocialMessageSent = () =>
  eventSchema(
    'SocialMessageSent',
    1,
    z.strictObject({
      messageId: z.string().min(1).max(200),
      purpose: MailPurpose,
      platform: SocialPlatform,
      recipientId: SocialSenderId,
      platformMessageIds: z.array(z.string().min(1).max(500)).min(1).max(20),
    }),
  );

/** SES accepted one of our mails; its message id lets replies thread back onto the request. */
const MailSent = () =>
  eventSchema(
    'MailSent',
    1,
    z.strictObject({
      mailId: z.string().min(1).max(200),
      purpose: MailPurpose,
      sesMessageId: z.string().min(1).max(998),
      to: z.array(EmailAddress),
    }),
  );

const ResponseDelivered = () =>
  eventSchema(
    'ResponseDelivered',
    1,
    z.strictObject({
      sesMessageId: z.string().min(1).max(998),
      recipients: z.array(EmailAddress),
      deliveredAt: Instant,
    }),
  );

const ResponseBounced = () =>
  eventSchema(
    'ResponseBounced',
    1,
    z.strictObject({
      sesMessageId: z.string().min(1).max(998),
      recipients: z.array(EmailAddress),
      bounceType: z.enum(['permanent', 'transient', 'undetermined', 'complaint']),
      diagnostic: z.string().max(2_000).optional(),
    }),
  );

/** Longest archive topic, counted after normalisation (trimmed, lower-cased: "İ" lower-cases to two units). */
export const TOPIC_MAX_LENGTH = 100;

const RequestArchived = () =>
  eventSchema(
    'RequestArchived',
    1,
    z.strictObject({
      topics: z.array(z.string().min(1).max(TOPIC_MAX_LENGTH)).max(20),
      publishable: z.boolean(),
    }),
  );

/** `published`: answered by pointing the requester to what the agency already published on its website. */
export const CloseReason = z.enum(['duplicate', 'spam', 'withdrawn', 'transferred', 'out_of_scope', 'published']);

const RequestClosed = () =>
  eventSchema(
    'RequestClosed',
    1,
    z.strictObject({
      reason: CloseReason,
      note: z.string().max(10_000).optional(),
      /** With reason `published`: the page the requester was pointed to. */
      url: z
        .url({ protocol: /^https?$/ })
        .max(2_000)
        .optional(),
    }),
  );

const NoteAdded = () => eventSchema('NoteAdded', 1, z.strictObject({ text: z.string().min(1).max(10_000) }));

const SlaAtRisk = () => eventSchema('SlaAtRisk', 1, z.strictObject({ dueAt: Instant }));

const SlaBreached = () => eventSchema('SlaBreached', 1, z.strictObject({ dueAt: Instant }));

const BreachAlertSent = () =>
  eventSchema(
    'BreachAlertSent',
    1,
    z.strictObject({
      digestId: z.string().min(1).max(200),
      kind: z.enum(['at_risk', 'breached', 'escalated']),
      recipients: z.array(UserId).min(1),
      dueAt: Instant,
    }),
  );

export const RequestEvent = eventFamily({
  RequestReceived,
  RequestAssigned,
  ConsultationRecorded,
  ConsultationRequested,
  ClarificationRequested,
  ClarificationReceived,
  RequesterMessageReceived,
  DeadlineExtended,
  DueDateRecalculated,
  ResponseSent,
  MailSent,
  SocialMessageSent,
  ResponseDelivered,
  ResponseBounced,
  RequestArchived,
  RequestClosed,
  NoteAdded,
  SlaAtRisk,
  SlaBreached,
  BreachAlertSent,
});
export type RequestEvent = z.infer<typeof RequestEvent>;
export type RequestEventType = RequestEvent['type'];
/** One event type's shape, e.g. `RequestEventOf<'RequestAssigned'>`. */
export type RequestEventOf<T extends RequestEventType> = Extract<RequestEvent, { type: T }>;
