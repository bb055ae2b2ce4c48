import type { MailPurpose } from '../../events/request-events.js';
import { staffMessageId } from '../intake/references.js';
import type * as z from 'zod';

/**
 * Purposes of mail a request sends to its staff rather than to its requester. A reply to one is never
 * the requester's correspondence: it never enters the request as their message, never ends a
 * clarification, never restarts the clock.
 */
const STAFF_PURPOSES: ReadonlySet<z.infer<typeof MailPurpose>> = new Set(['consultation_request']);

/** Whether mail sent for this purpose went to staff (a view asked), not to the requester. */
export const isStaffMailPurpose = (purpose: z.infer<typeof MailPurpose>): boolean => STAFF_PURPOSES.has(purpose);

/** What a staff mail says, rendered by its template (`domain/mail/`, `domain/reports/`, `domain/sla/`). */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A staff mail, ready to send: the shape `application/outgoing-mail.ts` takes. */
export interface StaffMailEnvelope extends RenderedMail {
  readonly from: { readonly name: string; readonly address: string };
  readonly replyTo: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly attachments: readonly never[];
  readonly headers: Readonly<Record<string, string>>;
  readonly messageId: string;
}

/** The name staff see mail from the desk under. */
export const deskSenderName = (agencyName: string): string => `Request Desk — ${agencyName}`;

/**
 * The envelope of every mail the desk sends its staff (digests, the monthly report, the website review
 * pack, a view asked): from the desk under the agency's name, no copies, no attachments, marked
 * automatic so that no responder answers it. Its Message-ID is a {@link staffMessageId} of `staffKey`
 * in the sender's domain (so that a reply to it is recognised as staff mail and held, never threaded
 * into a request), unless the caller gives its own.
 */
export const staffMailEnvelope = (input: {
  readonly agencyName: string;
  /** The desk's address: the sender, and where replies go unless `replyTo` says otherwise. */
  readonly fromAddress: string;
  readonly to: readonly string[];
  readonly mail: RenderedMail;
  readonly messageId: { readonly staffKey: string } | { readonly exact: string };
  readonly replyTo?: string;
  /** Headers besides `Auto-Submitted` (`Precedence: bulk` for digests, a request's reference). */
  readonly headers?: Readonly<Record<string, string>>;
}): StaffMailEnvelope => ({
  from: { name: deskSenderName(input.agencyName), address: input.fromAddress },
  replyTo: input.replyTo ?? input.fromAddress,
  to: input.to,
  cc: [],
  subject: input.mail.subject,
  text: input.mail.text,
  html: input.mail.html,
  attachments: [],
  headers: { ...input.headers, 'Auto-Submitted': 'auto-generated' },
  messageId:
    'exact' in input.messageId
      ? input.messageId.exact
      : staffMessageId(input.messageId.staffKey, domainOf(input.fromAddress)),
});

/** The domain of an address (`intake@necs.gov.bt` → `necs.gov.bt`). */
const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1);
