/**
 * P2 alone: `npx tsx scripts/bench/history-run.ts [rounds]` starts its own DynamoDB Local (in memory),
 * measures P2 exactly as `npm run bench` does, prints it with its spread and the load average, and
 * stops: for repeating P2 without the rest of the bench.
 */
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { eventsTable } from '../../infra/tables.js';
import { line, withDynamoDbLocal } from './figures.js';
import { describeHistorySpread, measureHistory } from './history.js';

const rounds = Number(process.argv[2] ?? 81);
await withDynamoDbLocal(async ({ client, doc }) => {
  await ensureTable(client, eventsTable, 'bench-events');
  const p2 = await measureHistory(doc, 'bench-events', new DynamoEventStore(doc, 'bench-events'), rounds);
  console.log(`  ${describeHistorySpread(p2)}`);
  line('P2', 'history-fold-verify-vs-raw-query', p2.ratio, '>=', 0.9);
});
