import {
  GetCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  OnEventRead,
  SequencedStream,
  StoredEvent,
  StreamRead,
} from '../../application/event-store.js';
import { ConcurrencyError, IdempotencyKeyReusedError } from '../../application/errors.js';
import { GENESIS_HASH, hashEvent } from '../../domain/audit/hash-chain.js';
import { storedRecordOf } from '../../domain/audit/stored-record.js';
import type { StreamHead } from '../../domain/shared/stream-head.js';
import type { EventActor } from '../../events/actor.js';
import { parseAnyEvent, type AnyEvent } from '../../events/catalogue.js';
import { envelopeOf } from '../../events/envelope.js';
import { validateEvents } from '../../events/validate-events.js';
import { withRetries } from '../retry.js';

/** What one event item holds, as written. */
interface EventItem {
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  actor: EventActor;
  data: unknown;
  hash: string;
  prevHash: string;
  recordedAt: string;
}

const HEAD_VERSION = 0;
const idempotencyStream = (key: string) => `idempotency#${key}`;
const sequenceStream = (id: string) => `sequence#${id}`;

/** The head item (version 0) after an append: the stream's last version and hash. */
const headItem = (streamId: string, head: StreamHead, updatedAt: string) => ({
  streamId,
  version: HEAD_VERSION,
  kind: 'head',
  headVersion: head.version,
  headHash: head.hash,
  updatedAt,
});

/** Chains events onto a head: versions and hashes, ready to write. */
export const chain = (
  streamId: string,
  events: readonly AnyEvent[],
  expected: StreamHead | undefined,
  recordedAt: string,
): EventItem[] => {
  let prevHash = expected?.hash ?? GENESIS_HASH;
  let version = expected?.version ?? 0;
  return events.map((e) => {
    version++;
    const body = {
      streamId,
      version,
      ...envelopeOf(e),
    };
    const hash = hashEvent(prevHash, body);
    const item = { ...body, hash, prevHash, recordedAt };
    prevHash = hash;
    return item;
  });
};

const toStored = (item: Record<string, unknown>): StoredEvent => {
  const e = item as unknown as EventItem;
  return { ...storedRecordOf(e), recordedAt: e.recordedAt, event: parseAnyEvent(envelopeOf(e)) };
};

/** The head item (version 0): the stream's last version and hash. */
const headOf = (item: Record<string, unknown>): StreamHead => ({
  version: item.headVersion as number,
  hash: item.headHash as string,
});

/**
 * The event store on DynamoDB: one item per event (partition `streamId`, sort `version`), a head item
 * at version 0, all written in one conditional transaction. Nothing here updates or deletes an item.
 */
export class DynamoEventStore implements EventStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Reads a stream and its head as one consistent snapshot. From the start of the stream, the head
   * (version 0 of the same partition) comes in the same Query as the events; from a later version it is
   * read beside them. When an append landed in between (events beyond the head, or a head beyond the
   * events) the head is read again and the missing events fetched. What still disagrees after that is
   * tampering, for verify. `onEvent` sees each event as it is parsed, in the order of `events`.
   */
  async read(
    streamId: string,
    range: { fromVersion?: number; toVersion?: number } = {},
    onEvent?: OnEventRead,
  ): Promise<StreamRead> {
    const from = Math.max(1, range.fromVersion ?? 1);
    const to = range.toVersion ?? Number.MAX_SAFE_INTEGER;
    const [queried, separateHead] =
      from === 1
        ? [await this.queryStream(streamId, HEAD_VERSION, to, onEvent), undefined]
        : await Promise.all([this.queryStream(streamId, from, to, onEvent), this.readHead(streamId)]);
    const events = queried.events;
    let head = from === 1 ? queried.head : separateHead;
    const last = () => events[events.length - 1]?.version ?? from - 1;
    if (head && last() > head.version && to === Number.MAX_SAFE_INTEGER) head = await this.readHead(streamId);
    if (head && head.version > last() && last() < to && events.length > 0) {
      events.push(...(await this.queryStream(streamId, last() + 1, Math.min(head.version, to), onEvent)).events);
    }
    return head ? { events, head } : { events };
  }

  /** The items of a stream from `from` to `to` (pages followed), as events and, when version 0 is in range, its head. */
  private async queryStream(
    streamId: string,
    from: number,
    to: number,
    onEvent?: OnEventRead,
  ): Promise<{ events: StoredEvent[]; head?: StreamHead }> {
    const events: StoredEvent[] = [];
    let head: StreamHead | undefined;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await withRetries('read events', () =>
        this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'streamId = :s AND version BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':s': streamId, ':from': from, ':to': to },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) {
        if (item.version === HEAD_VERSION) head = headOf(item);
        else {
          const stored = toStored(item);
          events.push(stored);
          onEvent?.(stored);
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return head ? { events, head } : { events };
  }

  async readHead(streamId: string): Promise<StreamHead | undefined> {
    const out = await withRetries('read head', () =>
      this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: { streamId, version: HEAD_VERSION }, ConsistentRead: true }),
      ),
    );
    return out.Item ? headOf(out.Item) : undefined;
  }

  async append(
    streamId: string,
    events: readonly AnyEvent[],
    expected: StreamHead | undefined,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    if (expected && expected.version > 0 && !expected.hash) throw new RangeError('expected head needs its hash');
    const { recordedAt, items, head } = this.chained(streamId, events, expected);
    const expectedVersion = expected?.version ?? 0;
    const transact = [
      {
        Put: {
          TableName: this.tableName,
          Item: headItem(streamId, head, recordedAt),
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(streamId)' : 'headVersion = :expected',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
        },
      },
      ...this.eventPuts(items),
    ];
    const result: AppendResult = {
      streamId,
      fromVersion: expectedVersion + 1,
      toVersion: head.version,
      head,
      replayed: false,
    };
    return this.commit(transact, result, options, () => new ConcurrencyError(streamId, expectedVersion));
  }

  /** The events checked and chained onto `expected`, stamped now, and the head they make. */
  private chained(streamId: string, events: readonly AnyEvent[], expected: StreamHead | undefined) {
    validateEvents(streamId, events);
    const recordedAt = this.now().toISOString();
    const items = chain(streamId, events, expected, recordedAt);
    const last = items[items.length - 1] as EventItem;
    return { recordedAt, items, head: { version: last.version, hash: last.hash } };
  }

  /** One put per event, refused when its version is already written (another writer won the race). */
  private eventPuts(items: readonly EventItem[]) {
    return items.map((item) => ({
      Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(streamId)' },
    }));
  }

  async createSequenced(spec: SequencedStream, options: AppendOptions = {}): Promise<AppendResult> {
    const counterKey = { streamId: sequenceStream(spec.sequenceId), version: HEAD_VERSION };
    // Creators of the same sequence race for the counter; the loser reads it again and takes the next number.
    for (let attempt = 1; attempt <= 200; attempt++) {
      const counter = await withRetries('read sequence', () =>
        this.doc.send(new GetCommand({ TableName: this.tableName, Key: counterKey, ConsistentRead: true })),
      );
      const last = (counter.Item?.last as number | undefined) ?? 0;
      const sequence = last + 1;
      const { streamId, events } = spec.build(sequence);
      const { recordedAt, items, head } = this.chained(streamId, events, undefined);
      const transact = [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...counterKey, kind: 'sequence', last: sequence, updatedAt: recordedAt },
            ConditionExpression: last === 0 ? 'attribute_not_exists(streamId)' : '#last = :last',
            ...(last === 0
              ? {}
              : { ExpressionAttributeNames: { '#last': 'last' }, ExpressionAttributeValues: { ':last': last } }),
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: headItem(streamId, head, recordedAt),
            ConditionExpression: 'attribute_not_exists(streamId)',
          },
        },
        ...this.eventPuts(items),
      ];
      try {
        return await this.commit(
          transact,
          { streamId, fromVersion: 1, toVersion: head.version, head, replayed: false },
          options,
          () => new ConcurrencyError(streamId, 0),
        );
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(100, 5 * attempt)));
      }
    }
    throw new ConcurrencyError(sequenceStream(spec.sequenceId), -1);
  }

  async findIdempotent(key: string): Promise<(AppendResult & { fingerprint?: string }) | undefined> {
    const out = await withRetries('read idempotency record', () =>
      this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { streamId: idempotencyStream(key), version: HEAD_VERSION },
          ConsistentRead: true,
        }),
      ),
    );
    if (!out.Item) return undefined;
    const i = out.Item;
    return {
      streamId: i.targetStreamId as string,
      fromVersion: i.fromVersion as number,
      toVersion: i.toVersion as number,
      head: { version: i.toVersion as number, hash: i.headHash as string },
      replayed: true,
      ...(typeof i.fingerprint === 'string' ? { fingerprint: i.fingerprint } : {}),
    };
  }

  async *listStreams(prefix: string): AsyncIterable<string> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await withRetries('list streams', () =>
        this.doc.send(
          new ScanCommand({
            TableName: this.tableName,
            FilterExpression: 'version = :head AND begins_with(streamId, :prefix) AND kind = :kind',
            ExpressionAttributeValues: { ':head': HEAD_VERSION, ':prefix': prefix, ':kind': 'head' },
            ProjectionExpression: 'streamId',
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) yield item.streamId as string;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  /**
   * Runs the transaction, with the idempotency record when a key is given. A cancelled transaction is
   * a lost race (ConcurrencyError) unless the idempotency record was the one that existed: then the
   * earlier result is returned, or refused if the key was used for something else.
   */
  private async commit(
    transact: Record<string, unknown>[],
    result: AppendResult,
    options: AppendOptions,
    lostRace: () => ConcurrencyError,
  ): Promise<AppendResult> {
    const { idempotencyKey, fingerprint } = options;
    const items = [...transact];
    if (idempotencyKey) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            streamId: idempotencyStream(idempotencyKey),
            version: HEAD_VERSION,
            kind: 'idempotency',
            targetStreamId: result.streamId,
            fromVersion: result.fromVersion,
            toVersion: result.toVersion,
            headHash: result.head.hash,
            ...(fingerprint ? { fingerprint } : {}),
            recordedAt: this.now().toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(streamId)',
        },
      });
    }
    // One token per append call, the same for every retry of it: DynamoDB then applies the call at most
    // once even when a response is lost, while two different calls can never be mistaken for one.
    const token = randomUUID();
    try {
      await withRetries('append', () =>
        this.doc.send(new TransactWriteCommand({ TransactItems: items as never, ClientRequestToken: token })),
      );
      return result;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const reasons = err.CancellationReasons ?? [];
      const keyTaken = idempotencyKey !== undefined && reasons[items.length - 1]?.Code === 'ConditionalCheckFailed';
      if (keyTaken) {
        const earlier = await this.findIdempotent(idempotencyKey);
        if (
          earlier &&
          (earlier.fingerprint === undefined || fingerprint === undefined || earlier.fingerprint === fingerprint)
        ) {
          return {
            streamId: earlier.streamId,
            fromVersion: earlier.fromVersion,
            toVersion: earlier.toVersion,
            head: earlier.head,
            replayed: true,
          };
        }
        throw new IdempotencyKeyReusedError(idempotencyKey);
      }
      if (reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict'))
        throw lostRace();
      throw err;
    }
  }
}
