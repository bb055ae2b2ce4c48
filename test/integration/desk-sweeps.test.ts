import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { RequestCommands } from '../../application/request/commands.js';
import { createRequestDecider } from '../../domain/request/decider.js';
import { necs } from '../support/agency.js';
import { freshTables } from '../support/dynamo.js';
import { receivedByEmail } from '../support/request-spec.js';

let tables: Awaited<ReturnType<typeof freshTables>>;
const desk = fileURLToPath(new URL('../../bin/desk.js', import.meta.url));
const run = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [desk, ...args], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DYNAMODB_ENDPOINT: tables.endpoint,
        EVENTS_TABLE: tables.names.events,
        READ_MODEL_TABLE: tables.names.readModels,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

beforeAll(async () => {
  // Prepare: two healthy requests and, between them, a stream written before the store checked events on write.
  tables = await freshTables();
  const store = new DynamoEventStore(tables.doc, tables.names.events);
  const commands = new RequestCommands({
    store,
    decider: createRequestDecider({ calendar: necs.calendar, directory: necs.directory }),
    config: necs.config,
  });
  for (let i = 0; i < 2; i++) {
    const r = receivedByEmail();
    const outcome = await commands.receive(r.data, r.metadata);
    if (!outcome.ok) throw outcome.error;
  }
  const bad = 'request#NECS-2026-00099';
  await tables.doc.send(
    new PutCommand({
      TableName: tables.names.events,
      Item: { streamId: bad, version: 0, kind: 'head', headVersion: 1, headHash: 'f'.repeat(64) },
    }),
  );
  await tables.doc.send(
    new PutCommand({
      TableName: tables.names.events,
      Item: {
        streamId: bad,
        version: 1,
        type: 'NoteAdded',
        schemaVersion: 1,
        occurredAt: '2026-11-23T10:00:00+06:00',
        actor: { kind: 'system', component: 'x' },
        data: { text: '' },
        hash: 'f'.repeat(64),
        prevHash: '0'.repeat(64),
        recordedAt: '2026-11-23T04:00:00.000Z',
      },
    }),
  );
}, 60_000);
afterAll(() => tables.client.destroy());

describe('CLI sweeps over every stream', () => {
  it('desk verify --all names a stream it cannot read, checks the others, and exits non-zero', async () => {
    const out = await run('verify', '--all');
    expect(out.stdout).toContain('NECS-2026-00099: UNREADABLE: cannot read NoteAdded v1');
    expect(out.stdout).toContain('2 of 3 requests valid, 1 unreadable');
    expect(out.status).toBe(1);
  }, 60_000);

  it('desk rebuild-projections rebuilds the others, names the one it cannot read, and exits non-zero', async () => {
    const out = await run('rebuild-projections');
    expect(out.stderr).toContain('request#NECS-2026-00099: could not rebuild: cannot read NoteAdded v1');
    expect(out.stdout).toContain('rebuilt the read models of 2 requests');
    expect(out.status).toBe(1);
  }, 60_000);
});
