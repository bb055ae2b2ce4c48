/**
 * P9: anchoring 100,000 streams from scratch on DynamoDB Local (seconds), and the incremental anchor after
 * 1,000 of them changed. Heads are seeded directly in batches (one head item per stream, and real events
 * for the streams that will change) so that setting up takes seconds, not the hours 100,000 requests would.
 * Run alone with `tsx scripts/bench/anchors.ts`; `npm run bench` calls `benchAnchors`.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { composeAnchors, localAnchorPlaces } from '../../adapters/anchors/compose.js';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { chain, DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { anchorNow } from '../../application/anchors/anchoring.js';
import type { RequestEvent } from '../../events/request-events.js';
import { eventsTable, readModelTable } from '../../infra/tables.js';
import { freePort, startDynamoDbLocal } from '../../local/dynamodb-local.js';

import type { FigureLine as Line } from './figures.js';

const STREAMS = 100_000;
const CHANGED = 1_000;

const note = (text: string): RequestEvent => ({
  type: 'NoteAdded',
  schemaVersion: 1,
  occurredAt: '2026-11-23T10:00:00+06:00',
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
  data: { text },
});

/** Writes items 25 at a time, `concurrency` batches in flight, retrying what DynamoDB hands back. */
const batchWrite = async (
  doc: DynamoDBDocumentClient,
  table: string,
  items: Record<string, unknown>[],
  concurrency = 16,
) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const start = next;
        next += 25;
        let requests = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
        while (requests.length > 0) {
          const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
          requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
        }
      }
    }),
  );
};

export const benchAnchors = async (client: DynamoDBClient, doc: DynamoDBDocumentClient, line: Line): Promise<void> => {
  const names = { events: 'bench-anchor-events', readModels: 'bench-anchor-read' };
  await ensureTable(client, eventsTable, names.events);
  await ensureTable(client, readModelTable, names.readModels);
  const dir = mkdtempSync(join(tmpdir(), 'bench-anchors-'));
  try {
    // Prepare: 100,000 stream heads; every 100th stream with its real first event, to move on later.
    const recordedAt = new Date().toISOString();
    const items: Record<string, unknown>[] = [];
    const changing: { streamId: string; head: { version: number; hash: string } }[] = [];
    for (let i = 0; i < STREAMS; i++) {
      const streamId = `request#NECS-2026-${String(i + 1).padStart(6, '0')}`;
      if (i % (STREAMS / CHANGED) === 0) {
        const [event] = chain(streamId, [note(`stream ${i}`)], undefined, recordedAt);
        items.push(event as unknown as Record<string, unknown>);
        items.push({
          streamId,
          version: 0,
          kind: 'head',
          headVersion: 1,
          headHash: event?.hash,
          updatedAt: recordedAt,
        });
        changing.push({ streamId, head: { version: 1, hash: event?.hash as string } });
      } else {
        items.push({
          streamId,
          version: 0,
          kind: 'head',
          headVersion: 1 + (i % 7),
          headHash: createHash('sha256').update(streamId).digest('hex'),
          updatedAt: recordedAt,
        });
      }
    }
    await batchWrite(doc, names.events, items);
    const anchors = composeAnchors({
      doc,
      eventsTable: names.events,
      readModelTable: names.readModels,
      ...localAnchorPlaces(dir),
      now: () => new Date(),
    });

    // Act: from scratch (every head read from the events table)
    let t = performance.now();
    const full = await anchorNow(anchors.deps, { full: true });
    const fullSeconds = (performance.now() - t) / 1000;
    if (full.anchor.statement.treeSize !== STREAMS)
      console.error(`P9: anchored ${full.anchor.statement.treeSize} of ${STREAMS} streams`);
    line('P9', 'anchor-100k-streams-from-scratch-seconds', fullSeconds, '<=', 30);

    // 1,000 streams move on (a real append each), the stream consumer marks them; then the incremental anchor
    const store = new DynamoEventStore(doc, names.events);
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < changing.length) {
          const c = changing[next++] as (typeof changing)[number];
          const appended = await store.append(c.streamId, [note('later')], c.head);
          await anchors.heads.markChanged({
            streamId: c.streamId,
            version: appended.head.version,
            hash: appended.head.hash,
          });
        }
      }),
    );
    t = performance.now();
    const incremental = await anchorNow(anchors.deps);
    const incrementalSeconds = (performance.now() - t) / 1000;
    if (incremental.changed !== CHANGED || incremental.conflicts.length > 0)
      console.error(`P9b: ${incremental.changed} changed, ${incremental.conflicts.length} conflicts`);
    line('P9b', 'anchor-incremental-after-1000-changed-seconds', incrementalSeconds, '<=', 30);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ddb = await startDynamoDbLocal({ port: await freePort(), heap: '1g' });
  const client = createDynamoClient({ endpoint: ddb.endpoint });
  try {
    await benchAnchors(client, createDocumentClient(client), (id, name, value, op, target) =>
      console.log(`${id} ${name}: ${value === 'n/a' ? 'n/a' : value.toFixed(2)} (goal ${op} ${target})`),
    );
  } finally {
    client.destroy();
    await ddb.stop();
  }
}
