/**
 * What the bench scripts share: the figure line every script prints, the statistics they print it with,
 * the note events they fill streams with and a DynamoDB Local of their own.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import type { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import type { StreamHead } from '../../domain/shared/stream-head.js';
import type { RequestEvent } from '../../events/request-events.js';
import { freePort, startDynamoDbLocal } from '../../local/dynamodb-local.js';

/** Prints one figure as the contract fixes it: `<ID> <name>: <value> (goal <op> <target>)`. */
export type FigureLine = (id: string, name: string, value: number | 'n/a', op: string, target: number) => void;

export const line: FigureLine = (id, name, value, op, target) =>
  console.log(`${id} ${name}: ${value === 'n/a' ? 'n/a' : value.toFixed(2)} (goal ${op} ${target})`);

export const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

/** The middle value (the upper one of an even count). */
export const median = (xs: readonly number[]): number => sorted(xs)[Math.floor(xs.length / 2)] as number;

/** The smallest and largest values. */
export const spread = (xs: readonly number[]) => {
  const s = sorted(xs);
  return { min: s[0] as number, max: s[s.length - 1] as number };
};

/** The machine's load average, as the timing figures print it beside them. */
export const loadAverage = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** Runs `n` tasks with `concurrency` at a time; returns elapsed ms. */
export const timed = async (n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number> => {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await task(next++);
    }),
  );
  return performance.now() - start;
};

/** The `i`th note of a bench stream (fixed instants: a bench run does not depend on its day). */
export const note = (i: number): RequestEvent => ({
  type: 'NoteAdded',
  schemaVersion: 1,
  occurredAt: new Date(Date.UTC(2026, 10, 23, 4, 0, i % 60)).toISOString(),
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
  data: { text: `note ${i}: called the requester about the data` },
});

/** P2's stream: `count` notes appended 50 at a time. */
export const appendNotes = async (store: DynamoEventStore, streamId: string, count = 1000): Promise<StreamHead> => {
  let head: StreamHead | undefined;
  for (let i = 0; i < count; i += 50)
    head = (
      await store.append(
        streamId,
        Array.from({ length: Math.min(50, count - i) }, (_, j) => note(i + j)),
        head,
      )
    ).head;
  if (!head) throw new RangeError('appendNotes needs at least one note');
  return head;
};

/** Runs `work` against a DynamoDB Local of its own (in memory, on a free port), stopped afterwards. */
export const withDynamoDbLocal = async <T>(
  work: (local: { endpoint: string; client: DynamoDBClient; doc: DynamoDBDocumentClient }) => Promise<T>,
  heap = '1g',
): Promise<T> => {
  const ddb = await startDynamoDbLocal({ port: await freePort(), heap });
  const client = createDynamoClient({ endpoint: ddb.endpoint });
  try {
    return await work({ endpoint: ddb.endpoint, client, doc: createDocumentClient(client) });
  } finally {
    client.destroy();
    await ddb.stop();
  }
};
