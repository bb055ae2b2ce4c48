import type { AutomaticSignal } from './automatic-mail.js';

/** What is known of a request a mail may belong to. */
export interface CandidateRequest {
  readonly requestId: string;
  readonly exists: boolean;
  /** Closed and archived requests accept nothing from mail; the mail waits in the holding pen. */
  readonly acceptsMessages: boolean;
  /** Addresses the requester writes from or asked us to answer to, lower case. */
  readonly requesterAddresses: readonly string[];
}

export interface RoutingFacts {
  readonly fromAddress?: string;
  /** The sender is one of the agency's own addresses: answering would start a loop. */
  readonly fromOurAddress: boolean;
  readonly automatic?: AutomaticSignal;
  /** The receiving service's verdicts (SES's receipt), never the message's own headers. */
  readonly verdicts: { readonly spam?: string; readonly virus?: string; readonly dmarc?: string };
  /** A per-request reply address among the recipients, and whether its token is genuine. */
  readonly replyAddress?: { readonly candidate?: CandidateRequest; readonly genuine: boolean };
  /**
   * A request named by In-Reply-To / References: a message we sent for it, or (`byRequesterMessage`)
   * one of the requester's own mails, which only the requester's own replies may thread on.
   */
  readonly threadedBy?: CandidateRequest & { readonly byRequesterMessage?: boolean };
  /** A request named as `[REF]` in the subject. */
  readonly subjectReference?: CandidateRequest;
  /**
   * In-Reply-To / References name mail we sent to staff (a view asked, a digest, a notice): the
   * request it was about, when it was about one. Such a reply is never the requester's.
   */
  readonly repliesToStaffMail?: { readonly requestId?: string };
}

export type Routing =
  | { readonly outcome: 'ignore'; readonly reason: string; readonly detail: string }
  | { readonly outcome: 'hold'; readonly reason: string; readonly detail: string; readonly candidateRequestId?: string }
  | { readonly outcome: 'thread'; readonly requestId: string; readonly reason: string }
  | { readonly outcome: 'new_request'; readonly reason: string };

const place = (candidate: CandidateRequest, how: string): Routing => {
  if (!candidate.exists)
    return {
      outcome: 'hold',
      reason: 'unknown_reference',
      detail: `${how} names ${candidate.requestId}, which does not exist`,
    };
  if (!candidate.acceptsMessages) {
    return {
      outcome: 'hold',
      reason: 'request_closed',
      detail: `${how} names ${candidate.requestId}, which is closed or archived`,
      candidateRequestId: candidate.requestId,
    };
  }
  return { outcome: 'thread', requestId: candidate.requestId, reason: how };
};

const fromRequester = (f: RoutingFacts, c: CandidateRequest): boolean => {
  const from = f.fromAddress?.toLowerCase();
  return from !== undefined && c.requesterAddresses.includes(from);
};

/**
 * Where a received mail goes. Nothing is dropped: what is not placed with confidence is held for an
 * intake officer, and what needs no action is recorded as ignored. The system never answers an
 * auto-reply, a bounce, or mail from its own addresses.
 */
export const routeMail = (f: RoutingFacts): Routing => {
  for (const verdict of ['spam', 'virus'] as const) {
    if (f.verdicts[verdict]?.toUpperCase() === 'FAIL')
      return { outcome: 'ignore', reason: `${verdict}_fail`, detail: `SES ${verdict} verdict FAIL` };
  }
  // A DMARC failure may be a forgery or a mis-configured sender: an officer decides, nothing is dropped.
  if (f.verdicts.dmarc?.toUpperCase() === 'FAIL')
    return {
      outcome: 'hold',
      reason: 'dmarc_fail',
      detail: 'SES DMARC verdict FAIL: the From domain did not authenticate this mail',
    };
  if (f.fromOurAddress)
    return { outcome: 'ignore', reason: 'own_address', detail: `sent from our own address ${f.fromAddress ?? ''}` };
  if (f.automatic?.strength === 'strong')
    return { outcome: 'ignore', reason: f.automatic.kind, detail: f.automatic.reason };
  if (f.repliesToStaffMail) {
    const about = f.repliesToStaffMail.requestId;
    return {
      outcome: 'hold',
      reason: 'reply_to_staff_mail',
      detail: `a reply to mail Request Desk sent to staff${about ? ` about ${about}` : ''} (a view asked, a digest or a notice): it is not the requester's correspondence; a view is recorded on the request's page in Request Desk`,
      ...(about ? { candidateRequestId: about } : {}),
    };
  }
  const candidate = f.replyAddress?.candidate ?? f.threadedBy ?? f.subjectReference;
  if (f.automatic) {
    return {
      outcome: 'hold',
      reason: `possible_${f.automatic.kind}`,
      detail: f.automatic.reason,
      ...(candidate?.exists ? { candidateRequestId: candidate.requestId } : {}),
    };
  }
  if (f.replyAddress) {
    if (!f.replyAddress.genuine || !f.replyAddress.candidate) {
      return {
        outcome: 'hold',
        reason: 'forged_reply_address',
        detail: 'sent to a per-request address whose token is not genuine',
      };
    }
    return place(f.replyAddress.candidate, 'reply address');
  }
  if (f.threadedBy?.byRequesterMessage) {
    const t = f.threadedBy;
    if (t.exists && !fromRequester(f, t)) {
      return {
        outcome: 'hold',
        reason: 'sender_mismatch',
        detail: `In-Reply-To/References names a mail of ${t.requestId}'s requester, but the sender is not its requester`,
        candidateRequestId: t.requestId,
      };
    }
    return place(t, "In-Reply-To/References naming the requester's own mail");
  }
  if (f.threadedBy) return place(f.threadedBy, 'In-Reply-To/References');
  if (f.subjectReference) {
    const s = f.subjectReference;
    if (!s.exists) return place(s, 'subject');
    if (!fromRequester(f, s)) {
      return {
        outcome: 'hold',
        reason: 'sender_mismatch',
        detail: `the subject names ${s.requestId}, but the sender is not its requester`,
        candidateRequestId: s.requestId,
      };
    }
    return place(s, 'subject reference from the requester');
  }
  if (!f.fromAddress)
    return { outcome: 'hold', reason: 'unreadable_sender', detail: 'the From address could not be read' };
  return { outcome: 'new_request', reason: 'a new mail to the intake address' };
};
