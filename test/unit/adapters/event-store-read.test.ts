import { beforeEach, describe, expect, it } from '@jest/globals';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { chain, DynamoEventStore } from '../../../adapters/dynamodb/event-store.js';
import type { RequestEvent } from '../../../events/request-events.js';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-south-1' }));
const ddb = mockClient(doc);
const store = new DynamoEventStore(doc, 'events');
const note = (text: string): RequestEvent => ({
  type: 'NoteAdded',
  schemaVersion: 1,
  occurredAt: '2026-11-23T04:00:00.000Z',
  actor: { kind: 'system', component: 'test' },
  data: { text },
});
const items = chain('request#X', [note('a'), note('b')], undefined, '2026-11-23T04:00:01.000Z');
const headItem = { streamId: 'request#X', version: 0, kind: 'head', headVersion: 2, headHash: items[1]!.hash };

beforeEach(() => {
  ddb.reset();
});

describe('reading a stream', () => {
  it('reads the head and the events of a whole stream in one Query', async () => {
    // Prepare
    ddb.on(QueryCommand).resolves({ Items: [headItem, ...items] });
    // Act
    const read = await store.read('request#X');
    // Assess
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues).toMatchObject({ ':from': 0 });
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
    expect(read.head).toEqual({ version: 2, hash: items[1]!.hash });
    expect(
      read.events.map((e) => [e.version, (e.event as RequestEvent & { data: { text: string } }).data.text]),
    ).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('reads the head beside the events when reading from a later version', async () => {
    ddb.on(QueryCommand).resolves({ Items: [items[1]!] });
    ddb.on(GetCommand).resolves({ Item: headItem });
    const read = await store.read('request#X', { fromVersion: 2 });
    expect(read.events.map((e) => e.version)).toEqual([2]);
    expect(read.head).toEqual({ version: 2, hash: items[1]!.hash });
  });

  it('reads the head again when events beyond it arrived between pages', async () => {
    // Prepare: the Query saw the head at 1 but event 2 too (an append landed while it paged).
    ddb.on(QueryCommand).resolves({ Items: [{ ...headItem, headVersion: 1, headHash: items[0]!.hash }, ...items] });
    ddb.on(GetCommand).resolves({ Item: headItem });
    // Act
    const read = await store.read('request#X');
    // Assess
    expect(read.head).toEqual({ version: 2, hash: items[1]!.hash });
    expect(read.events).toHaveLength(2);
  });
});
