import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent, SQSEvent, SQSRecord } from 'aws-lambda';
import { logged } from './logged.js';

/**
 * A Lambda handler for an SQS batch: records processed with Powertools' batch processor, failures
 * logged with their reason and reported back (partial batch response) so that only they come again.
 */
export const sqsBatchHandler = (logger: Logger, handleRecord: (record: SQSRecord) => Promise<void>) => {
  const processor = new BatchProcessor(EventType.SQS);
  return middy<SQSEvent, unknown, Error, Context>()
    .use(injectLambdaContext(logger))
    .handler(async (event: SQSEvent, context: Context) =>
      processPartialResponse(event, logged(logger, 'record', handleRecord), processor, { context }),
    );
};

/** The same for a DynamoDB Streams batch. */
export const streamBatchHandler = (logger: Logger, handleRecord: (record: DynamoDBRecord) => Promise<void>) => {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return middy<DynamoDBStreamEvent, unknown, Error, Context>()
    .use(injectLambdaContext(logger))
    .handler(async (event: DynamoDBStreamEvent, context: Context) =>
      processPartialResponse(event, logged(logger, 'record', handleRecord), processor, { context }),
    );
};
