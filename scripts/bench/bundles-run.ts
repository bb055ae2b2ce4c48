/**
 * `npx tsx scripts/bench/bundles-run.ts [runs]`: bench P4 and P4b alone, as `npm run bench` prints them
 * (same bundles, same cold start), against a DynamoDB Local of its own on a free port; with the machine's
 * load average, as P4b is a timing ratio.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createDynamoClient } from '../../adapters/dynamodb/client.js';
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { eventsTable, readModelTable } from '../../infra/tables.js';
import { freePort, startDynamoDbLocal } from '../../local/dynamodb-local.js';
import { measureApiColdStart, measureBundles } from './bundles.js';

const runs = Number(process.argv[2] ?? 11);
const ddb = await startDynamoDbLocal({ port: await freePort(), heap: '512m' });
try {
  const client = createDynamoClient({ endpoint: ddb.endpoint });
  await ensureTable(client, eventsTable, 'bench-events');
  await ensureTable(client, readModelTable, 'bench-read');
  const bundles = await measureBundles();
  try {
    for (const b of bundles.figures)
      console.log(`  bundle ${b.name}: ${b.kb.toFixed(0)} KB, loads in ${b.loadRatio.toFixed(2)}× a bare Node start`);
    console.log(
      `P4 largest-function-bundle-kb: ${Math.max(...bundles.figures.map((b) => b.kb)).toFixed(2)} (goal <= 600)`,
    );
    const cold = measureApiColdStart(
      join(bundles.dir, 'api'),
      ddb.endpoint,
      { events: 'bench-events', readModels: 'bench-read' },
      runs,
      bundles.floorDir,
    );
    console.log(
      `  P4b spread: ${cold.min.toFixed(2)}–${cold.max.toFixed(2)} over ${runs} alternating runs; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    if (cold.floor)
      console.log(
        `  P4b floor (the SDK alone: document client + one GetItem, same build): ${cold.floor.ratio.toFixed(2)} (${cold.floor.min.toFixed(2)}–${cold.floor.max.toFixed(2)})`,
      );
    console.log(`P4b api-cold-start-vs-bare-node: ${cold.ratio.toFixed(2)} (goal <= 4)`);
  } finally {
    bundles.cleanup();
  }
} finally {
  await ddb.stop();
}
