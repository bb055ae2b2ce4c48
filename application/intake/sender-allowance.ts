import { createHmac } from 'node:crypto';
import { decideSenderAllowance, senderDay, type SenderAllowance } from '../../domain/intake/sender-allowance.js';
import type { SenderEvent } from '../../events/intake-events.js';
import { ConcurrencyError } from '../errors.js';
import type { EventStore } from '../event-store.js';

/** A sender's stream for one day: keyed by an HMAC of the address, so the address is never in an id. */
export const senderStreamId = (address: string, day: string, secret: string): string =>
  `sender#${createHmac('sha256', `sender:${secret}`).update(address.toLowerCase()).digest('hex').slice(0, 32)}#${day}`;

/**
 * Takes one of the sender's acknowledgments for the day the mail arrived (the agency's day), or says
 * the day's are all taken. Safe to run twice for one mail (it finds its own), and two mails from one
 * sender at once cannot both take the last one (the append is conditional on the stream's head).
 */
export const takeSenderAllowance = async (
  deps: { readonly store: EventStore; readonly replySecret: string; readonly now: () => Date },
  mail: { readonly from: string; readonly mailId: string; readonly receivedAt: string; readonly timeZone: string },
): Promise<SenderAllowance> => {
  const day = senderDay(mail.receivedAt, mail.timeZone);
  const streamId = senderStreamId(mail.from, day, deps.replySecret);
  for (let attempt = 0; ; attempt++) {
    const read = await deps.store.read(streamId);
    const taken = read.events.map((e) => (e.event as SenderEvent).data.mailId);
    const allowance = decideSenderAllowance(taken, mail.mailId);
    if (allowance.kind !== 'take') return allowance;
    const event: SenderEvent = {
      type: 'SenderAcknowledgmentTaken',
      schemaVersion: 1,
      occurredAt: deps.now().toISOString(),
      actor: { kind: 'system', component: 'email-intake' },
      data: { mailId: mail.mailId, day },
    };
    try {
      await deps.store.append(streamId, [event], read.head);
      return allowance;
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || attempt >= 7) throw err;
    }
  }
};
