import { beforeEach, describe, expect, it } from '@jest/globals';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoEventStore } from '../../../adapters/dynamodb/event-store.js';
import { StoreUnavailableError } from '../../../application/errors.js';
import type { RequestEvent } from '../../../events/request-events.js';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-south-1' }));
const ddb = mockClient(doc);
const store = new DynamoEventStore(doc, 'events');
const note: RequestEvent = {
  type: 'NoteAdded',
  schemaVersion: 1,
  occurredAt: '2026-11-23T04:00:00Z',
  actor: { kind: 'system', component: 'test' },
  data: { text: 'x' },
};
const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
const timedOut = () => Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });

beforeEach(() => {
  ddb.reset();
});

describe('event store under throttling and timeouts', () => {
  it('retries a throttled append with the same request token, so it is applied at most once', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).rejectsOnce(throttled()).rejectsOnce(timedOut()).resolves({});
    // Act
    const result = await store.append('request#X', [note], undefined);
    // Assess
    const calls = ddb.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.args[0].input.ClientRequestToken)).size).toBe(1);
    expect(result).toMatchObject({ fromVersion: 1, toVersion: 1, replayed: false });
  });

  it('surfaces persistent throttling as StoreUnavailableError after bounded attempts', async () => {
    ddb.on(TransactWriteCommand).rejects(throttled());
    await expect(store.append('request#X', [note], undefined)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(4);
  });

  it('retries reads that time out, and surfaces other failures untouched', async () => {
    ddb.on(QueryCommand).rejectsOnce(timedOut()).resolves({ Items: [] });
    ddb.on(GetCommand).resolves({});
    expect(await store.read('request#X')).toEqual({ events: [] });
    ddb.reset();
    ddb.on(QueryCommand).rejects(Object.assign(new Error('no such table'), { name: 'ResourceNotFoundException' }));
    ddb.on(GetCommand).resolves({});
    await expect(store.read('request#X')).rejects.toThrow('no such table');
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
  });
});
