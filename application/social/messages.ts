import { systemActor } from '../../domain/agency/actor.js';
import { isOpen } from '../../domain/request/state.js';
import { bodyOf, senderName, subjectOf, type InboundSocialMessage } from '../../domain/social/messages.js';
import type { SocialPlatform } from '../../events/primitives.js';
import type { SocialSenderEvent } from '../../events/social-message-events.js';
import { ConcurrencyError, IdempotencyKeyReusedError } from '../errors.js';
import type { EventStore } from '../event-store.js';
import { storeContent, type ObjectStore } from '../object-store.js';
import type { CommandOutcome, RequestCommands } from '../request/commands.js';

/** The component that places social messages, as events record it. */
export const SOCIAL_INTAKE = 'social-intake';

export interface SocialIntakeDeps {
  readonly store: EventStore;
  readonly commands: RequestCommands;
  readonly objects: ObjectStore;
  readonly now: () => Date;
}

/** What became of one message: a new request, a message on the sender's open one, a redelivery, or refused. */
export interface SocialIntakeResult {
  readonly outcome: 'new_request' | 'joined' | 'duplicate' | 'refused';
  readonly requestId?: string;
  /** Why a message was refused (the request rules said no); logged, never the message itself. */
  readonly reason?: string;
}

/** The stream of one person on one platform: which messages were taken, and into which request. */
export const socialSenderStreamId = (platform: SocialPlatform, senderId: string): string =>
  `social-sender#${platform}#${senderId}`;

/** The message id is the idempotency key of the command it becomes: a redelivery replays, never repeats. */
const idempotencyKeyOf = (m: InboundSocialMessage): string => `social:${m.platform}:${m.messageId}`;

/**
 * Messages of one sender are placed one after another within this process, so that "Hi" and the question
 * right behind it find the request the first one opened (across processes, the sender stream's
 * conditional append decides; see {@link receiveSocialMessage}).
 */
const queues = new Map<string, Promise<unknown>>();
const inTurn = <T>(key: string, run: () => Promise<T>): Promise<T> => {
  const turn = (queues.get(key) ?? Promise.resolve()).then(run, run);
  const settled = turn.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => queues.get(key) === settled && queues.delete(key));
  return turn;
};

/**
 * Places one private message: it joins the sender's open request (`RequesterMessageReceived`), or opens a
 * new one (channel `social`, the requester known by platform and sender id, due like any other). The
 * sender's stream records each message id taken, so a platform's redelivery or a replay changes nothing.
 * Not acknowledged here: the request's events call for the acknowledgment, which goes back privately.
 */
export const receiveSocialMessage = (
  deps: SocialIntakeDeps,
  message: InboundSocialMessage,
): Promise<SocialIntakeResult> =>
  inTurn(socialSenderStreamId(message.platform, message.senderId), () => place(deps, message));

const place = async (deps: SocialIntakeDeps, message: InboundSocialMessage): Promise<SocialIntakeResult> => {
  const streamId = socialSenderStreamId(message.platform, message.senderId);
  const read = await deps.store.read(streamId);
  const taken = read.events.map((e) => e.event as SocialSenderEvent);
  const earlier = taken.find((e) => e.data.messageId === message.messageId);
  if (earlier) return { outcome: 'duplicate', requestId: earlier.data.requestId };
  const current = taken.at(-1)?.data.requestId;
  const open = current ? isOpen((await deps.commands.load(current)).state) : false;

  const now = deps.now().toISOString();
  const metadata = { now, actor: systemActor(SOCIAL_INTAKE) };
  const body = await storeContent(deps.objects, 'bodies', bodyOf(message));
  const subject = subjectOf(message);
  const key = idempotencyKeyOf(message);
  let outcome: CommandOutcome;
  try {
    outcome =
      open && current
        ? await deps.commands.execute(
            current,
            {
              type: 'ReceiveRequesterMessage',
              data: {
                subject,
                body,
                attachments: [],
                receivedAt: now,
                messageId: message.messageId,
                channel: 'social',
              },
              metadata,
            },
            key,
          )
        : await deps.commands.receive(
            {
              channel: 'social',
              requester: {
                name: senderName(message.platform, message.senderId),
                kind: 'public',
                platform: message.platform,
                senderId: message.senderId,
              },
              subject,
              body,
              attachments: [],
              receivedAt: now,
              messageId: message.messageId,
              account: message.account,
            },
            metadata,
            key,
          );
  } catch (err) {
    // The same message id already became a different command (a crash between the request and this stream).
    if (err instanceof IdempotencyKeyReusedError) return { outcome: 'duplicate' };
    throw err;
  }
  if (!outcome.ok) return { outcome: 'refused', reason: outcome.error.message };
  const routed: SocialSenderEvent = {
    type: 'SocialMessageRouted',
    schemaVersion: 1,
    occurredAt: now,
    actor: { kind: 'system', component: SOCIAL_INTAKE },
    data: {
      platform: message.platform,
      senderId: message.senderId,
      messageId: message.messageId,
      outcome: open ? 'joined' : 'new_request',
      requestId: outcome.requestId,
      sentAt: message.sentAt,
    },
  };
  for (let head = read.head, attempt = 0; ; attempt++) {
    try {
      await deps.store.append(streamId, [routed], head);
      break;
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || attempt >= 7) throw err;
      const again = await deps.store.read(streamId);
      if (again.events.some((e) => (e.event as SocialSenderEvent).data.messageId === message.messageId)) break;
      head = again.head;
    }
  }
  return { outcome: routed.data.outcome, requestId: outcome.requestId };
};
