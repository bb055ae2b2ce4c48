import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/** Converts a DynamoDB Streams API record into the shape Lambda's event source mapping delivers. */
export const toLambdaRecord = (r: StreamsRecord, streamArn: string, region: string): DynamoDBRecord => {
  const { ApproximateCreationDateTime, ...rest } = r.dynamodb ?? {};
  return {
    eventID: r.eventID,
    eventName: r.eventName,
    eventVersion: r.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(rest as NonNullable<DynamoDBRecord['dynamodb']>),
      ...(ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
    },
  } as DynamoDBRecord;
};

/**
 * Reads a table's stream from where it left off, shard by shard, as Lambda's event source mapping
 * would. `next()` returns the records that arrived since the last call (possibly none).
 */
export class StreamReader {
  private readonly iterators = new Map<string, string | undefined>();
  /** The last record delivered per shard: where a fresh iterator resumes. */
  private readonly lastSequence = new Map<string, string>();

  constructor(
    private readonly client: DynamoDBStreamsClient,
    private readonly streamArn: string,
    private readonly region: string,
  ) {}

  private async freshIterator(shardId: string): Promise<string | undefined> {
    const after = this.lastSequence.get(shardId);
    const it = await this.client.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return it.ShardIterator;
  }

  /**
   * One page of a shard. DynamoDB Local sometimes answers a young shard's iterator with
   * TrimmedDataAccessException (aws/aws-sdk-java#2923), and any iterator expires after 15 minutes: the
   * read then starts again after the last record delivered (once), so nothing is lost or delivered twice.
   */
  private async read(shardId: string, iterator: string, limit: number) {
    try {
      return await this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: limit }));
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name !== 'TrimmedDataAccessException' && name !== 'ExpiredIteratorException') throw err;
      const fresh = await this.freshIterator(shardId);
      this.iterators.set(shardId, fresh);
      return fresh ? this.client.send(new GetRecordsCommand({ ShardIterator: fresh, Limit: limit })) : undefined;
    }
  }

  async next(limit = 100): Promise<DynamoDBRecord[]> {
    const described = await this.client.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    const out: DynamoDBRecord[] = [];
    for (const shard of described.StreamDescription?.Shards ?? []) {
      const id = shard.ShardId as string;
      if (!this.iterators.has(id)) this.iterators.set(id, await this.freshIterator(id));
      const iterator = this.iterators.get(id);
      if (!iterator) continue;
      const page = await this.read(id, iterator, limit);
      if (!page) continue;
      this.iterators.set(id, page.NextShardIterator);
      const records = page.Records ?? [];
      const last = records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) this.lastSequence.set(id, last);
      out.push(...records.map((r) => toLambdaRecord(r, this.streamArn, this.region)));
    }
    return out;
  }

  /** Everything available now: calls `next()` until a round brings nothing. */
  async drain(): Promise<DynamoDBRecord[]> {
    const all: DynamoDBRecord[] = [];
    for (let batch = await this.next(); batch.length > 0; batch = await this.next()) all.push(...batch);
    return all;
  }
}

export const createStreamsClient = (endpoint: string, region: string): DynamoDBStreamsClient =>
  new DynamoDBStreamsClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
