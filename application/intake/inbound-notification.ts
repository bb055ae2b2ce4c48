import * as z from 'zod';
import type { InboundMail, ReceiptVerdicts } from './process-mail.js';

/** A verdict as SES reports it on a receipt: `PASS`, `FAIL`, `GRAY` (not checked), `PROCESSING_FAILED`. */
const Verdict = z.looseObject({ status: z.string().min(1).max(40) });

/**
 * SES's notification for a message its receipt rule stored in S3 (the S3 action's topic, delivered raw
 * to the intake queue). Its `receipt` carries SES's own spam, virus and DMARC verdicts: the only ones
 * intake trusts, since anything in the message's headers may have been written by the sender.
 */
const SesReceived = z.looseObject({
  notificationType: z.literal('Received'),
  mail: z.looseObject({ timestamp: z.string().min(1) }),
  receipt: z.looseObject({
    recipients: z.array(z.string().max(1000)).max(100).optional(),
    spamVerdict: Verdict.optional(),
    virusVerdict: Verdict.optional(),
    dmarcVerdict: Verdict.optional(),
    action: z.looseObject({ type: z.literal('S3'), objectKey: z.string().min(1) }),
  }),
});

/** An S3 event notification (a raw message put by other means): no verdicts, so none are assumed. */
const S3Notification = z.looseObject({
  Records: z
    .array(
      z.looseObject({
        eventTime: z.string(),
        s3: z.looseObject({ object: z.looseObject({ key: z.string().min(1) }) }),
      }),
    )
    .min(1),
});

/** S3 keys in S3 event notifications arrive URL-encoded, with spaces as `+`. */
const objectKey = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));

const statusOf = (v: { status: string } | undefined): string | undefined => v?.status.toUpperCase();

/**
 * The received mails an intake queue message names: one for SES's receipt notification (with its
 * verdicts), one per record of an S3 event notification (without). Throws on anything else.
 */
export const inboundMailsOf = (body: unknown): InboundMail[] => {
  // SES checks that it may publish to the topic when the rule is saved: nothing was received.
  if (z.looseObject({ notificationType: z.literal('AmazonSnsSubscriptionSucceeded') }).safeParse(body).success)
    return [];
  const ses = SesReceived.safeParse(body);
  if (ses.success) {
    const { receipt, mail } = ses.data;
    const verdicts: ReceiptVerdicts = {
      ...(statusOf(receipt.spamVerdict) ? { spam: statusOf(receipt.spamVerdict) } : {}),
      ...(statusOf(receipt.virusVerdict) ? { virus: statusOf(receipt.virusVerdict) } : {}),
      ...(statusOf(receipt.dmarcVerdict) ? { dmarc: statusOf(receipt.dmarcVerdict) } : {}),
    };
    return [
      {
        storageKey: receipt.action.objectKey,
        receivedAt: new Date(mail.timestamp).toISOString(),
        verdicts,
        ...(receipt.recipients ? { recipients: receipt.recipients } : {}),
      },
    ];
  }
  return S3Notification.parse(body).Records.map((r) => ({
    storageKey: objectKey(r.s3.object.key),
    receivedAt: new Date(r.eventTime).toISOString(),
  }));
};
