import { Logger } from '@aws-lambda-powertools/logger';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { streamBatchHandler } from '../shared/batch-handler.js';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { mailJobFor } from '../../application/mail-jobs.js';
import { parseRequestEvent } from '../../events/catalogue.js';

const logger = new Logger({ serviceName: 'mail-dispatcher' });

const EventItem = z.looseObject({
  streamId: z.string().startsWith('request#'),
  version: z.number().int().positive(),
  type: z.string(),
  schemaVersion: z.number(),
  occurredAt: z.string(),
  actor: z.unknown(),
  data: z.unknown(),
});

export interface DispatcherDeps {
  readonly sqs: SQSClient;
  readonly mailQueueUrl: string;
}

/**
 * The outbox: reads new events off the events table's stream and queues the mail each calls for.
 * Mail therefore leaves only for events that were stored, and a stored event always gets its mail.
 * Repeated records are harmless: the FIFO queue deduplicates on the mail id, and the mailer sends
 * nothing it has already recorded.
 */
export const createDispatcherHandler = (deps: DispatcherDeps) => {
  const recordHandler = async (record: DynamoDBRecord): Promise<void> => {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return;
    const item = EventItem.safeParse(unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>));
    if (!item.success) return; // heads, counters, idempotency records, calendar events
    const requestId = item.data.streamId.slice('request#'.length);
    const { type, schemaVersion, occurredAt, actor, data } = item.data;
    const job = mailJobFor(
      requestId,
      item.data.version,
      parseRequestEvent({ type, schemaVersion, occurredAt, actor, data }),
    );
    if (!job) return;
    await deps.sqs.send(
      new SendMessageCommand({
        QueueUrl: deps.mailQueueUrl,
        MessageBody: JSON.stringify(job),
        MessageGroupId: requestId,
        MessageDeduplicationId: job.mailId,
      }),
    );
    logger.info('mail queued', { mailId: job.mailId, purpose: job.purpose });
  };
  return streamBatchHandler(logger, recordHandler);
};

let cached: ReturnType<typeof createDispatcherHandler> | undefined;

export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  cached ??= createDispatcherHandler({
    sqs: new SQSClient({}),
    mailQueueUrl: z.string().url().parse(process.env.MAIL_QUEUE_URL),
  });
  return cached(event, context);
};
