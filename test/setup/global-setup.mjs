// Starts one DynamoDB Local (in memory, -sharedDb, 512 MB heap) for the whole run on a free port of
// 127.0.0.1; test files create their own uniquely named tables in it. It is stopped in teardown, and on
// Ctrl-C or any exit of the runner, so an interrupted run leaves no Java process behind.
// (.mjs through tsx: jest loads global setup outside its own module system.)
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { freePort, startDynamoDbLocal } = await tsImport('../../local/dynamodb-local.ts', import.meta.url);
  const ddb = await startDynamoDbLocal({ port: await freePort(), heap: '512m' });
  globalThis.__dynamoDbLocal = ddb;
  process.env.DYNAMODB_ENDPOINT = ddb.endpoint;
  process.env.AWS_REGION = 'ap-south-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  // Handlers log as they would on AWS; tests that care read outcomes, not logs.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  process.once('exit', () => void ddb.stop());
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => void ddb.stop().finally(() => process.exit(130)));
  }
}
