import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { DynamoStreamHeads } from '../../adapters/anchors/dynamo-heads.js';
import { streamBatchHandler } from '../shared/batch-handler.js';

const logger = new Logger({ serviceName: 'anchor-heads' });

/** A head item as the stream shows it; the head is read again from the table, not taken from the image. */
const HeadRecord = z.object({
  Keys: z.object({ streamId: z.object({ S: z.string().min(1) }), version: z.object({ N: z.literal('0') }) }),
  NewImage: z.object({ kind: z.object({ S: z.literal('head') }) }),
});

export type AnchorHeadsDeps = Pick<DynamoStreamHeads, 'readHead' | 'markChanged'>;

/**
 * Keeps the list of heads changed since the last anchor (the incremental anchor reads it instead of the
 * events): every head item written to the events table, inserted or replaced, marks its stream.
 */
export const createAnchorHeadsHandler = (deps: AnchorHeadsDeps) =>
  streamBatchHandler(logger, async (record: DynamoDBRecord) => {
    const parsed = HeadRecord.safeParse(record.dynamodb);
    if (!parsed.success) return;
    const streamId = parsed.data.Keys.streamId.S;
    const head = await deps.readHead(streamId);
    if (head) await deps.markChanged(head);
  });

let cached: ReturnType<typeof createAnchorHeadsHandler> | undefined;

export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  if (!cached) {
    const { EVENTS_TABLE, READ_MODEL_TABLE } = z
      .object({ EVENTS_TABLE: z.string().min(1), READ_MODEL_TABLE: z.string().min(1) })
      .parse(process.env);
    cached = createAnchorHeadsHandler(
      new DynamoStreamHeads(createDocumentClient(createDynamoClient()), EVENTS_TABLE, READ_MODEL_TABLE),
    );
  }
  return cached(event, context);
};
