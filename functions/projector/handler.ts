import { Logger } from '@aws-lambda-powertools/logger';
import { streamBatchHandler } from '../shared/batch-handler.js';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { projectStream, type ProjectorDeps } from '../../application/projector.js';
import { awsServices } from '../shared/aws-services.js';

const logger = new Logger({ serviceName: 'projector' });

/** The keys of the changed item; the record is only a trigger, its image is not trusted for content. */
const RecordKeys = z.object({
  streamId: z.object({ S: z.string().min(1) }),
  version: z.object({ N: z.string().regex(/^\d+$/) }),
});

/** Builds the stream handler around its dependencies (tests and the local stack pass their own). */
export const createProjectorHandler = (deps: ProjectorDeps) => {
  const recordHandler = async (record: DynamoDBRecord): Promise<void> => {
    const keys = RecordKeys.safeParse(record.dynamodb?.Keys);
    if (!keys.success) {
      logger.warn('stream record without event keys: ignored', { eventID: record.eventID });
      return;
    }
    // Version 0 items (heads, counters, idempotency records) change together with real events.
    if (keys.data.version.N === '0') return;
    const result = await projectStream(deps, keys.data.streamId.S);
    logger.debug('projected', { streamId: keys.data.streamId.S, version: keys.data.version.N, result });
  };
  return streamBatchHandler(logger, recordHandler);
};

let cached: ReturnType<typeof createProjectorHandler> | undefined;

/** The Lambda entry point: wired from the environment once per container. */
export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  cached ??= createProjectorHandler(awsServices().core.projector);
  return cached(event, context);
};
