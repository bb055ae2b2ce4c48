/**
 * `npm run bench`: figures measured side by side in one run, against a DynamoDB Local this script
 * starts (in memory) and stops. Each line: `<ID> <name>: <value> (goal <op> <target>)`.
 */
import { BatchWriteCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { chain, DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { auditStream } from '../../application/audit.js';
import type { RequestEvent } from '../../events/request-events.js';
import { eventsTable, readModelTable } from '../../infra/tables.js';
import { freePort, startDynamoDbLocal } from '../../local/dynamodb-local.js';

const note = (i: number): RequestEvent => ({
  type: 'NoteAdded', schemaVersion: 1, occurredAt: new Date(Date.UTC(2026, 10, 23, 4, 0, i % 60)).toISOString(),
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' }, data: { text: `note ${i}: called the requester about the data` },
});
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const line = (id: string, name: string, value: number | 'n/a', op: string, target: number) =>
  console.log(`${id} ${name}: ${value === 'n/a' ? 'n/a' : value.toFixed(2)} (goal ${op} ${target})`);

/** Runs `n` tasks with `concurrency` at a time; returns elapsed ms. */
const timed = async (n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number> => {
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await task(next++);
  }));
  return performance.now() - start;
};

const main = async () => {
  const ddb = await startDynamoDbLocal({ port: await freePort(), heap: '1g' });
  const client = createDynamoClient({ endpoint: ddb.endpoint });
  const doc = createDocumentClient(client);
  try {
    await ensureTable(client, eventsTable, 'bench-events');
    await ensureTable(client, readModelTable, 'bench-read');
    const store = new DynamoEventStore(doc, 'bench-events');

    // P1: one event appended to a new stream (event + head, conditional, hash-chained) vs the same two
    // items written by a plain TransactWriteItems with no conditions and no hashing. Alternating rounds.
    const N = 300;
    const ours: number[] = [];
    const raw: number[] = [];
    for (let round = 0; round < 5; round++) {
      ours.push(await timed(N, 8, (i) => store.append(`request#P1-ours-${round}-${i}`, [note(i)], undefined)));
      raw.push(
        await timed(N, 8, (i) => {
          const streamId = `request#P1-raw-${round}-${i}`;
          const [item] = chain(streamId, [note(i)], undefined, new Date().toISOString());
          return doc.send(new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: 'bench-events', Item: { streamId, version: 0, kind: 'head', headVersion: 1, headHash: item!.hash } } },
              { Put: { TableName: 'bench-events', Item: item! } },
            ],
          }));
        }),
      );
    }
    line('P1', 'append-vs-raw-writes', median(raw) / median(ours), '>=', 0.9);

    // P2: history + fold + verify of a 1,000-event stream vs the raw paged Query of the same items.
    const streamId = 'request#P2-long';
    let head;
    for (let i = 0; i < 1000; i += 50) {
      head = (await store.append(streamId, Array.from({ length: 50 }, (_, j) => note(i + j)), head)).head;
    }
    const rawQuery = async () => {
      let key: Record<string, unknown> | undefined;
      let count = 0;
      do {
        const page = await doc.send(new QueryCommand({ TableName: 'bench-events', KeyConditionExpression: 'streamId = :s AND version >= :one', ExpressionAttributeValues: { ':s': streamId, ':one': 1 }, ConsistentRead: true, ExclusiveStartKey: key }));
        count += page.Items?.length ?? 0;
        key = page.LastEvaluatedKey;
      } while (key);
      return count;
    };
    const history = async () => {
      const audited = await auditStream(store, streamId);
      if (!audited?.verification.valid || audited.history.events.length !== 1000) throw new Error('P2 stream did not verify');
    };
    const t2ours: number[] = [];
    const t2raw: number[] = [];
    for (let round = 0; round < 7; round++) {
      let s = performance.now();
      await rawQuery();
      t2raw.push(performance.now() - s);
      s = performance.now();
      await history();
      t2ours.push(performance.now() - s);
    }
    line('P2', 'history-fold-verify-vs-raw-query', median(t2raw) / median(t2ours), '>=', 0.8);

    // P3: items read by the breach scan's open-by-due query ÷ items due, with 10,000 closed requests present.
    const closed = Array.from({ length: 10_000 }, (_, i) => ({
      pk: `request#NECS-2025-${String(i + 1).padStart(5, '0')}`, sk: 'view', appliedVersion: 5,
      view: { status: 'archived' }, divisionPk: 'division#legal', divisionSk: `2025-01-01T00:00:00.000Z#${i}`,
    }));
    const open = Array.from({ length: 60 }, (_, i) => ({
      pk: `request#NECS-2026-${String(i + 1).padStart(5, '0')}`, sk: 'view', appliedVersion: 2, view: { status: 'assigned' },
      openPk: 'open', openDueSk: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}T11:00:00.000Z#NECS-2026-${i}`,
    }));
    const items = [...closed, ...open];
    await timed(Math.ceil(items.length / 25), 8, (b) =>
      doc.send(new BatchWriteCommand({ RequestItems: { 'bench-read': items.slice(b * 25, b * 25 + 25).map((Item) => ({ PutRequest: { Item } })) } })),
    );
    const cutoff = '2026-12-10T11:00:00.000Z#~';
    const due = open.filter((o) => o.openDueSk <= cutoff).length;
    let scanned = 0;
    let key: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new QueryCommand({ TableName: 'bench-read', IndexName: 'openByDue', KeyConditionExpression: 'openPk = :o AND openDueSk <= :c', ExpressionAttributeValues: { ':o': 'open', ':c': cutoff }, ExclusiveStartKey: key }));
      scanned += page.ScannedCount ?? 0;
      key = page.LastEvaluatedKey;
    } while (key);
    line('P3', 'scan-items-read-per-item-due', scanned / due, '<=', 1.2);

    line('P4', 'largest-function-bundle-kb', 'n/a', '<=', 250);
    line('P5', 'email-peak-rss-growth-per-size', 'n/a', '<=', 3);
    line('P6', 'local-projection-lag-p95-ms', 'n/a', '<=', 1000);
  } finally {
    client.destroy();
    await ddb.stop();
  }
};

await main();
