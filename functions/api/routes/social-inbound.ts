import * as z from 'zod';
import { receiveSocialMessage, type SocialIntakeResult } from '../../../application/social/messages.js';
import { messagesOf, MetaWebhookPayload } from '../../../domain/social/messages.js';
import { isGenuineMetaSignature, isOurVerifyToken } from '../../../domain/social/messages-signature.js';
import { HttpError } from '../errors.js';
import type { ApiServices, Route } from '../types.js';

const PATH = '/social/inbound/facebook';

const servicesOf = (services: ApiServices) => {
  if (!services.socialInbound)
    throw new HttpError(503, 'SOCIAL_NOT_CONFIGURED', 'social media messages are not set up here');
  return services.socialInbound;
};

const HandshakeQuery = z.object({
  'hub.mode': z.string().max(50).optional(),
  'hub.verify_token': z.string().max(500).optional(),
  'hub.challenge': z.string().max(500).optional(),
});

export const SocialDeliveryReply = z
  .strictObject({
    received: z.number().int().nonnegative().meta({ description: 'Messages that opened a request or joined one' }),
    duplicates: z.number().int().nonnegative().meta({ description: 'Messages already taken (a redelivery)' }),
    ignored: z
      .number()
      .int()
      .nonnegative()
      .meta({ description: "Echoes of the page's own messages, receipts, reactions, refused messages" }),
  })
  .meta({ id: 'SocialDeliveryReply' });

/** Meta's webhook for a page's private messages: the verify handshake and signed deliveries. */
export const socialInboundRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: PATH,
    public: true,
    summary: "Meta's verify handshake: answers the challenge when the verify token is ours",
    tags: ['social'],
    query: HandshakeQuery,
    replies: { 200: { description: 'The challenge, as sent', contentType: 'text/plain' } },
    errors: {
      400: 'No challenge to answer',
      403: 'Not a subscription, or not our verify token',
      503: 'Social media messages are not set up here',
    },
    handle: async (input) => {
      const query = input.query as z.infer<typeof HandshakeQuery>;
      const ours = await servicesOf(input.services).verifyToken();
      if (query['hub.mode'] !== 'subscribe' || !isOurVerifyToken(query['hub.verify_token'], ours))
        throw new HttpError(403, 'FORBIDDEN', 'not a subscription with our verify token');
      if (!query['hub.challenge']) throw new HttpError(400, 'INVALID_INPUT', 'hub.challenge is missing');
      return { status: 200, body: query['hub.challenge'], contentType: 'text/plain; charset=utf-8' };
    },
  },
  {
    method: 'POST',
    path: PATH,
    public: true,
    summary: "Meta's delivery of a page's private messages (signed with X-Hub-Signature-256)",
    description:
      'The body is Meta\'s webhook payload (`object: "page"`, `entry[].messaging[]`), signed with the app secret: ' +
      '`X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body>`. Each message from a person opens a request ' +
      "(channel `social`) or joins that person's open one; a message id already taken changes nothing; echoes of " +
      "the page's own messages, receipts and reactions are ignored. Answers go back as private messages.",
    tags: ['social'],
    replies: { 200: { description: 'What the delivery carried and what became of it', schema: SocialDeliveryReply } },
    errors: {
      400: 'The body is not a webhook payload (the signature was genuine)',
      401: 'No genuine X-Hub-Signature-256',
      503: 'Social media messages are not set up here',
    },
    handle: async (input) => {
      const raw = input.rawBody ?? '';
      const secret = await servicesOf(input.services).appSecret();
      if (!isGenuineMetaSignature(raw, input.headers?.['x-hub-signature-256'], secret))
        throw new HttpError(401, 'INVALID_SIGNATURE', 'X-Hub-Signature-256 is missing or does not sign this body');
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new HttpError(400, 'MALFORMED_JSON', 'the body is not JSON');
      }
      const payload = MetaWebhookPayload.safeParse(json);
      if (!payload.success)
        throw new HttpError(400, 'INVALID_INPUT', `not a webhook payload: ${z.prettifyError(payload.error)}`);
      const { messages, ignored } = messagesOf(payload.data);
      const deps = {
        store: input.services.store,
        commands: input.services.commands,
        objects: input.services.objects,
        now: input.services.now,
      };
      const results: SocialIntakeResult[] = [];
      for (const message of messages) results.push(await receiveSocialMessage(deps, message));
      const count = (...outcomes: SocialIntakeResult['outcome'][]) =>
        results.filter((r) => outcomes.includes(r.outcome)).length;
      return {
        status: 200,
        body: {
          received: count('new_request', 'joined'),
          duplicates: count('duplicate'),
          ignored: ignored + count('refused'),
        },
      };
    },
  },
];
