import * as z from 'zod';
import { EmailAddress } from './email-address.js';
import { eventFamily, eventSchema } from './envelope.js';
import { AttachmentRef, Content, Instant, LocalDate, RequestReference, Sha256Hex } from './primitives.js';

/** A part we kept but do not offer as an attachment (an executable, a file over the limit). */
export const QuarantinedPart = z.strictObject({
  filename: z.string().max(255),
  contentType: z.string().max(255),
  sizeBytes: z.number().int().nonnegative(),
  sha256: Sha256Hex,
  storageKey: z.string().min(1).max(1024),
  reason: z.string().min(1).max(200),
});

/** Every mail that reaches the intake address, as received: the raw message is always kept. */
const MailReceived = () =>
  eventSchema(
    'MailReceived',
    1,
    z.strictObject({
      mailId: Sha256Hex,
      raw: z.strictObject({
        storageKey: z.string().min(1).max(1024),
        sha256: Sha256Hex,
        sizeBytes: z.number().int().nonnegative(),
      }),
      messageId: z.string().max(998).optional(),
      from: EmailAddress.optional(),
      fromName: z.string().max(200).optional(),
      /** The From header as written, when it held no address mail can be answered at: the officer still sees who wrote. */
      fromHeader: z.string().max(998).optional(),
      replyTo: EmailAddress.optional(),
      to: z.array(EmailAddress).max(100),
      subject: z.string().max(998),
      body: Content,
      attachments: z.array(AttachmentRef).max(100),
      quarantined: z.array(QuarantinedPart).max(100),
      receivedAt: Instant,
      /** Why the parser struggled, if it did (broken encodings, truncated parts): kept, not fatal. */
      parseWarnings: z.array(z.string().max(500)).max(20),
    }),
  );

/** The mail opened a request or was added to one. */
const MailRouted = () =>
  eventSchema(
    'MailRouted',
    1,
    z.strictObject({
      outcome: z.enum(['new_request', 'threaded']),
      requestId: RequestReference,
      reason: z.string().max(500),
    }),
  );

/** The mail could not be placed with confidence: it waits for an intake officer. */
const MailHeld = () =>
  eventSchema(
    'MailHeld',
    1,
    z.strictObject({
      reason: z.string().min(1).max(100),
      detail: z.string().max(1000),
      candidateRequestId: RequestReference.optional(),
    }),
  );

/** The mail needs no action and gets no answer (auto-reply, bounce, duplicate, spam): recorded, never dropped. */
const MailIgnored = () =>
  eventSchema('MailIgnored', 1, z.strictObject({ reason: z.string().min(1).max(100), detail: z.string().max(1000) }));

/** Holding pen decisions by an intake officer. */
const HeldMailAttached = () => eventSchema('HeldMailAttached', 1, z.strictObject({ requestId: RequestReference }));
const HeldMailPromoted = () => eventSchema('HeldMailPromoted', 1, z.strictObject({ requestId: RequestReference }));
const HeldMailDiscarded = () =>
  eventSchema('HeldMailDiscarded', 1, z.strictObject({ reason: z.string().min(1).max(1000) }));

export const MailEvent = eventFamily({
  MailReceived,
  MailRouted,
  MailHeld,
  MailIgnored,
  HeldMailAttached,
  HeldMailPromoted,
  HeldMailDiscarded,
});
export type MailEvent = z.infer<typeof MailEvent>;
export type MailEventOf<T extends MailEvent['type']> = Extract<MailEvent, { type: T }>;

/**
 * One of a sender's acknowledgments for a day (the agency's calendar day), taken by a new mail before it
 * becomes a request: on the sender's own stream for that day (`sender#<hash of the address>#<day>`), so
 * that intake acknowledges at most a few new mails a day from one sender (a mail loop with an
 * auto-responder that ignores RFC 3834 stops there). The address itself is never written here.
 */
const SenderAcknowledgmentTaken = () =>
  eventSchema('SenderAcknowledgmentTaken', 1, z.strictObject({ mailId: Sha256Hex, day: LocalDate }));

export const SenderEvent = eventFamily({ SenderAcknowledgmentTaken });
export type SenderEvent = z.infer<typeof SenderEvent>;
