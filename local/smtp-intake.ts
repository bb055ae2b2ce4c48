import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { DirectoryObjectStore } from '../adapters/object-store/directory-store.js';
import type { InboundSpool } from './inbound-spool.js';

export interface SmtpIntakeOptions {
  readonly port: number;
  readonly intakeAddress: string;
  readonly objects: DirectoryObjectStore;
  /** Where accepted mail is marked as kept until intake has recorded it. */
  readonly spool: InboundSpool;
  readonly sqs: SQSClient;
  readonly inboundQueueUrl: string;
  readonly maxBytes: number;
  readonly now: () => Date;
  /**
   * The listener's own verdicts on a message, as SES gives its receipt's. Locally nothing checks spam,
   * viruses or DMARC, so the default is `GRAY` (not checked): verdict headers inside the message are the
   * sender's words and are never read as verdicts.
   */
  readonly verdicts?: (session: { readonly remoteAddress: string; readonly mailFrom?: string }) => {
    spam: string;
    virus: string;
    dmarc: string;
  };
}

const notChecked = () => ({ spam: 'GRAY', virus: 'GRAY', dmarc: 'GRAY' });

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The local stand-in for SES inbound: accepts mail for the intake address and the per-request reply
 * addresses on 127.0.0.1, stores the raw message as SES's receipt rule stores it in S3, and queues the
 * same S3 event notification, so the intake handler runs exactly as on AWS. It answers 250 only once
 * the raw message and a durable marker are on disk ({@link InboundSpool}); when they cannot be
 * written, or the queue does not take the notification, it answers 451 and the sender tries again.
 */
export const startSmtpIntake = async (options: SmtpIntakeOptions) => {
  const [local, domain] = options.intakeAddress.toLowerCase().split('@') as [string, string];
  const accepts = (address: string) => {
    const a = address.toLowerCase();
    return a === `${local}@${domain}` || (a.startsWith(`${local}+`) && a.endsWith(`@${domain}`));
  };
  const server = new SMTPServer({
    name: 'request-desk.local',
    banner: 'Request Desk local intake',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxBytes,
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      callback(
        accepts(address.address)
          ? undefined
          : smtpError(550, `5.1.1 no mailbox ${address.address} here; write to ${options.intakeAddress}`),
      );
    },
    onData(stream, session, callback) {
      const receivedAt = options.now().toISOString();
      const key = `raw/${receivedAt.slice(0, 10)}/${randomUUID()}.eml`;
      options.objects
        .putStream(key, stream)
        .then(async (size) => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded)
            throw smtpError(552, `5.3.4 message over ${options.maxBytes} bytes`);
          const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined;
          const verdicts = (options.verdicts ?? notChecked)({
            remoteAddress: session.remoteAddress,
            ...(mailFrom !== undefined ? { mailFrom } : {}),
          });
          const recipients = session.envelope.rcptTo.map((r) => r.address);
          // What SES publishes when its receipt rule has stored a message in S3 (the S3 action's topic, raw delivery).
          const notification = {
            notificationType: 'Received',
            mail: { timestamp: receivedAt, source: mailFrom ?? '', messageId: key, destination: recipients },
            receipt: {
              timestamp: receivedAt,
              recipients,
              spamVerdict: { status: verdicts.spam },
              virusVerdict: { status: verdicts.virus },
              dmarcVerdict: { status: verdicts.dmarc },
              action: { type: 'S3', bucketName: 'local', objectKeyPrefix: 'raw/', objectKey: key },
            },
            size,
          };
          // 250 only once the mail is durably kept: the raw message and its marker are on disk, so it
          // is processed even if the stack stops before intake runs (the marker is queued again on start).
          await options.spool.keep(key, notification);
          await options.sqs.send(
            new SendMessageCommand({ QueueUrl: options.inboundQueueUrl, MessageBody: JSON.stringify(notification) }),
          );
          callback();
        })
        .catch(async (err: Error & { responseCode?: number }) => {
          // Refused mail is not kept: the sender keeps it (4xx, and tries again) or was told it failed
          // (5xx), so nothing of it may later become a request (`desk intake redrive`).
          await options.spool.discard(key).catch(() => undefined);
          callback(err.responseCode ? err : smtpError(451, '4.3.0 could not store the message; try again'));
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return { port: options.port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};
