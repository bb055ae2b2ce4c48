import type { SenderEvent } from '../../events/intake-events.js';
import type { Command } from '../shared/command.js';
import type { Decider } from '../shared/decider.js';
import { DomainError } from '../shared/errors.js';
import { decideSenderAllowance } from './sender-allowance.js';

/** A new mail asks for one of its sender's acknowledgments of the day (stream `sender#<hash>#<day>`). */
export type TakeSenderAcknowledgment = Command<'TakeSenderAcknowledgment', { mailId: string; day: string }>;

/** The mails that took the sender's acknowledgments that day, in order. */
export interface SenderDayState {
  readonly takenBy: readonly string[];
}

/**
 * One sender's day of acknowledgments as a decider: a mail takes one while the day's limit allows it;
 * a mail that took one already, or one past the limit, records nothing (see `decideSenderAllowance`
 * for which of the two it was). Intake alone asks.
 */
export const senderDayDecider: Decider<TakeSenderAcknowledgment, SenderEvent, SenderDayState> = {
  decide: (command, state) => {
    const { actor, now } = command.metadata;
    if (actor.kind !== 'system') return new DomainError('FORBIDDEN', 'acknowledgments are taken by email intake');
    if (decideSenderAllowance(state.takenBy, command.data.mailId).kind !== 'take') return [];
    return [{ type: 'SenderAcknowledgmentTaken', schemaVersion: 1, occurredAt: now, actor, data: command.data }];
  },
  evolve: (state, event) => ({ takenBy: [...state.takenBy, event.data.mailId] }),
  initialState: () => ({ takenBy: [] }),
};
