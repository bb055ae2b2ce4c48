import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { ConcurrencyError, ConflictError, IdempotencyKeyReusedError } from '../../application/errors.js';
import { RequestCommands } from '../../application/request/commands.js';
import { auditStream, verifyStream } from '../../application/audit.js';
import { verifyChain } from '../../domain/audit/verify.js';
import { createRequestDecider } from '../../domain/request/decider.js';
import type { RequestEvent } from '../../events/request-events.js';
import { necs } from '../support/agency.js';
import { auditStreamTwoPass } from '../support/audit-two-pass.js';
import { freshTables } from '../support/dynamo.js';
import { command, receivedByEmail } from '../support/request-spec.js';
import { verifyChainTwoPass } from '../support/verify-chain-two-pass.js';

let tables: Awaited<ReturnType<typeof freshTables>>;
let store: DynamoEventStore;
let commands: RequestCommands;

beforeAll(async () => {
  tables = await freshTables();
  store = new DynamoEventStore(tables.doc, tables.names.events);
  commands = new RequestCommands({
    store,
    decider: createRequestDecider({ calendar: necs.calendar, directory: necs.directory }),
    config: necs.config,
  });
});
afterAll(() => tables.client.destroy());

const note = (text: string, at = '2026-11-23T10:00:00+06:00'): RequestEvent => ({
  type: 'NoteAdded',
  schemaVersion: 1,
  occurredAt: at,
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
  data: { text },
});
const newRequest = async () => {
  const r = receivedByEmail();
  const outcome = await commands.receive(r.data, r.metadata);
  if (!outcome.ok) throw outcome.error;
  return outcome.requestId;
};

describe('appending events', () => {
  it('writes contiguous versions from 1 and a head that matches the chain', async () => {
    // Prepare / Act
    const first = await store.append('request#T-1', [note('a'), note('b')], undefined);
    await store.append('request#T-1', [note('c')], first.head);
    // Assess
    const read = await store.read('request#T-1');
    expect(read.events.map((e) => [e.version, (e.event.data as { text: string }).text])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(verifyChain(read.events, read.head)).toEqual({ valid: true, events: 3, head: read.head?.hash });
  });

  it('refuses a writer whose expected version is stale, and writes nothing of it', async () => {
    const first = await store.append('request#T-2', [note('a')], undefined);
    await store.append('request#T-2', [note('b')], first.head);
    await expect(store.append('request#T-2', [note('late'), note('later')], first.head)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect((await store.read('request#T-2')).events).toHaveLength(2);
  });

  it('reads a range of versions', async () => {
    const first = await store.append('request#T-3', [note('1'), note('2'), note('3'), note('4')], undefined);
    const read = await store.read('request#T-3', { fromVersion: 2, toVersion: 3 });
    expect(read.events.map((e) => e.version)).toEqual([2, 3]);
    expect(read.head).toEqual(first.head);
  });
});

describe('50 concurrent writers on one stream', () => {
  it('lose cleanly: versions stay contiguous, every winner is there, losers see the conflict', async () => {
    // Prepare
    const start = await store.append('request#T-race', [note('start')], undefined);
    // Act: everyone believes they are next
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => store.append('request#T-race', [note(`w${i}`)], start.head)),
    );
    // Assess
    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.filter((r) => r.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers.every((r) => (r as PromiseRejectedResult).reason instanceof ConcurrencyError)).toBe(true);
    const read = await store.read('request#T-race');
    expect(read.events.map((e) => e.version)).toEqual([1, 2]);
  });

  it('through the command handler: each lands or gets a conflict, and history holds exactly those that landed', async () => {
    // Prepare
    const requestId = await newRequest();
    // Act: 50 notes at once through load → decide → append, each retried a bounded number of times
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        commands.execute(
          requestId,
          command('AddNote', { text: `note ${i}` }, 'ict.officer', '2026-11-23T10:00:00+06:00'),
        ),
      ),
    );
    // Assess
    const landed = outcomes.flatMap((o, i) => (o.status === 'fulfilled' && o.value.ok ? [`note ${i}`] : []));
    const conflicts = outcomes.filter((o) => o.status === 'rejected');
    expect(landed.length + conflicts.length).toBe(50);
    expect(conflicts.every((o) => (o as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
    expect(landed.length).toBeGreaterThan(0);
    const read = await store.read(`request#${requestId}`);
    expect(read.events.map((e) => e.version)).toEqual(Array.from({ length: landed.length + 1 }, (_, i) => i + 1));
    expect(
      read.events
        .slice(1)
        .map((e) => (e.event.data as { text: string }).text)
        .sort(),
    ).toEqual(landed.sort());
    expect(verifyChain(read.events, read.head).valid).toBe(true);
  }, 60_000);
});

describe('reference numbers', () => {
  it('are sequential per year with no gaps or duplicates under concurrency', async () => {
    // Act: 20 requests registered at once (on top of those other tests made)
    const before = await newRequest();
    const ids = await Promise.all(Array.from({ length: 20 }, () => newRequest()));
    // Assess
    const numbers = [before, ...ids].map((id) => Number(id.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(21);
    expect(numbers.at(-1)! - numbers[0]!).toBe(20);
    expect(before).toMatch(/^NECS-2026-\d{5}$/);
  }, 60_000);

  it('are not consumed by a refused command', async () => {
    const r = receivedByEmail();
    const first = await newRequest();
    const refused = await commands.receive({ ...r.data, receivedAt: '2027-01-01T10:00:00+06:00' }, r.metadata);
    const next = await newRequest();
    expect(refused.ok).toBe(false);
    expect(Number(next.split('-')[2])).toBe(Number(first.split('-')[2]) + 1);
  });
});

describe('idempotency keys', () => {
  it('return the original result for a retried command and append nothing', async () => {
    // Prepare
    const requestId = await newRequest();
    const add = command('AddNote', { text: 'called back' }, 'ict.officer', '2026-11-23T10:00:00+06:00');
    // Act
    const first = await commands.execute(requestId, add, 'key-note-1');
    const again = await commands.execute(
      requestId,
      { ...add, metadata: { ...add.metadata, now: '2026-11-23T10:05:00+06:00' } },
      'key-note-1',
    );
    // Assess
    expect(first.ok && again.ok).toBe(true);
    expect(again).toMatchObject({
      replayed: true,
      version: 2,
      events: [expect.objectContaining({ type: 'NoteAdded', data: { text: 'called back' } })],
    });
    expect((await store.read(`request#${requestId}`)).events).toHaveLength(2);
  });

  it('hold for new requests too: one request per key', async () => {
    const r = receivedByEmail();
    const first = await commands.receive(r.data, r.metadata, 'intake-key-1');
    const again = await commands.receive(r.data, r.metadata, 'intake-key-1');
    expect(first.ok && again.ok && first.requestId === again.requestId).toBe(true);
    expect(again.ok && again.replayed).toBe(true);
  });

  it('refuse the same key for a different command', async () => {
    const requestId = await newRequest();
    await commands.execute(
      requestId,
      command('AddNote', { text: 'one' }, 'ict.officer', '2026-11-23T10:00:00+06:00'),
      'key-x',
    );
    await expect(
      commands.execute(
        requestId,
        command('AddNote', { text: 'two' }, 'ict.officer', '2026-11-23T10:00:00+06:00'),
        'key-x',
      ),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('make concurrent retries of one command append once', async () => {
    const requestId = await newRequest();
    const add = command('AddNote', { text: 'once' }, 'ict.officer', '2026-11-23T10:00:00+06:00');
    await Promise.all(Array.from({ length: 10 }, () => commands.execute(requestId, add, 'key-burst')));
    expect((await store.read(`request#${requestId}`)).events).toHaveLength(2);
  });
});

describe('tampering', () => {
  const tamperable = async (streamId: string) => {
    const r = await store.append(streamId, [note('1'), note('2'), note('3'), note('4')], undefined);
    return r.head;
  };
  const rawItem = async (streamId: string, version: number) =>
    (await store.read(streamId, { fromVersion: version, toVersion: version })).events[0]!;
  const put = (item: Record<string, unknown>) =>
    tables.doc.send(new PutCommand({ TableName: tables.names.events, Item: item }));
  const stored = (e: Awaited<ReturnType<typeof rawItem>>) => {
    const { event: _parsed, ...item } = e;
    return item as unknown as Record<string, unknown>;
  };

  it.each([
    [
      'an altered event',
      async (s: string) => put({ ...stored(await rawItem(s, 2)), data: { text: 'rewritten' } }),
      2,
      /altered/,
    ],
    [
      'a removed event',
      async (s: string) =>
        tables.doc.send(new DeleteCommand({ TableName: tables.names.events, Key: { streamId: s, version: 2 } })),
      2,
      /missing/,
    ],
    [
      'the last event removed',
      async (s: string) =>
        tables.doc.send(new DeleteCommand({ TableName: tables.names.events, Key: { streamId: s, version: 4 } })),
      4,
      /removed/,
    ],
    [
      'an event inserted after the head',
      async (s: string) => put({ ...stored(await rawItem(s, 4)), version: 5 }),
      5,
      /added after the head/,
    ],
    [
      'two events swapped',
      async (s: string) => {
        const [a, b] = [stored(await rawItem(s, 2)), stored(await rawItem(s, 3))];
        await put({ ...b, version: 2 });
        await put({ ...a, version: 3 });
      },
      2,
      /does not follow|altered/,
    ],
  ])('detects %s and says where', async (_what, tamper, brokenAt, reason) => {
    // Prepare
    const streamId = `request#T-tamper-${brokenAt}-${Math.random()}`;
    await tamperable(streamId);
    // Act
    await tamper(streamId);
    // Assess
    const read = await store.read(streamId);
    const result = verifyChain(read.events, read.head);
    expect(result).toMatchObject({ valid: false, brokenAt });
    expect((result as { reason: string }).reason).toMatch(reason);
    // The one pass (checked while the store reads) says exactly what the two passes said.
    expect(await verifyStream(store, streamId)).toEqual(verifyChainTwoPass(read.events, read.head));
    expect(await auditStream(store, streamId)).toEqual(await auditStreamTwoPass(store, streamId));
  });

  it('shows a reader each event as it is parsed, in the order read returns them', async () => {
    // Prepare
    const streamId = `request#T-visit-${Math.random()}`;
    await tamperable(streamId);
    const seen: number[] = [];
    // Act
    const read = await store.read(streamId, {}, (e) => seen.push(e.version));
    const part = await store.read(streamId, { fromVersion: 2, toVersion: 3 }, (e) => seen.push(e.version));
    // Assess
    expect(seen).toEqual([...read.events, ...part.events].map((e) => e.version));
    expect(seen).toEqual([1, 2, 3, 4, 2, 3]);
  });
});
