import * as z from 'zod';
import type { RequestCommandOf } from '../domain/request/commands.js';
import { systemActor } from '../domain/agency/actor.js';

const Recipient = z.looseObject({ emailAddress: z.string(), diagnosticCode: z.string().optional() });

/** An SES event (configuration set → SNS), as far as we read it; other fields pass by. */
export const SesNotification = z.looseObject({
  eventType: z.enum([
    'Delivery',
    'Bounce',
    'Complaint',
    'Send',
    'Reject',
    'DeliveryDelay',
    'Open',
    'Click',
    'Rendering Failure',
    'Subscription',
  ]),
  mail: z.looseObject({
    messageId: z.string().min(1),
    timestamp: z.string().optional(),
    tags: z.record(z.string(), z.array(z.string())).optional(),
  }),
  delivery: z.looseObject({ timestamp: z.string(), recipients: z.array(z.string()) }).optional(),
  bounce: z
    .looseObject({
      bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
      bouncedRecipients: z.array(Recipient),
    })
    .optional(),
  complaint: z.looseObject({ complainedRecipients: z.array(Recipient) }).optional(),
});
export type SesNotification = z.infer<typeof SesNotification>;

/** The SQS body: the SNS envelope, or the SES event itself when raw message delivery is on. */
export const parseSesQueueBody = (body: string): SesNotification => {
  const outer: unknown = JSON.parse(body);
  const envelope = z.looseObject({ Type: z.literal('Notification'), Message: z.string() }).safeParse(outer);
  return SesNotification.parse(envelope.success ? JSON.parse(envelope.data.Message) : outer);
};

type DeliveryCommand = RequestCommandOf<'RecordDelivery'> | RequestCommandOf<'RecordBounce'>;

/**
 * The request (from the `request` tag we set when sending) and the command a notification becomes;
 * undefined for notifications that change nothing (sends, opens) or mail that is not a request's.
 */
export const commandForNotification = (
  n: SesNotification,
  now: string,
): { requestId: string; command: DeliveryCommand } | undefined => {
  const requestId = n.mail.tags?.request?.[0];
  if (!requestId) return undefined;
  const metadata = { now, actor: systemActor('ses-events') };
  const sesMessageId = n.mail.messageId;
  const delivered = (data: RequestCommandOf<'RecordDelivery'>['data']) => ({
    requestId,
    command: { type: 'RecordDelivery' as const, data, metadata },
  });
  const bounced = (data: RequestCommandOf<'RecordBounce'>['data']) => ({
    requestId,
    command: { type: 'RecordBounce' as const, data, metadata },
  });
  if (n.eventType === 'Delivery' && n.delivery) {
    return delivered({
      sesMessageId,
      recipients: n.delivery.recipients,
      deliveredAt: new Date(n.delivery.timestamp).toISOString(),
    });
  }
  if (n.eventType === 'Bounce' && n.bounce) {
    const diagnostic = n.bounce.bouncedRecipients
      .map((r) => r.diagnosticCode)
      .filter(Boolean)
      .join('; ')
      .slice(0, 2_000);
    return bounced({
      sesMessageId,
      recipients: n.bounce.bouncedRecipients.map((r) => r.emailAddress),
      bounceType: n.bounce.bounceType.toLowerCase() as 'permanent' | 'transient' | 'undetermined',
      ...(diagnostic ? { diagnostic } : {}),
    });
  }
  if (n.eventType === 'Complaint' && n.complaint) {
    return bounced({
      sesMessageId,
      recipients: n.complaint.complainedRecipients.map((r) => r.emailAddress),
      bounceType: 'complaint',
    });
  }
  return undefined;
};
