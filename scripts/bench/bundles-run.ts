/**
 * `npx tsx scripts/bench/bundles-run.ts [runs]`: bench P4 and P4b alone, as `npm run bench` prints them
 * (same bundles, same cold start), against a DynamoDB Local of its own on a free port.
 */
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { eventsTable, readModelTable } from '../../infra/tables.js';
import { benchBundles } from './bundles.js';
import { line, withDynamoDbLocal } from './figures.js';

const runs = Number(process.argv[2] ?? 11);
await withDynamoDbLocal(async ({ endpoint, client }) => {
  await ensureTable(client, eventsTable, 'bench-events');
  await ensureTable(client, readModelTable, 'bench-read');
  await benchBundles(endpoint, { events: 'bench-events', readModels: 'bench-read' }, line, runs);
}, '512m');
