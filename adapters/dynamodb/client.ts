import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoConfig {
  /** DynamoDB Local's address; absent on AWS. */
  readonly endpoint?: string;
  readonly region?: string;
}

/** One low-level client per process; Lambda reuses it across invocations. */
export const createDynamoClient = (config: DynamoConfig = {}): DynamoDBClient =>
  new DynamoDBClient({
    region: config.region ?? process.env.AWS_REGION ?? 'ap-south-1',
    // The adapters retry throttling themselves (withRetries), with request tokens where a write could be ambiguous.
    maxAttempts: 2,
    ...(config.endpoint
      ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });

export const createDocumentClient = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
