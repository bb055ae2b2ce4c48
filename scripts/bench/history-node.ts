/**
 * P2's Node side alone: `npx tsx scripts/bench/history-node.ts [rounds]` records DynamoDB Local's
 * answer to the bench's Query (the 1,000-event stream and its head) once, then replays it to a client
 * whose HTTP handler returns that answer at once. Each round times, in CPU milliseconds of this process
 * (all its threads: the collector's included), the raw Query, `store.read` and `auditStream`, the same
 * SDK path as P2 without DynamoDB's time or its noise. What P2 divides is raw ÷ (raw + what we add);
 * this prints what we add, so a change to parsing, hashing or folding can be judged on a busy machine.
 */
import { DynamoDBClient, QueryCommand as LowLevelQuery } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Readable } from 'node:stream';
import { createDocumentClient } from '../../adapters/dynamodb/client.js';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { auditStream } from '../../application/audit.js';
import { appendNotes, loadAverage, median, withDynamoDbLocal } from './figures.js';
import { eventsTable } from '../../infra/tables.js';

const rounds = Number(process.argv[2] ?? 150);
const table = 'node-events';
const streamId = 'request#P2-long';
const query = {
  TableName: table,
  KeyConditionExpression: 'streamId = :s AND version BETWEEN :from AND :to',
  ConsistentRead: true,
};

/** The Query's answer as DynamoDB sends it: the items in DynamoDB JSON, in the order and shape they came. */
const record = async (): Promise<string> => {
  return withDynamoDbLocal(async ({ client, doc }) => {
    await ensureTable(client, eventsTable, table);
    const store = new DynamoEventStore(doc, table);
    await appendNotes(store, streamId);
    const out = await client.send(
      new LowLevelQuery({
        ...query,
        ExpressionAttributeValues: {
          ':s': { S: streamId },
          ':from': { N: '0' },
          ':to': { N: String(Number.MAX_SAFE_INTEGER) },
        },
      }),
    );
    if (out.LastEvaluatedKey || out.Items?.length !== 1001) throw new Error('expected the whole stream in one page');
    return JSON.stringify({ Count: out.Count, Items: out.Items, ScannedCount: out.ScannedCount });
  });
};

const body = Buffer.from(await record());
const replaying = {
  handle: async () => ({
    response: {
      statusCode: 200,
      reason: 'OK',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'content-length': String(body.length) },
      body: Readable.from([body]),
    },
  }),
  updateHttpClientConfig: () => undefined,
  httpHandlerConfigs: () => ({}),
  destroy: () => undefined,
};
const client = new DynamoDBClient({
  region: 'ap-south-1',
  endpoint: 'http://127.0.0.1:1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  maxAttempts: 2,
  requestHandler: replaying,
});
const doc = createDocumentClient(client);
const store = new DynamoEventStore(doc, table);
const raw = () =>
  doc.send(
    new QueryCommand({
      ...query,
      ExpressionAttributeValues: { ':s': streamId, ':from': 0, ':to': Number.MAX_SAFE_INTEGER },
    }),
  );
const audited = await auditStream(store, streamId);
if (!audited?.verification.valid || audited.history.events.length !== 1000)
  throw new Error('the replayed stream did not verify');

const variants: [string, () => Promise<unknown>][] = [
  ['raw Query', raw],
  ['store.read', () => store.read(streamId)],
  ['auditStream', () => auditStream(store, streamId)],
];
const cpu = variants.map(() => [] as number[]);
for (let round = 0; round < rounds + 20; round++) {
  for (let k = 0; k < variants.length; k++) {
    const v = (k + round) % variants.length;
    const start = process.cpuUsage();
    await (variants[v] as [string, () => Promise<unknown>])[1]();
    const used = process.cpuUsage(start);
    if (round >= 20) cpu[v]?.push((used.user + used.system) / 1000);
  }
}
const [rawMs, readMs, auditMs] = cpu.map(median) as [number, number, number];
console.log(
  `Node CPU per read, median of ${rounds} rounds: raw Query ${rawMs.toFixed(2)} ms, store.read ${readMs.toFixed(2)} ms (+${(readMs - rawMs).toFixed(2)}), auditStream ${auditMs.toFixed(2)} ms (+${(auditMs - rawMs).toFixed(2)}); load average ${loadAverage()}`,
);
client.destroy();
