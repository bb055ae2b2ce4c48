/**
 * `npm run bench`: figures measured side by side in one run, against a DynamoDB Local this script
 * starts (in memory) and stops. Each line: `<ID> <name>: <value> (goal <op> <target>)`.
 * `npm run bench -- P10 P4b` runs only the figures named (a group runs whole: P4 with P4b, P6 with T1,
 * P8 with P8b, P9 with P9b).
 */
import { BatchWriteCommand, GetCommand, QueryCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import nodemailer from 'nodemailer';
import { inboundMailQueue } from '../../infra/queues.js';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startBenchStack } from './bench-stack.js';
import { benchBundles } from './bundles.js';
import { describeHistorySpread, measureHistory } from './history.js';
import { benchAnchors } from './anchors.js';
import { benchRequestPages } from './request-pages.js';
import { performance } from 'node:perf_hooks';
import { chain, DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { eventsTable, readModelTable } from '../../infra/tables.js';
import { line, median, note, timed, withDynamoDbLocal } from './figures.js';
import { benchResponseReads } from './response-reads.js';

const receivedByEmailNow = (now: string) => ({
  data: {
    channel: 'email' as const,
    requester: { name: 'Bench', email: 'bench@example.bt', kind: 'public' as const },
    subject: 'Projection lag',
    body: { inline: 'x' },
    attachments: [],
    receivedAt: now,
  },
  metadata: { now, actor: { kind: 'system' as const, component: 'bench' } },
});
/** The figures asked for on the command line (all when none): each group runs when one of its IDs is named. */
const asked = process.argv.slice(2).map((a) => a.toUpperCase());
const known = ['P1', 'P2', 'P3', 'P4', 'P4B', 'P5', 'P6', 'T1', 'P7', 'P8', 'P8B', 'P9', 'P9B', 'P10', 'P11'];
const unknown = asked.filter((a) => !known.includes(a));
if (unknown.length > 0) {
  console.error(`unknown figure ${unknown.join(', ')}; known: ${known.join(' ')}`);
  process.exit(2);
}
const wants = (...ids: string[]) => asked.length === 0 || ids.some((id) => asked.includes(id));

const main = () =>
  withDynamoDbLocal(async ({ endpoint, client, doc }) => {
    await ensureTable(client, eventsTable, 'bench-events');
    await ensureTable(client, readModelTable, 'bench-read');
    const store = new DynamoEventStore(doc, 'bench-events');

    if (wants('P1')) {
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
            return doc.send(
              new TransactWriteCommand({
                TransactItems: [
                  {
                    Put: {
                      TableName: 'bench-events',
                      Item: { streamId, version: 0, kind: 'head', headVersion: 1, headHash: item!.hash },
                    },
                  },
                  { Put: { TableName: 'bench-events', Item: item! } },
                ],
              }),
            );
          }),
        );
      }
      line('P1', 'append-vs-raw-writes', median(raw) / median(ours), '>=', 0.9);
    }

    if (wants('P2')) {
      // P2: history + fold + verify of a 1,000-event stream vs the raw paged Query of the same items.
      const p2 = await measureHistory(doc, 'bench-events', store);
      console.log(`  ${describeHistorySpread(p2)}`);
      line('P2', 'history-fold-verify-vs-raw-query', p2.ratio, '>=', 0.9);
    }

    if (wants('P3')) {
      // P3: items read by the breach scan's open-by-due query ÷ items due, with 10,000 closed requests present.
      const closed = Array.from({ length: 10_000 }, (_, i) => ({
        pk: `request#NECS-2025-${String(i + 1).padStart(5, '0')}`,
        sk: 'view',
        appliedVersion: 5,
        view: { status: 'archived' },
        divisionPk: 'division#legal',
        divisionSk: `2025-01-01T00:00:00.000Z#${i}`,
      }));
      const open = Array.from({ length: 60 }, (_, i) => ({
        pk: `request#NECS-2026-${String(i + 1).padStart(5, '0')}`,
        sk: 'view',
        appliedVersion: 2,
        view: { status: 'assigned' },
        openPk: 'open',
        openDueSk: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}T11:00:00.000Z#NECS-2026-${i}`,
      }));
      const items = [...closed, ...open];
      await timed(Math.ceil(items.length / 25), 8, (b) =>
        doc.send(
          new BatchWriteCommand({
            RequestItems: { 'bench-read': items.slice(b * 25, b * 25 + 25).map((Item) => ({ PutRequest: { Item } })) },
          }),
        ),
      );
      const cutoff = '2026-12-10T11:00:00.000Z#~';
      const due = open.filter((o) => o.openDueSk <= cutoff).length;
      let scanned = 0;
      let key: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: 'bench-read',
            IndexName: 'openByDue',
            KeyConditionExpression: 'openPk = :o AND openDueSk <= :c',
            ExpressionAttributeValues: { ':o': 'open', ':c': cutoff },
            ExclusiveStartKey: key,
          }),
        );
        scanned += page.ScannedCount ?? 0;
        key = page.LastEvaluatedKey;
      } while (key);
      line('P3', 'scan-items-read-per-item-due', scanned / due, '<=', 1.2);
    }

    if (wants('P4', 'P4B')) await benchBundles(endpoint, { events: 'bench-events', readModels: 'bench-read' }, line);

    if (wants('P5')) {
      // P5: peak RSS growth while one ~25 MB message is parsed, stored and appended, ÷ its size (child process).
      const child = spawnSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./intake-rss.ts', import.meta.url))],
        {
          encoding: 'utf8',
          env: { ...process.env, DYNAMODB_ENDPOINT: endpoint, NODE_OPTIONS: '' },
          maxBuffer: 1024 * 1024,
        },
      );
      const rss = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
        sizeBytes?: number;
        baselineRss?: number;
        peakRss?: number;
      };
      line(
        'P5',
        'email-peak-rss-growth-per-size',
        rss.sizeBytes ? ((rss.peakRss ?? 0) - (rss.baselineRss ?? 0)) / rss.sizeBytes : 'n/a',
        '<=',
        3,
      );
    }

    if (wants('P8', 'P8B')) await (await import('./console.js')).benchConsole(endpoint, line);
    if (wants('P11')) await (await import('./portal.js')).benchPortal(endpoint, line);

    if (wants('P6', 'T1')) {
      // P6 and T1: the local stack on this DynamoDB Local, with its pollers running as in `npm start`.
      const stack = await startBenchStack(endpoint, 'stack');
      try {
        const lags: number[] = [];
        const r = receivedByEmailNow(stack.clock.now().toISOString());
        const created = await stack.core.commands.receive(r.data, r.metadata);
        if (!created.ok) throw created.error;
        for (let i = 0; i < 60; i++) {
          const out = await stack.core.commands.execute(created.requestId, {
            type: 'AddNote',
            data: { text: `n${i}` },
            metadata: { now: stack.clock.now().toISOString(), actor: { kind: 'system', component: 'bench' } },
          });
          const start = performance.now();
          const version = out.ok ? out.version : 0;
          for (;;) {
            const item = await doc.send(
              new GetCommand({
                TableName: 'bench-stack-read',
                Key: { pk: `request#${created.requestId}`, sk: 'view' },
              }),
            );
            if (
              (item.Item?.appliedVersion as number | undefined) !== undefined &&
              (item.Item?.appliedVersion as number) >= version
            )
              break;
            await new Promise((res) => setTimeout(res, 5));
          }
          lags.push(performance.now() - start);
        }
        lags.sort((a, b) => a - b);
        line('P6', 'local-projection-lag-p95-ms', lags[Math.floor(lags.length * 0.95)] as number, '<=', 1000);

        // T1: 1,000 small messages through the local SMTP listener to their outcome.
        const smtp = nodemailer.createTransport({
          host: '127.0.0.1',
          port: stack.smtpPort,
          secure: false,
          ignoreTLS: true,
          pool: true,
          maxConnections: 4,
        });
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: 1000 }, (_, i) =>
            smtp.sendMail({
              from: `p${i}@example.bt`,
              to: 'requests@necs.example',
              subject: `Request ${i}`,
              text: 'Please share the data.',
            }),
          ),
        );
        smtp.close();
        // Done when the inbound queue is empty: every message received, processed and deleted.
        const inbound = stack.sqs.queues[inboundMailQueue.id]?.url;
        for (let empty = 0; empty < 2 && performance.now() - t0 < 600_000;) {
          const attrs = await stack.sqs.client.send(
            new GetQueueAttributesCommand({
              QueueUrl: inbound,
              AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
            }),
          );
          const left =
            Number(attrs.Attributes?.ApproximateNumberOfMessages ?? 1) +
            Number(attrs.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 1);
          empty = left === 0 ? empty + 1 : 0;
          await new Promise((res) => setTimeout(res, 500));
        }
        const elapsed = performance.now() - t0;
        let processed = 0;
        let from: Record<string, unknown> | undefined;
        do {
          const page = await doc.send(
            new ScanCommand({
              TableName: 'bench-stack-events',
              Select: 'COUNT',
              FilterExpression: 'begins_with(streamId, :m) AND version = :one',
              ExpressionAttributeValues: { ':m': 'mail#', ':one': 1 },
              ExclusiveStartKey: from,
            }),
          );
          processed += page.Count ?? 0;
          from = page.LastEvaluatedKey;
        } while (from);
        // Goal: a national hub's 100,000 requests a year is < 0.01 mail/s on average and a bad hour of a
        // few hundred mails < 0.1/s; 1/s end to end (acknowledgment sent) leaves ten times that headroom.
        line('T1', 'smtp-intake-messages-per-second', (processed / elapsed) * 1000, '>=', 1);
        if (processed !== 1000) console.error(`T1: ${processed} of 1000 messages processed`);
      } finally {
        await stack.stop();
      }
    }

    if (wants('P9', 'P9B')) await benchAnchors(client, doc, line);
    if (wants('P7')) await benchRequestPages(client, doc, line);
    if (wants('P10')) await benchResponseReads(endpoint, line);
  });

await main();
