import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { PollingLoop } from './polling-loop.js';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | unknown>;

/**
 * Feeds a queue to its handler as Lambda's SQS event source mapping does: batches of up to 10,
 * a visibility timeout while a batch is worked, partial batch failures left on the queue to come
 * back (and, after the queue's maxReceiveCount, to its dead-letter queue).
 */
export class SqsPoller extends PollingLoop {
  constructor(
    private readonly options: {
      sqs: SQSClient;
      queueUrl: string;
      queueArn: string;
      handler: SqsHandler;
      context: () => Context;
      onError?: (err: unknown) => void;
    },
  ) {
    // Long polling (WaitTimeSeconds) paces the loop; after a failure it waits a second.
    super(0, 1_000);
  }

  protected reportFailure(err: unknown): void {
    this.options.onError?.(err);
  }

  /** One receive-and-handle round; returns how many messages it handled. */
  async pollOnce(waitSeconds = 1): Promise<number> {
    const { sqs, queueUrl, queueArn, handler, context } = this.options;
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) return 0;
    const records: SQSRecord[] = messages.map((m) => ({
      messageId: m.MessageId as string,
      receiptHandle: m.ReceiptHandle as string,
      body: m.Body ?? '',
      attributes: (m.Attributes ?? {}) as unknown as SQSRecord['attributes'],
      messageAttributes: {},
      md5OfBody: m.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: 'local',
    }));
    const result = (await handler({ Records: records }, context())) as SQSBatchResponse | undefined;
    const failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    const done = records.filter((r) => !failed.has(r.messageId));
    if (done.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: done.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
        }),
      );
    }
    return records.length;
  }
}
