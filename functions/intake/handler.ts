import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { inboundMailsOf } from '../../application/intake/inbound-notification.js';
import { processInboundMail, type IntakeDeps } from '../../application/intake/process-mail.js';
import { sqsBatchHandler } from '../shared/batch-handler.js';

const logger = new Logger({ serviceName: 'email-intake' });

/**
 * Intake: one SQS message per stored raw mail. Logs say what happened to a mail by its id and reason,
 * never who wrote it or what it says.
 */
export const createIntakeHandler = (deps: IntakeDeps) => {
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    const body: unknown = JSON.parse(record.body);
    // S3 sends a test event when the notification is set up; it names no object.
    if (typeof body === 'object' && body !== null && (body as { Event?: string }).Event === 's3:TestEvent') return;
    for (const inbound of inboundMailsOf(body)) {
      const result = await processInboundMail(deps, inbound);
      logger.info('mail processed', {
        mailId: result.mailId,
        outcome: result.outcome,
        reason: result.reason,
        requestId: result.requestId,
        replayed: result.replayed,
      });
    }
  };
  return sqsBatchHandler(logger, recordHandler);
};

let cached: ReturnType<typeof createIntakeHandler> | undefined;

export const handler = async (event: SQSEvent, context: Context) => {
  if (!cached) {
    const { awsServices } = await import('../shared/aws-services.js');
    const { awsObjects } = await import('../shared/aws-objects.js');
    const { awsReplySecret } = await import('../shared/aws-reply-secret.js');
    const { dynamoThreadLookups } = await import('../../adapters/dynamodb/thread-lookups.js');
    const s = awsServices();
    cached = createIntakeHandler({
      store: s.core.store,
      commands: s.core.commands,
      objects: awsObjects(s.env),
      agency: s.agency,
      replySecret: await awsReplySecret(s.env),
      lookups: dynamoThreadLookups(s.doc, s.env.READ_MODEL_TABLE),
      now: s.now,
    });
  }
  return cached(event, context);
};
