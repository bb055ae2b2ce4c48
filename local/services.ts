import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import * as sesLocalModule from 'aws-ses-v2-local';
import { createSqsServer } from 'local-aws-sqs';
import type { Server } from 'node:http';
import { deadLetterName, type QueueDef } from '../infra/queues.js';

/** aws-ses-v2-local is CommonJS with an ES default: reach the server function either way. */
const sesServer = ((sesLocalModule as unknown as { default: { default?: unknown } }).default.default ??
  (sesLocalModule as unknown as { default: unknown }).default) as (config: {
  host: string;
  port: number;
}) => Promise<Server>;

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });

/** The local SES v2 (outbox): every mail the system sends can be read at `GET /store`. */
export const startLocalSes = async (port: number) => {
  const server = await sesServer({ host: '127.0.0.1', port });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    client: new SESv2Client({
      endpoint: url,
      region: 'aws-ses-v2-local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    close: () => closeServer(server),
  };
};

/** The local SQS, in this process, with each queue and its dead-letter queue (redrive after maxReceiveCount). */
export const startLocalSqs = async (port: number, queues: readonly QueueDef[]) => {
  const server = await createSqsServer({ port, hostname: '127.0.0.1', emulateQueueCreationLifecycle: false });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const urls: Record<string, { url: string; arn: string }> = {};
  for (const q of queues) {
    const fifo = q.fifo ? { FifoQueue: 'true' } : {};
    const dlq = await client.send(new CreateQueueCommand({ QueueName: deadLetterName(q), Attributes: { ...fifo } }));
    const dlqArn = (
      await client.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }))
    ).Attributes?.QueueArn as string;
    const created = await client.send(
      new CreateQueueCommand({
        QueueName: q.name,
        Attributes: {
          ...fifo,
          VisibilityTimeout: String(q.visibilityTimeoutSeconds),
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: q.maxReceiveCount }),
        },
      }),
    );
    const arn = (
      await client.send(new GetQueueAttributesCommand({ QueueUrl: created.QueueUrl, AttributeNames: ['QueueArn'] }))
    ).Attributes?.QueueArn as string;
    urls[q.id] = { url: created.QueueUrl as string, arn };
    urls[`${q.id}DeadLetter`] = { url: dlq.QueueUrl as string, arn: dlqArn };
  }
  return { endpoint, client, queues: urls, close: () => closeServer(server) };
};
