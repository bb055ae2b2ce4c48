import { Logger } from '@aws-lambda-powertools/logger';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { streamBatchHandler } from '../shared/batch-handler.js';
import { streamEventItem } from '../shared/stream-event-item.js';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import type { QueuedMailJob, WorkflowList } from '../../application/workflow.js';
import { workflowRegistry } from '../../application/workflows.js';
import { idOfStream, kindOfStream } from '../../domain/shared/stream-id.js';
import { parseAnyEvent, type AnyEvent } from '../../events/catalogue.js';

const logger = new Logger({ serviceName: 'mail-dispatcher' });

const EventItem = streamEventItem(z.string().regex(/^[a-z][a-z0-9-]*#./));

export interface DispatcherDeps {
  readonly sqs: SQSClient;
  readonly mailQueueUrl: string;
  /** The workflows whose events call for mail (the workflow registry; tests pass their own). */
  readonly workflows?: WorkflowList;
}

type MailJobsOf = (itemId: string, version: number, event: AnyEvent) => QueuedMailJob | undefined;

/**
 * The outbox: reads new events off the events table's stream and queues the mail each calls for, as
 * the event's workflow (the workflow registry, by stream kind) says.
 * Mail therefore leaves only for events that were stored, and a stored event always gets its mail.
 * Repeated records are harmless: the FIFO queue deduplicates on the mail id, and the mailer sends
 * nothing it has already recorded.
 */
export const createDispatcherHandler = (deps: DispatcherDeps) => {
  // Each registered workflow that sends mail, by stream kind.
  const mailJobsByKind = new Map<string, MailJobsOf>(
    (deps.workflows ?? workflowRegistry).flatMap((w) => (w.mailJobs ? [[w.kind, w.mailJobs] as const] : [])),
  );
  const recordHandler = async (record: DynamoDBRecord): Promise<void> => {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return;
    const item = EventItem.safeParse(unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>));
    if (!item.success) return; // heads, counters, idempotency records
    const kind = kindOfStream(item.data.streamId);
    const mailJobsOf = mailJobsByKind.get(kind);
    if (!mailJobsOf) return; // a stream of no workflow that sends mail (the calendar, the directory, …)
    const itemId = idOfStream(kind, item.data.streamId);
    const { type, schemaVersion, occurredAt, actor, data } = item.data;
    const job = mailJobsOf(itemId, item.data.version, parseAnyEvent({ type, schemaVersion, occurredAt, actor, data }));
    if (!job) return;
    await deps.sqs.send(
      new SendMessageCommand({
        QueueUrl: deps.mailQueueUrl,
        MessageBody: JSON.stringify(job),
        MessageGroupId: itemId,
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
