import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';
import type { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { auditStream } from '../../application/audit.js';
import type { RequestEvent } from '../../events/request-events.js';

const note = (i: number): RequestEvent => ({
  type: 'NoteAdded', schemaVersion: 1, occurredAt: new Date(Date.UTC(2026, 10, 23, 4, 0, i % 60)).toISOString(),
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' }, data: { text: `note ${i}: called the requester about the data` },
});
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/**
 * P2: history + fold + verify of a 1,000-event request ÷ the raw paged Query of the same items, side by
 * side: a warm-up, then `rounds` alternating rounds (which goes first alternates too), the figure the
 * median of the per-round ratios, with their spread (quartiles, min–max).
 */
export const measureHistory = async (doc: DynamoDBDocumentClient, table: string, store: DynamoEventStore, rounds = 25) => {
  const streamId = 'request#P2-long';
  let head;
  for (let i = 0; i < 1000; i += 50) head = (await store.append(streamId, Array.from({ length: 50 }, (_, j) => note(i + j)), head)).head;
  const rawQuery = async () => {
    let key: Record<string, unknown> | undefined;
    let count = 0;
    do {
      const page = await doc.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'streamId = :s AND version >= :one', ExpressionAttributeValues: { ':s': streamId, ':one': 1 }, ConsistentRead: true, ExclusiveStartKey: key }));
      count += page.Items?.length ?? 0;
      key = page.LastEvaluatedKey;
    } while (key);
    if (count !== 1000) throw new Error('P2 raw query read the wrong stream');
  };
  const history = async () => {
    const audited = await auditStream(store, streamId);
    if (!audited?.verification.valid || audited.history.events.length !== 1000) throw new Error('P2 stream did not verify');
  };
  const time = async (f: () => Promise<void>) => {
    const s = performance.now();
    await f();
    return performance.now() - s;
  };
  for (let i = 0; i < 5; i++) {
    await rawQuery();
    await history();
  }
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let raw: number;
    let ours: number;
    if (round % 2 === 0) {
      raw = await time(rawQuery);
      ours = await time(history);
    } else {
      ours = await time(history);
      raw = await time(rawQuery);
    }
    ratios.push(raw / ours);
  }
  const s = sorted(ratios);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
  return { ratio: at(0.5), q1: at(0.25), q3: at(0.75), min: s[0] as number, max: s[s.length - 1] as number, rounds };
};
