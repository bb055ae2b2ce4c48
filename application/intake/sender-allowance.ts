import { createHmac } from 'node:crypto';
import { senderDayDecider } from '../../domain/intake/sender-decider.js';
import { decideSenderAllowance, senderDay, type SenderAllowance } from '../../domain/intake/sender-allowance.js';
import { idOfStream, streamIdOf } from '../../domain/shared/stream-id.js';
import { DeciderCommandHandler } from '../command-handler.js';
import type { EventStore } from '../event-store.js';

/** The stream kind of a sender's day of acknowledgments: `sender#<hash of the address>#<day>`. */
export const SENDER_KIND = 'sender';

/** A sender's stream for one day: keyed by an HMAC of the address, so the address is never in an id. */
export const senderStreamId = (address: string, day: string, secret: string): string =>
  streamIdOf(
    SENDER_KIND,
    `${createHmac('sha256', `sender:${secret}`).update(address.toLowerCase()).digest('hex').slice(0, 32)}#${day}`,
  );

/**
 * Takes one of the sender's acknowledgments for the day the mail arrived (the agency's day), or says
 * the day's are all taken. Safe to run twice for one mail (it finds its own), and two mails from one
 * sender at once cannot both take the last one (the command handler's append is conditional on the
 * stream's head, and the loser decides again).
 */
export const takeSenderAllowance = async (
  deps: { readonly store: EventStore; readonly replySecret: string; readonly now: () => Date },
  mail: { readonly from: string; readonly mailId: string; readonly receivedAt: string; readonly timeZone: string },
): Promise<SenderAllowance> => {
  const day = senderDay(mail.receivedAt, mail.timeZone);
  const handler = new DeciderCommandHandler({
    store: deps.store,
    kind: SENDER_KIND,
    decider: () => senderDayDecider,
    state: senderDayDecider,
  });
  const outcome = await handler.handle(idOfStream(SENDER_KIND, senderStreamId(mail.from, day, deps.replySecret)), {
    type: 'TakeSenderAcknowledgment',
    data: { mailId: mail.mailId, day },
    metadata: { now: deps.now().toISOString(), actor: { kind: 'system', component: 'email-intake' } },
  });
  if (!outcome.ok) throw outcome.error;
  if (outcome.events.length > 0) return { kind: 'take' };
  return decideSenderAllowance(outcome.state.takenBy, mail.mailId);
};
