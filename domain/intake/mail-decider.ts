import type { MailEvent, MailEventOf } from '../../events/intake-events.js';
import type { Command } from '../shared/command.js';
import type { Decider } from '../shared/decider.js';
import { DomainError } from '../shared/errors.js';
import { checkHeldMailAction, mailStatus } from './held-mail.js';

type Outcome = MailEventOf<'MailRouted'> | MailEventOf<'MailHeld'> | MailEventOf<'MailIgnored'>;

/** Intake records a mail as received and what it decided about it (routed, held or ignored), together. */
export type RecordInboundMail = Command<
  'RecordInboundMail',
  {
    received: MailEventOf<'MailReceived'>['data'];
    outcome: { [T in Outcome['type']]: { type: T; data: Extract<Outcome, { type: T }>['data'] } }[Outcome['type']];
  }
>;
/** An intake officer attaches a held mail to a request (as a message from its requester). */
export type AttachHeldMail = Command<'AttachHeldMail', { requestId: string }>;
/** An intake officer makes a new request of a held mail. */
export type PromoteHeldMail = Command<'PromoteHeldMail', { requestId: string }>;
/** An intake officer discards a held mail, with a reason. */
export type DiscardHeldMail = Command<'DiscardHeldMail', { reason: string }>;

export type MailCommand = RecordInboundMail | AttachHeldMail | PromoteHeldMail | DiscardHeldMail;

/** One inbound mail's stream (`mail#<sha-256 of the raw message>`) folded: its events so far. */
export interface MailState {
  readonly events: readonly MailEvent[];
}

const ACTIONS = { AttachHeldMail: 'attach', PromoteHeldMail: 'promote', DiscardHeldMail: 'discard' } as const;

/**
 * One inbound mail as a decider. Intake records it once: a redelivery of the same raw message (same
 * hash, same stream) records nothing. Held mail is then settled once, by an intake officer.
 */
export const mailDecider: Decider<MailCommand, MailEvent, MailState> = {
  decide: (command, state) => {
    const { now, actor } = command.metadata;
    if (command.type === 'RecordInboundMail') {
      if (actor.kind !== 'system') return new DomainError('FORBIDDEN', 'inbound mail is recorded by email intake');
      if (state.events.length > 0) return [];
      const { received, outcome } = command.data;
      return [
        { type: 'MailReceived', schemaVersion: 1, occurredAt: now, actor, data: received },
        { ...outcome, schemaVersion: 1, occurredAt: now, actor } as MailEvent,
      ];
    }
    const refused = checkHeldMailAction(actor, mailStatus(state.events), ACTIONS[command.type]);
    if (refused) return refused;
    const recorded = {
      kind: 'user' as const,
      userId: actor.kind === 'user' ? actor.userId : 'system',
      role: 'intake_officer' as const,
    };
    switch (command.type) {
      case 'AttachHeldMail':
        return [{ type: 'HeldMailAttached', schemaVersion: 1, occurredAt: now, actor: recorded, data: command.data }];
      case 'PromoteHeldMail':
        return [{ type: 'HeldMailPromoted', schemaVersion: 1, occurredAt: now, actor: recorded, data: command.data }];
      case 'DiscardHeldMail':
        return [{ type: 'HeldMailDiscarded', schemaVersion: 1, occurredAt: now, actor: recorded, data: command.data }];
    }
  },
  evolve: (state, event) => ({ events: [...state.events, event] }),
  initialState: () => ({ events: [] }),
};
