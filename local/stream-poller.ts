import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamReader } from './dynamodb-stream.js';
import { PollingLoop } from './polling-loop.js';

export interface StreamConsumer {
  readonly name: string;
  readonly handler: (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | unknown>;
}

/** Attempts per record before it is given up (on AWS: bounded retries, then the on-failure destination). */
const MAX_ATTEMPTS = 5;

/**
 * Feeds the events table's stream to its consumers (projector, mail dispatcher) as Lambda would:
 * batches in order, partial batch failures retried, each consumer independent of the others.
 */
export class StreamPoller extends PollingLoop {
  private readonly retries = new Map<string, { record: DynamoDBRecord; attempts: number }[]>();

  constructor(
    private readonly reader: StreamReader,
    private readonly consumers: readonly StreamConsumer[],
    private readonly context: (name: string) => Context,
    private readonly onError: (consumer: string, err: unknown) => void = () => undefined,
    intervalMs = 100,
  ) {
    super(intervalMs, intervalMs);
  }

  protected reportFailure(err: unknown): void {
    this.onError('stream', err);
  }

  /** Reads what the stream has now and delivers it, with earlier failures first. */
  async pollOnce(): Promise<number> {
    const fresh = await this.reader.next(1000);
    for (const consumer of this.consumers) {
      const pending = this.retries.get(consumer.name) ?? [];
      const batch = [...pending, ...fresh.map((record) => ({ record, attempts: 0 }))];
      if (batch.length === 0) continue;
      const failedIds = new Set<string>();
      try {
        const result = (await consumer.handler(
          { Records: batch.map((b) => b.record) },
          this.context(consumer.name),
        )) as DynamoDBBatchResponse | undefined;
        for (const f of result?.batchItemFailures ?? []) failedIds.add(f.itemIdentifier);
      } catch (err) {
        this.onError(consumer.name, err);
        batch.forEach((b) => failedIds.add(b.record.dynamodb?.SequenceNumber ?? ''));
      }
      const again = batch
        .filter((b) => failedIds.has(b.record.dynamodb?.SequenceNumber ?? ''))
        .map((b) => ({ record: b.record, attempts: b.attempts + 1 }));
      const gaveUp = again.filter((b) => b.attempts >= MAX_ATTEMPTS);
      if (gaveUp.length > 0)
        this.onError(
          consumer.name,
          new Error(`${gaveUp.length} stream records failed ${MAX_ATTEMPTS} times and were set aside`),
        );
      this.retries.set(
        consumer.name,
        again.filter((b) => b.attempts < MAX_ATTEMPTS),
      );
    }
    return fresh.length;
  }
}
