/**
 * Bench P8 and P8b alone (`npx tsx scripts/bench/console-run.ts`): the console's first-screen JavaScript
 * and the work list's time after sign-in, on a DynamoDB Local of their own, without the rest of the bench.
 */
import { freePort, startDynamoDbLocal } from '../../local/dynamodb-local.js';
import { benchConsole } from './console.js';

process.env.AWS_REGION ??= 'ap-south-1';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const ddb = await startDynamoDbLocal({ port: await freePort() });
try {
  await benchConsole(ddb.endpoint, (id, name, value, op, target) =>
    console.log(`${id} ${name}: ${typeof value === 'number' ? value.toFixed(2) : value} (goal ${op} ${target})`),
  );
} finally {
  await ddb.stop();
}
