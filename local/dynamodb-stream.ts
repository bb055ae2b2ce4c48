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

  constructor(
    private readonly client: DynamoDBStreamsClient,
    private readonly streamArn: string,
    private readonly region: string,
  ) {}

  async next(limit = 100): Promise<DynamoDBRecord[]> {
    const described = await this.client.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    const out: DynamoDBRecord[] = [];
    for (const shard of described.StreamDescription?.Shards ?? []) {
      const id = shard.ShardId as string;
      if (!this.iterators.has(id)) {
        const it = await this.client.send(
          new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: id, ShardIteratorType: 'TRIM_HORIZON' }),
        );
        this.iterators.set(id, it.ShardIterator);
      }
      const iterator = this.iterators.get(id);
      if (!iterator) continue;
      const page = await this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: limit }));
      this.iterators.set(id, page.NextShardIterator);
      out.push(...(page.Records ?? []).map((r) => toLambdaRecord(r, this.streamArn, this.region)));
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
