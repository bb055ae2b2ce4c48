import type { PrivateMessage, SocialMessenger } from '../../application/social/messages-outbound.js';

/** One message the local stand-in "sent": what a platform would have delivered, privately, to one person. */
export interface LocalSocialMessage extends PrivateMessage {
  /** The stand-in's id of the message, as a platform would return one. */
  readonly messageId: string;
  readonly sentAt: string;
}

/**
 * The local stand-in for a platform's Send API: it keeps what it was asked to send, in order, for
 * `GET /_local/social-outbox` and for tests. Nothing leaves the machine.
 */
export const localSocialMessenger = (now: () => Date) => {
  const sent: LocalSocialMessage[] = [];
  const messenger: SocialMessenger = {
    sendPrivateMessage: async (message) => {
      const messageId = `local-${sent.length + 1}`;
      sent.push({ ...message, messageId, sentAt: now().toISOString() });
      return { messageId };
    },
  };
  return { messenger, outbox: (): readonly LocalSocialMessage[] => [...sent] };
};

/** The contract's local values for Meta's webhook (never used on AWS, where they are in Secrets Manager). */
export const LOCAL_META_APP_SECRET = 'local-app-secret';
export const LOCAL_META_VERIFY_TOKEN = 'local-verify-token';
