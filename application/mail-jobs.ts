import * as z from 'zod';
import { RequestReference } from '../events/primitives.js';
import type { RequestEvent } from '../events/request-events.js';

/** One mail to send, named by the event that calls for it. The mailer renders it from the request's state. */
export const MailJob = z.strictObject({
  mailId: z.string().regex(/^[A-Z0-9-]+\.v\d+$/),
  requestId: RequestReference,
  version: z.number().int().positive(),
  purpose: z.enum([
    'acknowledgment',
    'clarification',
    'response',
    'published_answer',
    'consultation_request',
    'due_date_moved',
  ]),
});
export type MailJob = z.infer<typeof MailJob>;

/**
 * The portal's confirmation mail: the link's token, nothing else. The mailer reads what was asked (name,
 * address, subject) from the unconfirmed submission the token's hash names, so the queue never holds the
 * requester's address, and a submission that expired or was confirmed meanwhile gets no mail.
 */
export const PortalConfirmationJob = z.strictObject({
  purpose: z.literal('portal_confirmation'),
  token: z.string().regex(/^[A-Za-z0-9_-]{32}$/),
});
export type PortalConfirmationJob = z.infer<typeof PortalConfirmationJob>;

/** Anything on the mail queue: a request's mail (from the outbox) or a portal confirmation (from the API). */
export const QueuedMail = z.union([MailJob, PortalConfirmationJob]);
export type QueuedMail = z.infer<typeof QueuedMail>;

/** Puts a portal confirmation on the mail queue (SQS on AWS and locally). */
export type ConfirmationQueue = (job: PortalConfirmationJob) => Promise<void>;

/**
 * The mail an event calls for, if any: acknowledgment, clarification request, official response,
 * answer with a published page, the notice to a colleague asked for their view, and the requester's
 * notice of a new due date (one per move: the event's mail id is `REF.vN`).
 */
export const mailJobFor = (requestId: string, version: number, event: RequestEvent): MailJob | undefined => {
  const purpose =
    event.type === 'RequestReceived'
      ? event.data.requester.email || event.data.replyTo || event.data.requester.senderId
        ? 'acknowledgment'
        : undefined
      : event.type === 'ClarificationRequested'
        ? 'clarification'
        : event.type === 'ResponseSent'
          ? 'response'
          : event.type === 'RequestClosed' && event.data.reason === 'published' && event.data.url
            ? 'published_answer'
            : event.type === 'ConsultationRequested'
              ? 'consultation_request'
              : (event.type === 'DeadlineExtended' || event.type === 'DueDateRecalculated') &&
                  event.data.dueAt !== event.data.previousDueAt
                ? 'due_date_moved'
                : undefined;
  return purpose ? { mailId: `${requestId}.v${version}`, requestId, version, purpose } : undefined;
};
