/**
 * Where P2's difference goes, step by step: `npx tsx scripts/bench/history-steps.ts` reads the bench's
 * 1,000-event stream once through the document client (the items exactly as the store receives them)
 * and times each per-event step of a history + fold + verify read on those items, in Node alone:
 * parsing, the canonical envelope (string and bytes), SHA-256, the chain check, listing and folding.
 * Median wall time of 60 repetitions after 30 of warm-up, per 1,000 events. (The whole read, raw
 * Query against ours in CPU time: scripts/bench/history-node.ts.)
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHash, hash as oneShotHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { ChainCheck } from '../../domain/audit/chain-check.js';
import { envelopeUtf8 } from '../../domain/audit/canonical-bytes.js';
import { canonicalEnvelope, hashEvent } from '../../domain/audit/hash-chain.js';
import type { StreamHead } from '../../domain/shared/stream-head.js';
import { chainEntryOf } from '../../domain/audit/stored-record.js';
import type { StoredRecord } from '../../domain/audit/verify.js';
import { evolve, initialState } from '../../domain/request/state.js';
import { parseAnyEvent } from '../../events/catalogue.js';
import { envelopeOf } from '../../events/envelope.js';
import type { RequestEvent } from '../../events/request-events.js';
import { appendNotes, median, withDynamoDbLocal } from './figures.js';
import { eventsTable } from '../../infra/tables.js';

const steps: [string, () => unknown][] = [];
const step = (name: string, f: () => unknown) => steps.push([name, f]);

await withDynamoDbLocal(async ({ client, doc }) => {
  await ensureTable(client, eventsTable, 'steps-events');
  const store = new DynamoEventStore(doc, 'steps-events');
  const streamId = 'request#P2-long';
  const head: StreamHead = await appendNotes(store, streamId);
  const query = () =>
    doc.send(
      new QueryCommand({
        TableName: 'steps-events',
        KeyConditionExpression: 'streamId = :s AND version BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':s': streamId, ':from': 0, ':to': Number.MAX_SAFE_INTEGER },
        ConsistentRead: true,
      }),
    );
  const items = ((await query()).Items ?? []).filter((i) => i.version !== 0) as (StoredRecord & {
    recordedAt: string;
  })[];
  if (items.length !== 1000) throw new Error(`expected 1,000 events, read ${items.length}`);
  const envelopes = items.map(canonicalEnvelope);
  const texts = envelopes.map((e, i) => `${items[i]?.prevHash}\n${e}`);

  step('parseAnyEvent (zod, with upcast)', () => items.map((e) => parseAnyEvent(envelopeOf(e))));
  step('canonicalEnvelope (string writer)', () => items.map(canonicalEnvelope));
  step('envelopeUtf8 (bytes written directly)', () => items.map((e) => envelopeUtf8(e.prevHash, e)?.length));
  step('sha256 one-shot (crypto.hash)', () => texts.map((t) => oneShotHash('sha256', t, 'hex')));
  step('sha256 createHash', () => texts.map((t) => createHash('sha256').update(t).digest('hex')));
  step('hashEvent (envelope + sha256)', () => items.map((e) => hashEvent(e.prevHash, e)));
  step('ChainCheck add ×1000 + result', () => {
    const c = new ChainCheck();
    for (const e of items) c.add(e);
    return c.result(head);
  });
  step('list + evolve', () => {
    let s = initialState();
    const listed = [];
    for (const e of items) {
      listed.push(chainEntryOf(e));
      s = evolve(s, e as unknown as RequestEvent);
    }
    return s;
  });
  step('Date.parse occurredAt', () => items.map((e) => Date.parse(e.occurredAt)));

  for (const [name, f] of steps) {
    for (let i = 0; i < 30; i++) f();
    const ms: number[] = [];
    for (let i = 0; i < 60; i++) {
      const s = performance.now();
      f();
      ms.push(performance.now() - s);
    }
    console.log(`${name.padEnd(36)} ${median(ms).toFixed(3)} ms / 1,000`);
  }
});
