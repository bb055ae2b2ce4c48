import * as z from 'zod';
import type { SocialPlatform } from '../../events/primitives.js';

/**
 * Meta's Messenger Platform webhook, as documented ("messages", "messaging_postbacks", "message_echoes";
 * `object: "page"`, `entry[].messaging[]`). Loose objects: Meta adds fields over time, and a field we do
 * not read must never turn a delivery into a refusal.
 */
const Id = z.looseObject({ id: z.string().min(1).max(100) });

const MetaAttachment = z.looseObject({
  type: z.string().max(50),
  payload: z.looseObject({ url: z.string().max(4_000).optional(), title: z.string().max(1_000).optional() }).nullish(),
});

const MetaMessage = z.looseObject({
  mid: z.string().min(1).max(500),
  text: z.string().max(100_000).optional(),
  is_echo: z.boolean().optional(),
  attachments: z.array(MetaAttachment).max(100).optional(),
});

const MetaPostback = z.looseObject({
  mid: z.string().min(1).max(500).optional(),
  title: z.string().max(1_000).optional(),
  payload: z.string().max(1_000).optional(),
});

const MetaMessaging = z.looseObject({
  sender: Id,
  recipient: Id,
  timestamp: z.number().int().nonnegative(),
  message: MetaMessage.optional(),
  postback: MetaPostback.optional(),
});

export const MetaWebhookPayload = z.looseObject({
  object: z.string().max(50),
  entry: z
    .array(
      z.looseObject({
        id: z.string().min(1).max(100),
        time: z.number().optional(),
        messaging: z.array(MetaMessaging).max(1_000).optional(),
      }),
    )
    .max(1_000),
});
export type MetaWebhookPayload = z.infer<typeof MetaWebhookPayload>;

/** A file a person sent with a message: its kind and, while the platform keeps it, where to fetch it. */
export interface SocialAttachment {
  readonly type: string;
  readonly url?: string;
}

/** One private message from a person to one of the agency's accounts, whatever the platform. */
export interface InboundSocialMessage {
  readonly platform: SocialPlatform;
  /** The agency's account it came to (Meta: the page id). */
  readonly account: string;
  /** Who sent it (Meta: the page-scoped id, PSID). */
  readonly senderId: string;
  /** The platform's id of the message; the same on every redelivery. */
  readonly messageId: string;
  /** When the platform says it was sent. */
  readonly sentAt: string;
  /** What the person wrote; a button they pressed reads as its title. */
  readonly text: string;
  readonly attachments: readonly SocialAttachment[];
  readonly kind: 'message' | 'postback';
}

/** What a delivery carried besides messages, counted so the webhook can say what it ignored. */
export interface ParsedDelivery {
  readonly messages: readonly InboundSocialMessage[];
  /** Echoes of the page's own messages, delivery and read receipts, reactions: nothing for a request. */
  readonly ignored: number;
}

const instantOf = (ms: number): string => {
  const d = new Date(ms);
  // A timestamp no calendar can hold (year 275760 and beyond) is the sender's clock, not ours: epoch instead.
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
};

/**
 * The person's messages in one webhook delivery. An echo of a message the page itself sent (`is_echo`,
 * or a sender that is the page) is never a request; receipts, reactions and anything not a message or
 * a postback are ignored. A postback without its own `mid` (older payloads) is named by its sender and time.
 */
export const messagesOf = (payload: MetaWebhookPayload): ParsedDelivery => {
  if (payload.object !== 'page') return { messages: [], ignored: payload.entry.length };
  const messages: InboundSocialMessage[] = [];
  let ignored = 0;
  for (const entry of payload.entry) {
    for (const m of entry.messaging ?? []) {
      const fromPage = m.sender.id === entry.id || m.sender.id === m.recipient.id;
      const base = {
        platform: 'facebook' as const,
        account: m.recipient.id,
        senderId: m.sender.id,
        sentAt: instantOf(m.timestamp),
      };
      if (m.message && !m.message.is_echo && !fromPage) {
        const attachments = (m.message.attachments ?? []).map((a) => ({
          type: a.type,
          ...(a.payload?.url ? { url: a.payload.url } : {}),
        }));
        messages.push({
          ...base,
          messageId: m.message.mid,
          text: m.message.text ?? '',
          attachments,
          kind: 'message',
        });
      } else if (m.postback && !fromPage) {
        messages.push({
          ...base,
          messageId: m.postback.mid ?? `postback:${m.sender.id}:${m.timestamp}`,
          text: m.postback.title ?? m.postback.payload ?? '',
          attachments: [],
          kind: 'postback',
        });
      } else ignored++;
    }
  }
  return { messages, ignored };
};

const PLATFORM_NAMES: Readonly<Record<SocialPlatform, string>> = { facebook: 'Facebook' };

/** "Facebook": the platform as people call it. */
export const platformName = (platform: SocialPlatform): string => PLATFORM_NAMES[platform];

/**
 * How a person who wrote on a platform is named until someone knows better: the webhook carries no name,
 * only an id, so "Facebook user ending 4321" (the id's last digits tell two people apart on a list).
 */
export const senderName = (platform: SocialPlatform, senderId: string): string =>
  `${platformName(platform)} user ending ${senderId.slice(-4)}`;

const SUBJECT_LENGTH = 120;

/** A request's subject from a chat message: its first line, shortened at a word; or what kind of message it was. */
export const subjectOf = (message: Pick<InboundSocialMessage, 'platform' | 'text' | 'attachments'>): string => {
  const line =
    message.text
      .split(/\r?\n/)
      .find((l) => l.trim().length > 0)
      ?.trim() ?? '';
  if (line.length === 0)
    return message.attachments.length > 0
      ? `${platformName(message.platform)} message with ${message.attachments.length} attachment${message.attachments.length === 1 ? '' : 's'}`
      : `${platformName(message.platform)} message`;
  if (line.length <= SUBJECT_LENGTH) return line;
  const cut = line.slice(0, SUBJECT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUBJECT_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
};

/**
 * The message as the request keeps it: the text, then one line per attachment with its kind and link.
 * The files themselves are not fetched: the platform's links are the record, and they expire.
 */
export const bodyOf = (message: Pick<InboundSocialMessage, 'text' | 'attachments' | 'kind'>): string => {
  const lines = message.attachments.map((a) => `[${a.type} attachment${a.url ? `: ${a.url}` : ''}]`);
  const text = message.kind === 'postback' ? `[pressed the button “${message.text}”]` : message.text;
  return [text, ...lines].filter((l) => l.length > 0).join('\n');
};
