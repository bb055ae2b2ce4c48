/**
 * Bench P8 and P8b alone (`npx tsx scripts/bench/console-run.ts`): the console's first-screen JavaScript
 * and the work list's time after sign-in, on a DynamoDB Local of their own, without the rest of the bench.
 */
import { benchConsole } from './console.js';
import { line, withDynamoDbLocal } from './figures.js';

process.env.AWS_REGION ??= 'ap-south-1';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
await withDynamoDbLocal(({ endpoint }) => benchConsole(endpoint, line), '512m');
