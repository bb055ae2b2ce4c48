import * as z from 'zod';
import { eventFamily, eventSchema } from './envelope.js';
import { Instant, RequestReference, SocialPlatform, SocialSenderId } from './primitives.js';

/**
 * A private message from a person on a social platform was placed: it opened a request, or joined that
 * person's open one. On the sender's own stream (`social-sender#<platform>#<sender id>`), whose head tells
 * intake which request a next message joins, and which lists every message id already taken, so that a
 * platform's redelivery of the same message is recognised and changes nothing.
 */
const SocialMessageRouted = () =>
  eventSchema(
    'SocialMessageRouted',
    1,
    z.strictObject({
      platform: SocialPlatform,
      senderId: SocialSenderId,
      /** The platform's id of the message (Meta's `mid`). */
      messageId: z.string().min(1).max(500),
      outcome: z.enum(['new_request', 'joined']),
      requestId: RequestReference,
      /** The instant the platform says the person sent it. */
      sentAt: Instant,
    }),
  );

export const SocialSenderEvent = eventFamily({ SocialMessageRouted });
export type SocialSenderEvent = z.infer<typeof SocialSenderEvent>;
