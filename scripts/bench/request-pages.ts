/**
 * P7: items DynamoDB reads to serve one page of `GET /requests` (a filtered page, a searched page and a
 * two-word search: a rare word with one every request holds)
 * ÷ the page size, with 100,000 requests stored; and the p95 latency of such a page on DynamoDB Local.
 * The read items are seeded directly (BatchWrite of exactly what the projector writes), so setup is quick.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { performance } from 'node:perf_hooks';
import { dynamoReadModels } from '../../adapters/dynamodb/read-models.js';
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { evolve, initialState, type Request } from '../../domain/request/state.js';
import { readItemsFor } from '../../adapters/dynamodb/read-items.js';
import type { RequestEvent } from '../../events/request-events.js';
import { readModelTable } from '../../infra/tables.js';
import { filterFor, indexFor, listQuery, searchPage } from '../../functions/api/routes/request-list.js';

const REQUESTS = 100_000;
const PAGE = 50;
const TABLE = 'bench-request-pages';
const WORDS = [
  'forest',
  'water',
  'air',
  'quality',
  'permit',
  'mining',
  'waste',
  'river',
  'wildlife',
  'climate',
  'hydropower',
  'road',
];

const requestNo = (i: number): Request => {
  const receivedAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const event = {
    type: 'RequestReceived',
    schemaVersion: 1,
    occurredAt: receivedAt,
    actor: { kind: 'system', component: 'bench' },
    data: {
      requestId: `NECS-2026-${String(i + 1).padStart(6, '0')}`,
      channel: (['email', 'web', 'letter', 'phone', 'walk_in'] as const)[i % 5],
      requester: { name: `Requester ${i % 997}`, kind: 'public' },
      subject: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} report ${i}`,
      body: { inline: 'x' },
      attachments: [],
      receivedAt,
      responseWorkingDays: 5,
      dueAt: new Date(Date.parse(receivedAt) + 7 * 86_400_000).toISOString(),
    },
  } as unknown as RequestEvent;
  return evolve(initialState(), event) as Request;
};

/** Prints P7 and the p95 page latency; `line` formats a bench figure. */
export const benchRequestPages = async (
  client: DynamoDBClient,
  doc: DynamoDBDocumentClient,
  line: (id: string, name: string, value: number, op: string, target: number) => void,
) => {
  await ensureTable(client, readModelTable, TABLE);
  // Other term partitions hold other words; no page read here touches them, so they are not seeded.
  // `report` is in every subject (100,000 items): the two-word search must not pay for it.
  const items = Array.from({ length: REQUESTS }, (_, i) =>
    readItemsFor(requestNo(i), 1, 'Asia/Thimphu').filter(
      (it) => it.sk === 'view' || it.pk === 'term#mining' || it.pk === 'term#report',
    ),
  ).flat();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < items.length) {
        let batch: Record<string, unknown>[] = items
          .slice(next, (next += 25))
          .map((Item) => ({ PutRequest: { Item } }));
        while (batch.length)
          batch =
            (await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: batch } }))).UnprocessedItems?.[TABLE] ??
            [];
      }
    }),
  );
  const models = dynamoReadModels(doc, TABLE);
  const ratios: number[] = [];
  const twoWordRatios: number[] = [];
  const latencies: number[] = [];
  for (let round = 0; round < 20; round++) {
    // A filtered page (channel = letter, one in five) and a searched page (`mining`, one in twelve), as the route reads them.
    const q = listQuery.parse({ channel: 'letter', limit: String(PAGE) });
    const t0 = performance.now();
    const filter = filterFor(q, 'bench', 'channelByDue');
    const filtered = await models.indexPage({
      ...indexFor(q, 'bench'),
      limit: PAGE + 1,
      ...(filter ? { filter } : {}),
    });
    const t1 = performance.now();
    const searched = await models.indexPage({
      index: 'termByDue',
      keyName: 'termPk',
      keyValue: 'term#mining',
      limit: PAGE + 1,
    });
    const t2 = performance.now();
    const twoWords = await searchPage(models, ['mining', 'report'], { want: PAGE + 1 });
    const t3 = performance.now();
    if (twoWords.picked.length !== PAGE + 1)
      throw new Error(`the two-word search found ${twoWords.picked.length} requests, not a page`);
    ratios.push(filtered.itemsRead / PAGE, searched.itemsRead / PAGE);
    twoWordRatios.push(twoWords.itemsRead / PAGE);
    latencies.push(t1 - t0, t2 - t1, t3 - t2);
  }
  console.log(
    `  P7 two-word search (\`mining report\`): ${Math.max(...twoWordRatios).toFixed(2)} items read per item shown`,
  );
  latencies.sort((a, b) => a - b);
  console.log(
    `  P7 p95 page latency on DynamoDB Local: ${latencies[Math.floor(latencies.length * 0.95)]!.toFixed(1)} ms (${REQUESTS} requests, page ${PAGE})`,
  );
  line('P7', 'requests-page-items-read-per-item', Math.max(...ratios, ...twoWordRatios), '<=', 1.5);
};
