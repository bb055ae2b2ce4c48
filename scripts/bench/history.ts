import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';
import type { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { auditStream } from '../../application/audit.js';
import { appendNotes, loadAverage, sorted } from './figures.js';

export interface HistoryMeasurement {
  /** Median of the per-round ratios (raw ÷ ours): the P2 figure. */
  readonly ratio: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
  readonly rounds: number;
  /** Median milliseconds of one raw Query and of one history + fold + verify. */
  readonly rawMs: number;
  readonly oursMs: number;
}

/**
 * P2: history + fold + verify of a 1,000-event request ÷ the raw Query of the same items, side by side.
 * Like for like: the raw side sends the store's own Query (the partition from version 0, the head
 * included, consistent, every page followed) through the same document client, so both pay the same
 * DynamoDB work and unmarshalling and the ratio is what parsing, checking and folding add.
 * After a warm-up, each of `rounds` rounds times raw, ours, ours, raw (ours, raw, raw, ours in odd
 * rounds), so drift within a round cancels; the figure is the median of the per-round ratios, printed
 * with their spread (quartiles, min–max).
 * 81 rounds by default: with 25 the median moved by ±0.04 between runs on an idle machine (0.89–0.96),
 * with 81 by ±0.015, as the per-round ratios themselves spread from ~0.6 to ~1.3 (DynamoDB Local's JVM).
 */
export const measureHistory = async (
  doc: DynamoDBDocumentClient,
  table: string,
  store: DynamoEventStore,
  rounds = 81,
): Promise<HistoryMeasurement> => {
  const streamId = 'request#P2-long';
  await appendNotes(store, streamId);
  const rawQuery = async () => {
    let key: Record<string, unknown> | undefined;
    let count = 0;
    do {
      const page = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'streamId = :s AND version BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':s': streamId, ':from': 0, ':to': Number.MAX_SAFE_INTEGER },
          ConsistentRead: true,
          ExclusiveStartKey: key,
        }),
      );
      count += page.Items?.length ?? 0;
      key = page.LastEvaluatedKey;
    } while (key);
    if (count !== 1001) throw new Error('P2 raw query read the wrong stream');
  };
  const history = async () => {
    const audited = await auditStream(store, streamId);
    if (!audited?.verification.valid || audited.history.events.length !== 1000)
      throw new Error('P2 stream did not verify');
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
  const raws: number[] = [];
  const ourss: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const [first, second] = round % 2 === 0 ? ([rawQuery, history] as const) : ([history, rawQuery] as const);
    const a1 = await time(first);
    const b1 = await time(second);
    const b2 = await time(second);
    const a2 = await time(first);
    const [raw, ours] =
      round % 2 === 0
        ? [
            [a1, a2],
            [b1, b2],
          ]
        : [
            [b1, b2],
            [a1, a2],
          ];
    ratios.push(((raw[0] as number) + (raw[1] as number)) / ((ours[0] as number) + (ours[1] as number)));
    raws.push(...raw);
    ourss.push(...ours);
  }
  const s = sorted(ratios);
  const at = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] as number;
  return {
    ratio: at(s, 0.5),
    q1: at(s, 0.25),
    q3: at(s, 0.75),
    min: s[0] as number,
    max: s[s.length - 1] as number,
    rounds,
    rawMs: at(sorted(raws), 0.5),
    oursMs: at(sorted(ourss), 0.5),
  };
};

/** The spread line printed above P2: quartiles, min–max, median milliseconds and the machine's load then. */
export const describeHistorySpread = (m: HistoryMeasurement): string =>
  `P2 spread: quartiles ${m.q1.toFixed(2)}–${m.q3.toFixed(2)}, min–max ${m.min.toFixed(2)}–${m.max.toFixed(2)} over ${m.rounds} alternating rounds; ` +
  `median raw ${m.rawMs.toFixed(1)} ms, ours ${m.oursMs.toFixed(1)} ms; load average ${loadAverage()}`;
