import { ZonedDateTime } from '../time/zoned-date-time.js';

/**
 * At most this many acknowledgments a day to one sender. Past it, new mail from them is held
 * (`too_many_from_sender`), unanswered: an auto-responder that ignores RFC 3834 ("Ticket #n received")
 * and the acknowledgment would otherwise answer each other for ever, a new request each round.
 */
export const MAX_ACKNOWLEDGMENTS_PER_SENDER_DAY = 5;

/** What a new mail may do, given the mails already acknowledged for its sender that day. */
export type SenderAllowance =
  | { readonly kind: 'take' }
  /** This very mail took one earlier (a redelivery or a retry): it goes on as before. */
  | { readonly kind: 'already_taken' }
  | { readonly kind: 'over_limit'; readonly limit: number };

/** The agency's calendar day a mail arrived on, in its time zone: the day the limit counts. */
export const senderDay = (receivedAt: string, timeZone: string): string =>
  ZonedDateTime.fromISO(receivedAt, timeZone).toISODate() as string;

/** Whether a new mail from a sender may be acknowledged, given the mail ids that took that day's acknowledgments. */
export const decideSenderAllowance = (
  takenBy: readonly string[],
  mailId: string,
  limit = MAX_ACKNOWLEDGMENTS_PER_SENDER_DAY,
): SenderAllowance => {
  if (takenBy.includes(mailId)) return { kind: 'already_taken' };
  return takenBy.length < limit ? { kind: 'take' } : { kind: 'over_limit', limit };
};
