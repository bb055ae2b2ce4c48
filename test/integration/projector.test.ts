import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import fc from 'fast-check';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { dynamoReadModelWriter } from '../../adapters/dynamodb/read-model-store.js';
import type { EventStore } from '../../application/event-store.js';
import { RequestCommands } from '../../application/request/commands.js';
import { createRequestDecider } from '../../domain/request/decider.js';
import { createProjectorHandler } from '../../functions/projector/handler.js';
import { createStreamsClient, StreamReader } from '../../local/dynamodb-stream.js';
import { necs } from '../support/agency.js';
import { freshTables } from '../support/dynamo.js';
import { lambdaContext } from '../support/lambda.js';
import {
  assignedToLegal,
  command,
  fullResponse,
  receivedByEmail,
  spokespersonCleared,
} from '../support/request-spec.js';

let tables: Awaited<ReturnType<typeof freshTables>>;
let store: DynamoEventStore;
let commands: RequestCommands;
let records: DynamoDBRecord[] = [];
const refs: string[] = [];

const handlerFor = (eventStore: EventStore, table = tables.names.readModels) =>
  createProjectorHandler({
    store: eventStore,
    readModels: dynamoReadModelWriter(tables.doc, table, 'Asia/Thimphu'),
  });
const deliver = (handler: ReturnType<typeof handlerFor>, batch: DynamoDBRecord[]) =>
  handler({ Records: batch } as DynamoDBStreamEvent, lambdaContext('projector')) as Promise<{
    batchItemFailures: { itemIdentifier: string }[];
  }>;
const allItems = async (table = tables.names.readModels) =>
  ((await tables.doc.send(new ScanCommand({ TableName: table }))).Items ?? []).sort((a, b) =>
    `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`),
  );

beforeAll(async () => {
  tables = await freshTables();
  store = new DynamoEventStore(tables.doc, tables.names.events);
  commands = new RequestCommands({
    store,
    decider: createRequestDecider({ calendar: necs.calendar, directory: necs.directory }),
    config: necs.config,
  });
  // Four requests at different points of the workflow
  for (let i = 0; i < 4; i++) {
    const r = receivedByEmail();
    const created = await commands.receive(r.data, r.metadata);
    if (!created.ok) throw created.error;
    refs.push(created.requestId);
  }
  const [, assigned, answered, closed] = refs as [string, string, string, string];
  await commands.execute(assigned, assignedToLegal());
  for (const c of [assignedToLegal(), spokespersonCleared(), fullResponse()]) await commands.execute(answered, c);
  await commands.execute(
    closed,
    command('CloseRequest', { reason: 'spam' }, 'ict.officer', '2026-11-20T12:00:00+06:00'),
  );
  records = await new StreamReader(
    createStreamsClient(tables.endpoint, 'ap-south-1'),
    tables.eventsStreamArn,
    'ap-south-1',
  ).drain();
});
afterAll(() => tables.client.destroy());

describe('projector on the events table’s stream', () => {
  it('keeps the request view, queues, the open-by-due index and the disclosure log', async () => {
    // Act
    const result = await deliver(handlerFor(store), records);
    // Assess
    expect(result.batchItemFailures).toEqual([]);
    const [received, assigned, answered, closed] = refs as [string, string, string, string];
    const view = (
      await tables.doc.send(
        new QueryCommand({
          TableName: tables.names.readModels,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `request#${answered}` },
        }),
      )
    ).Items?.[0];
    expect(view).toMatchObject({
      appliedVersion: 4,
      view: {
        status: 'responded',
        division: 'legal',
        dueAt: '2026-11-27T17:00:00+06:00',
        respondedAt: '2026-11-24T15:00:00+06:00',
      },
    });
    const open = await tables.doc.send(
      new QueryCommand({
        TableName: tables.names.readModels,
        IndexName: 'openByDue',
        KeyConditionExpression: 'openPk = :o',
        ExpressionAttributeValues: { ':o': 'open' },
      }),
    );
    expect(open.Items?.map((i) => i.view.id).sort()).toEqual([received, assigned].sort());
    const legal = await tables.doc.send(
      new QueryCommand({
        TableName: tables.names.readModels,
        IndexName: 'byDivision',
        KeyConditionExpression: 'divisionPk = :d',
        ExpressionAttributeValues: { ':d': 'division#legal' },
      }),
    );
    expect(legal.Items?.map((i) => i.view.id).sort()).toEqual([assigned, answered].sort());
    const disclosures = await tables.doc.send(
      new QueryCommand({
        TableName: tables.names.readModels,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'disclosures#2026-11' },
      }),
    );
    expect(disclosures.Items).toEqual([
      expect.objectContaining({
        requestId: answered,
        sentBy: 'legal.officer',
        to: ['karma@example.bt'],
        cc: ['archive@necs.example'],
        disposition: 'full',
      }),
    ]);
    expect(closed).toBeDefined();
  });

  it('leaves the same read models however often and in whatever order records arrive', async () => {
    // Prepare
    await deliver(handlerFor(store), records);
    const settled = await allItems();
    // Act / Assess: shuffled, duplicated, in odd batches
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([...records, ...records], { minLength: 1 }),
        fc.integer({ min: 1, max: 7 }),
        async (delivery, batchSize) => {
          const handler = handlerFor(store);
          for (let i = 0; i < delivery.length; i += batchSize) await deliver(handler, delivery.slice(i, i + batchSize));
          expect(await allItems()).toEqual(settled);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('builds the same read models from scratch in a replay of one late record per stream', async () => {
    // Prepare: a second, empty read-model table
    const other = await freshTables();
    const lastPerStream = [...new Map(records.map((r) => [r.dynamodb?.Keys?.streamId?.S, r])).values()];
    // Act
    await deliver(handlerFor(store, other.names.readModels), lastPerStream.reverse());
    // Assess: the same items (a record is a trigger, the store is the truth)
    expect(await allItems(other.names.readModels)).toEqual(await allItems());
  });

  it('reports the records it could not process, and only those, for Lambda to retry', async () => {
    // Prepare: a store that fails for one stream
    const failing = refs[1] as string;
    const flaky: EventStore = {
      ...store,
      read: (id, range) =>
        id === `request#${failing}` ? Promise.reject(new Error('throttled')) : store.read(id, range),
    } as EventStore;
    const batch = records.filter((r) => r.dynamodb?.Keys?.version?.N !== '0').slice(0, 12);
    // Act
    const result = await deliver(handlerFor(flaky), batch);
    // Assess
    const expected = batch
      .filter((r) => r.dynamodb?.Keys?.streamId?.S === `request#${failing}`)
      .map((r) => r.dynamodb?.SequenceNumber);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(expected.sort());
  });
});
