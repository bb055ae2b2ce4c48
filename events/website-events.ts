import * as z from 'zod';
import { eventFamily, eventSchema } from './envelope.js';
import { AttachmentRef, Content, Instant, LocalDate, RequestReference } from './primitives.js';
import { dueDateChangeCause } from './request-events.js';

/**
 * Events of the website-update workflow (stream `website#<id>`): the agency plan's clauses 3–4 and 7.
 * A division gives ICT services the complete information of an event, news item, announcement or
 * notification; ICT confirms it complete (or returns it) and publishes it on the official website.
 */

const UserId = z.string().min(1).max(100);

/** `WEB-<YYYY>-<NNNNN>`: website updates are numbered per year, apart from requests. */
export const WebsiteUpdateId = z.string().regex(/^WEB-\d{4}-\d{5,}$/, 'expected WEB-<YYYY>-<NNNNN>');

export const WebsiteUpdateKind = z.enum(['news', 'event', 'announcement', 'notification', 'information']);
export type WebsiteUpdateKind = z.infer<typeof WebsiteUpdateKind>;

/** A file for the website; `publishable` when it came from a response already shared with a requester. */
export const WebsiteAttachment = z.strictObject({ ...AttachmentRef.shape, publishable: z.boolean() });
export type WebsiteAttachment = z.infer<typeof WebsiteAttachment>;

/** The clocks of the workflow: the division's submission (clause 3) and ICT's publication (clause 4). */
export const WebsiteClock = z.enum(['submission', 'publication']);
export type WebsiteClock = z.infer<typeof WebsiteClock>;

/** Where a proposal from common requests came from: the topic and the archived requests on it. */
export const CommonRequestOrigin = z.strictObject({
  topic: z.string().min(1).max(100),
  requestIds: z.array(RequestReference).max(500),
});

const WebsiteUpdateSubmitted = () =>
  eventSchema(
    'WebsiteUpdateSubmitted',
    1,
    z.strictObject({
      updateId: WebsiteUpdateId,
      /** The division that owes the information (its chief hears when it is late). */
      division: z.string().min(1).max(64),
      kind: WebsiteUpdateKind,
      title: z.string().min(1).max(300),
      body: Content,
      /** The day of the event the update reports; absent when there is none (then due at once). */
      eventDate: LocalDate.optional(),
      attachments: z.array(WebsiteAttachment).max(100),
      origin: CommonRequestOrigin.optional(),
      /** Close of office on the 2nd working day after the event (the submission itself without an event date). */
      submissionDueAt: Instant,
    }),
  );

/** ICT services confirm the information complete: publication is due within one working day. */
const WebsiteUpdateCompleted = () =>
  eventSchema('WebsiteUpdateCompleted', 1, z.strictObject({ publicationDueAt: Instant }));

/** ICT services return the information as incomplete: their clock stops until the division resubmits. */
const WebsiteUpdateReturned = () =>
  eventSchema('WebsiteUpdateReturned', 1, z.strictObject({ reason: z.string().min(1).max(2_000) }));

/** The division sends the information again; a publication clock stopped by the return resumes. */
const WebsiteUpdateResubmitted = () =>
  eventSchema(
    'WebsiteUpdateResubmitted',
    1,
    z.strictObject({
      body: Content.optional(),
      attachments: z.array(WebsiteAttachment).max(100).optional(),
      /** The publication due date once the clock resumes; absent when ICT had not confirmed it complete yet. */
      publicationDueAt: Instant.optional(),
    }),
  );

const WebsiteUpdatePublished = () =>
  eventSchema('WebsiteUpdatePublished', 1, z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(2_000) }));

const WebsiteUpdateWithdrawn = () =>
  eventSchema('WebsiteUpdateWithdrawn', 1, z.strictObject({ reason: z.string().min(1).max(2_000) }));

/**
 * A pending due date moved because the agency calendar changed (a holiday declared or withdrawn, or a
 * year's official list recorded): the same causes as a request's `DueDateRecalculated`.
 */
const WebsiteDueDateRecalculated = () =>
  eventSchema(
    'WebsiteDueDateRecalculated',
    1,
    z.strictObject({
      clock: WebsiteClock,
      previousDueAt: Instant,
      dueAt: Instant,
      cause: dueDateChangeCause(),
    }),
  );

/** Raised once per clock and due date, like a request's SlaAtRisk / SlaBreached. */
const WebsiteSlaAtRisk = () =>
  eventSchema('WebsiteSlaAtRisk', 1, z.strictObject({ clock: WebsiteClock, dueAt: Instant }));
const WebsiteSlaBreached = () =>
  eventSchema('WebsiteSlaBreached', 1, z.strictObject({ clock: WebsiteClock, dueAt: Instant }));

const WebsiteBreachAlertSent = () =>
  eventSchema(
    'WebsiteBreachAlertSent',
    1,
    z.strictObject({
      digestId: z.string().min(1).max(200),
      kind: z.enum(['at_risk', 'breached', 'escalated']),
      recipients: z.array(UserId).min(1),
      dueAt: Instant,
    }),
  );

/** The yearly review pack went to the website review committee (stream `website-review#<year>`): once a year. */
const WebsiteReviewPackSent = () =>
  eventSchema(
    'WebsiteReviewPackSent',
    1,
    z.strictObject({
      year: z.number().int().min(2000).max(2200),
      recipients: z.array(UserId).min(1),
      sesMessageIds: z.array(z.string().min(1).max(998)),
    }),
  );

export const WebsiteEvent = eventFamily({
  WebsiteUpdateSubmitted,
  WebsiteUpdateCompleted,
  WebsiteUpdateReturned,
  WebsiteUpdateResubmitted,
  WebsiteUpdatePublished,
  WebsiteUpdateWithdrawn,
  WebsiteDueDateRecalculated,
  WebsiteSlaAtRisk,
  WebsiteSlaBreached,
  WebsiteBreachAlertSent,
});
export type WebsiteEvent = z.infer<typeof WebsiteEvent>;
export type WebsiteEventType = WebsiteEvent['type'];
export type WebsiteEventOf<T extends WebsiteEventType> = Extract<WebsiteEvent, { type: T }>;

export const WebsiteNotificationEvent = eventFamily({ WebsiteReviewPackSent });
