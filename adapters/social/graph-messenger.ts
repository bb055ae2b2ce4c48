import * as z from 'zod';
import type { PrivateMessage, SocialMessenger } from '../../application/social/messages-outbound.js';

/** The Graph API version the Send API is called at. */
export const GRAPH_API_VERSION = 'v21.0';

const SendReply = z.looseObject({ recipient_id: z.string().optional(), message_id: z.string().min(1) });

/** The Send API refused the message: its error as Meta gave it (code, subcode), without the text sent. */
export class SendApiError extends Error {
  override readonly name = 'SendApiError';
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Meta's Send API (`POST https://graph.facebook.com/<version>/me/messages`) with the page access token:
 * one private text message to a person who wrote to the page. Within 24 hours of their last message it is
 * a `RESPONSE`; after that a `MESSAGE_TAG` with the `HUMAN_AGENT` tag (a person of the agency answering,
 * which Meta allows up to 7 days after the person's message). Never a post or a comment.
 */
export const graphMessenger = (
  pageAccessToken: () => Promise<string>,
  fetchImpl: typeof fetch = fetch,
): SocialMessenger => ({
  sendPrivateMessage: async (message: PrivateMessage) => {
    if (message.platform !== 'facebook') throw new Error(`no messenger for ${message.platform}`);
    const body = {
      recipient: { id: message.recipientId },
      message: { text: message.text },
      ...(message.window === 'response'
        ? { messaging_type: 'RESPONSE' }
        : { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }),
    };
    const res = await fetchImpl(`https://graph.facebook.com/${GRAPH_API_VERSION}/me/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await pageAccessToken()}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const reply: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const error = z
        .looseObject({ error: z.looseObject({ code: z.number().optional(), message: z.string().optional() }) })
        .safeParse(reply);
      throw new SendApiError(
        res.status,
        error.success ? error.data.error.code : undefined,
        `the Send API answered ${res.status}${error.success && error.data.error.message ? `: ${error.data.error.message.slice(0, 200)}` : ''}`,
      );
    }
    return { messageId: SendReply.parse(reply).message_id };
  },
});
