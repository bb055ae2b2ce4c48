import type { Actor } from '../../domain/agency/actor.js';
import { checkHeldMailAction, mailStatus } from '../../domain/intake/held-mail.js';
import { requesterFrom } from '../../domain/intake/requester.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { MailCommand } from '../../domain/intake/mail-decider.js';
import type { MailEventOf } from '../../events/intake-events.js';
import type { LoadedAgency } from '../../domain/agency/loaded-agency.js';
import type { EventStore } from '../event-store.js';
import type { CommandOutcome, RequestCommands } from '../request/commands.js';
import { mailCommands } from './mail-stream.js';

export interface HoldingPenDeps {
  readonly store: EventStore;
  readonly commands: RequestCommands;
  readonly agency: LoadedAgency;
}

export type HoldingPenAction =
  | { readonly type: 'attach'; readonly requestId: string }
  | { readonly type: 'promote' }
  | { readonly type: 'discard'; readonly reason: string };

/**
 * An intake officer's decision on a held mail, recorded on the mail's stream: attached to a request
 * (as a message from the requester), turned into a new request, or discarded with a reason. The
 * request side runs with an idempotency key, so a retried decision has one effect.
 */
export const decideHeldMail = async (
  deps: HoldingPenDeps,
  mailId: string,
  action: HoldingPenAction,
  actor: Actor,
  now: string,
): Promise<{ requestId?: string }> => {
  const mail = mailCommands(deps.store);
  const { events } = (await mail.load(mailId)).state;
  // The same rule the mail's decider applies when the decision is recorded, asked first: nothing
  // happens on the request side for a mail that is not held, or for someone who is not an intake officer.
  const refused = checkHeldMailAction(actor, mailStatus(events), action.type);
  if (refused) throw refused;
  const received = events.find(
    (e): e is MailEventOf<'MailReceived'> => e.type === 'MailReceived',
  ) as MailEventOf<'MailReceived'>;
  const metadata = { now, actor };
  const key = `held:${mailId}`;
  const d = received.data;
  const fields = {
    subject: d.subject,
    body: d.body,
    attachments: d.attachments,
    receivedAt: d.receivedAt,
    channel: 'email' as const,
    ...(d.messageId ? { messageId: d.messageId } : {}),
  };
  const settled = (outcome: CommandOutcome): string => {
    if (!outcome.ok) throw outcome.error;
    return outcome.requestId;
  };
  let command: MailCommand;
  let requestId: string | undefined;
  switch (action.type) {
    case 'attach':
      requestId = settled(
        await deps.commands.execute(
          action.requestId,
          {
            type: 'ReceiveRequesterMessage',
            data: { ...(d.from ? { from: d.from } : {}), ...fields },
            metadata: { now, actor: { kind: 'system', component: 'holding-pen' } },
          },
          key,
        ),
      );
      command = { type: 'AttachHeldMail', data: { requestId }, metadata };
      break;
    case 'promote': {
      if (!d.from)
        throw new DomainError(
          'INVALID_INPUT',
          'this mail has no readable sender; register it with POST /requests instead',
        );
      const requester = requesterFrom(d.from, d.fromName, deps.agency.config.agency.agencyDomains);
      requestId = settled(
        await deps.commands.receive(
          { requester, ...(d.replyTo && d.replyTo !== requester.email ? { replyTo: d.replyTo } : {}), ...fields },
          metadata,
          key,
        ),
      );
      command = { type: 'PromoteHeldMail', data: { requestId }, metadata };
      break;
    }
    case 'discard':
      command = { type: 'DiscardHeldMail', data: { reason: action.reason }, metadata };
      break;
  }
  const settledMail = await mail.handle(mailId, command);
  if (!settledMail.ok) throw settledMail.error;
  return requestId ? { requestId } : {};
};
