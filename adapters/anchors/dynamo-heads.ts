import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { AnchorLeaf } from '../../domain/anchors/anchor.js';
import type { StreamHeads } from '../../application/anchors/ports.js';
import { withRetries } from '../retry.js';

/** The read-model partition where the stream consumer keeps heads changed since the last anchor. */
export const PENDING_HEADS_PK = 'anchor#pending';

/** Parallel scan segments for the full rebuild: DynamoDB serves them side by side. */
const SEGMENTS = 8;

/**
 * Stream heads in DynamoDB. The full rebuild scans the events table's head items (version 0, kind
 * `head`), never the events; the incremental path reads the pending heads the stream consumer wrote
 * into the read-model table.
 */
export class DynamoStreamHeads implements StreamHeads {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly eventsTable: string,
    private readonly readModelTable: string,
  ) {}

  async all(): Promise<AnchorLeaf[]> {
    const segments = await Promise.all(
      Array.from({ length: SEGMENTS }, async (_, segment) => {
        const heads: AnchorLeaf[] = [];
        let startKey: Record<string, unknown> | undefined;
        do {
          const page = await withRetries('scan heads', () =>
            this.doc.send(
              new ScanCommand({
                TableName: this.eventsTable,
                Segment: segment,
                TotalSegments: SEGMENTS,
                FilterExpression: 'version = :head AND kind = :kind',
                ExpressionAttributeValues: { ':head': 0, ':kind': 'head' },
                ProjectionExpression: 'streamId, headVersion, headHash',
                ExclusiveStartKey: startKey,
              }),
            ),
          );
          for (const i of page.Items ?? [])
            heads.push({
              streamId: i.streamId as string,
              version: i.headVersion as number,
              hash: i.headHash as string,
            });
          startKey = page.LastEvaluatedKey;
        } while (startKey);
        return heads;
      }),
    );
    return segments.flat();
  }

  async pending(): Promise<AnchorLeaf[]> {
    const heads: AnchorLeaf[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await withRetries('read pending heads', () =>
        this.doc.send(
          new QueryCommand({
            TableName: this.readModelTable,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': PENDING_HEADS_PK },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const i of page.Items ?? [])
        heads.push({ streamId: i.sk as string, version: i.headVersion as number, hash: i.headHash as string });
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return heads;
  }

  async acknowledge(leaves: readonly AnchorLeaf[]): Promise<void> {
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < leaves.length) {
          const leaf = leaves[next++] as AnchorLeaf;
          try {
            // Only if the head has not moved on since it was read: a later change stays pending.
            await withRetries('acknowledge head', () =>
              this.doc.send(
                new DeleteCommand({
                  TableName: this.readModelTable,
                  Key: { pk: PENDING_HEADS_PK, sk: leaf.streamId },
                  ConditionExpression: 'headVersion <= :v',
                  ExpressionAttributeValues: { ':v': leaf.version },
                }),
              ),
            );
          } catch (err) {
            if (!(err instanceof ConditionalCheckFailedException)) throw err;
          }
        }
      }),
    );
  }

  async hashAt(streamId: string, version: number): Promise<string | undefined> {
    const out = await withRetries('read event hash', () =>
      this.doc.send(
        new GetCommand({
          TableName: this.eventsTable,
          Key: { streamId, version },
          ProjectionExpression: '#h',
          ExpressionAttributeNames: { '#h': 'hash' },
          ConsistentRead: true,
        }),
      ),
    );
    return out.Item?.hash as string | undefined;
  }

  /** A stream's head item as it is now (consistent read). */
  async readHead(streamId: string): Promise<AnchorLeaf | undefined> {
    const out = await withRetries('read head', () =>
      this.doc.send(
        new GetCommand({ TableName: this.eventsTable, Key: { streamId, version: 0 }, ConsistentRead: true }),
      ),
    );
    return out.Item?.kind === 'head'
      ? { streamId, version: out.Item.headVersion as number, hash: out.Item.headHash as string }
      : undefined;
  }

  /** The stream consumer's write: remembers a head as changed, never going back to an older one. */
  async markChanged(head: AnchorLeaf): Promise<void> {
    try {
      await withRetries('mark head changed', () =>
        this.doc.send(
          new PutCommand({
            TableName: this.readModelTable,
            Item: { pk: PENDING_HEADS_PK, sk: head.streamId, headVersion: head.version, headHash: head.hash },
            ConditionExpression: 'attribute_not_exists(pk) OR headVersion < :v',
            ExpressionAttributeValues: { ':v': head.version },
          }),
        ),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }
}
