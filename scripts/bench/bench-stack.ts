import { freePort } from '../../local/dynamodb-local.js';
import { startLocalStack, type LocalStackOptions } from '../../local/stack.js';

/**
 * The local stack (as `npm start` runs it) on the bench's DynamoDB Local, on free ports, silent, with
 * tables of its own named `bench-<name>-events` / `bench-<name>-read`.
 */
export const startBenchStack = async (
  dynamodbEndpoint: string,
  name: string,
  options: Partial<Pick<LocalStackOptions, 'background'>> = {},
) =>
  startLocalStack({
    apiPort: await freePort(),
    sesPort: await freePort(),
    sqsPort: await freePort(),
    smtpPort: await freePort(),
    dynamodbEndpoint,
    tableNames: { events: `bench-${name}-events`, readModels: `bench-${name}-read` },
    logLevel: 'SILENT',
    ...options,
  });
