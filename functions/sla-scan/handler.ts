import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { dynamoReadModels } from '../../adapters/dynamodb/read-models.js';
import { scanSla, type ScanDeps } from '../../application/sla/scan.js';
import type { Digest } from '../../domain/sla/digests.js';
import type { awsServices as AwsServicesFn } from '../shared/aws-services.js';

type AwsServices = typeof AwsServicesFn;

const logger = new Logger({ serviceName: 'sla-scan' });

/** Queues a digest on the FIFO alerts queue: grouped per recipient, deduplicated on `<day>.<userId>`. */
export const sqsDigestQueue = (sqs: SQSClient, queueUrl: string) => async (digest: Digest) => {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: JSON.stringify(digest),
      MessageGroupId: digest.recipient,
      MessageDeduplicationId: digest.digestId,
    }),
  );
};

/** The breach scan, on the scheduler's tick (EventBridge Scheduler on AWS, the local stack's tick locally). */
export const createScanHandler = (deps: ScanDeps) =>
  middy<unknown, unknown, Error, Context>()
    .use(injectLambdaContext(logger))
    .handler(async () => {
      const result = await scanSla(deps);
      logger.info('scan done', {
        breached: result.breached.length,
        atRisk: result.atRisk.length,
        alertsQueued: result.alertsQueued,
        itemsRead: result.itemsRead,
      });
      return result;
    });

/** The scan's dependencies on AWS (the scheduled function and `POST /sla/scan` share them). */
export const awsScanDeps = (s: ReturnType<AwsServices>): ScanDeps => {
  if (!process.env.ALERTS_QUEUE_URL) throw new Error('ALERTS_QUEUE_URL is required');
  return {
    readModels: dynamoReadModels(s.doc, s.env.READ_MODEL_TABLE),
    workflows: s.core.workflows,
    directory: s.core.directory,
    sla: s.agency.config.sla,
    calendar: s.core.calendar,
    queueDigest: sqsDigestQueue(new SQSClient({}), process.env.ALERTS_QUEUE_URL),
    now: s.now,
  };
};

let cached: ReturnType<typeof createScanHandler> | undefined;

export const handler = async (event: unknown, context: Context) => {
  if (!cached) {
    const { awsServices } = await import('../shared/aws-services.js');
    cached = createScanHandler(awsScanDeps(awsServices()));
  }
  return cached(event, context);
};
