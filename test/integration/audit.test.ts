import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { dynamoReadModelWriter } from '../../adapters/dynamodb/read-model-store.js';
import { requestHistory } from '../../application/audit.js';
import { projectStream, type ProjectorDeps } from '../../application/projector.js';
import { RequestCommands, requestStreamId } from '../../application/request/commands.js';
import type { RequestCommand, RequestCommandOf } from '../../domain/request/commands.js';

type Move = Exclude<RequestCommand, RequestCommandOf<'ReceiveRequest'>>;
import { createRequestDecider } from '../../domain/request/decider.js';
import { exists } from '../../domain/request/state.js';
import { requestView } from '../../domain/views/request-view.js';
import { necs } from '../support/agency.js';
import { freshTables } from '../support/dynamo.js';
import {
  assignedToLegal,
  command,
  divisionAdvised,
  fullResponse,
  receivedByEmail,
  spokespersonCleared,
} from '../support/request-spec.js';

let tables: Awaited<ReturnType<typeof freshTables>>;
let store: DynamoEventStore;
let commands: RequestCommands;
let projector: ProjectorDeps;

beforeAll(async () => {
  tables = await freshTables();
  store = new DynamoEventStore(tables.doc, tables.names.events);
  commands = new RequestCommands({
    store,
    decider: createRequestDecider({ calendar: necs.calendar, directory: necs.directory }),
    config: necs.config,
  });
  projector = {
    store,
    readModels: dynamoReadModelWriter(tables.doc, tables.names.readModels, 'Asia/Thimphu'),
  };
});
afterAll(() => tables.client.destroy());

const newRequest = async () => {
  const r = receivedByEmail();
  const created = await commands.receive(r.data, r.metadata);
  if (!created.ok) throw created.error;
  return created.requestId;
};
const viewOf = async (ref: string) =>
  (
    await tables.doc.send(
      new GetCommand({ TableName: tables.names.readModels, Key: { pk: `request#${ref}`, sk: 'view' } }),
    )
  ).Item?.view;

/** Steps of a workflow, each an hour after the last, starting Monday 23 Nov 09:00 Thimphu. */
const step = (i: number) => new Date(Date.parse('2026-11-23T03:00:00Z') + i * 3_600_000).toISOString();
const moves: ((now: string) => Move)[] = [
  (now) => assignedToLegal(now),
  (now) => divisionAdvised(now),
  (now) => spokespersonCleared(now),
  (now) => command('AddNote', { text: 'called' }, 'ict.officer', now),
  (now) => command('RequestClarification', { message: { inline: 'which year?' } }, 'legal.officer', now),
  (now) =>
    command(
      'ReceiveRequesterMessage',
      { subject: 're', body: { inline: '2025' }, attachments: [], receivedAt: now, channel: 'email' },
      { kind: 'system', component: 'email-intake' },
      now,
    ),
  (now) => fullResponse(now, `r-${now}`),
  (now) => command('ExtendDeadline', { workingDays: 1, reason: 'data from field office' }, 'legal.chief', now),
];

describe('state as of any moment', () => {
  it('equals what the read model showed at that moment, over random histories', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: moves.length - 1 }), { minLength: 1, maxLength: 8 }),
        async (picks) => {
          // Prepare: a request, and after every command the read model as staff saw it then
          const ref = await newRequest();
          await projectStream(projector, requestStreamId(ref));
          const seen: { at: string; view: unknown }[] = [{ at: step(0), view: await viewOf(ref) }];
          for (const [i, pick] of picks.entries()) {
            const now = step(i + 1);
            const outcome = await commands.execute(ref, (moves[pick] as (n: string) => Move)(now));
            if (!outcome.ok || outcome.events.length === 0) continue; // refused moves leave no trace
            await projectStream(projector, requestStreamId(ref));
            seen.push({ at: now, view: await viewOf(ref) });
          }
          // Act / Assess: replay as of each of those moments
          for (const { at, view } of seen) {
            const history = await requestHistory(store, requestStreamId(ref), at);
            expect(history && exists(history.state) ? requestView(history.state) : undefined).toEqual(view);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it('shows nothing of what happened later', async () => {
    const ref = await newRequest();
    await commands.execute(ref, assignedToLegal('2026-11-23T10:00:00+06:00'));
    const before = await requestHistory(store, requestStreamId(ref), '2026-11-23T09:59:59+06:00');
    expect(before?.events.map((e) => e.type)).toEqual(['RequestReceived']);
    expect(before?.state.status).toBe('received');
  });
});

describe('desk CLI against DynamoDB Local', () => {
  const desk = fileURLToPath(new URL('../../bin/desk.js', import.meta.url));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [desk, ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DYNAMODB_ENDPOINT: tables.endpoint,
        EVENTS_TABLE: tables.names.events,
        READ_MODEL_TABLE: tables.names.readModels,
        DESK_DATA_DIR: mkdtempSync(join(tmpdir(), 'desk-')),
      },
    });

  it('prints a request’s history, as of a moment too, and as JSON with hashes', async () => {
    const ref = await newRequest();
    await commands.execute(ref, assignedToLegal('2026-11-23T10:00:00+06:00'));
    const now = run('history', ref);
    expect(now.status).toBe(0);
    expect(now.stdout).toMatch(/1 {2}2026-11-20T10:00:00\+06:00 {2}RequestReceived +system:email-intake/);
    expect(now.stdout).toMatch(/state: assigned, division legal, due 2026-11-27T17:00:00\+06:00/);
    const then = run('history', ref, '--as-of', '2026-11-21T00:00:00+06:00', '--json');
    const parsed = JSON.parse(then.stdout) as {
      events: { hash: string; prevHash: string }[];
      state: { status: string };
    };
    expect(parsed.state.status).toBe('received');
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events[0]?.hash).toMatch(/^[a-f0-9]{64}$/);
  }, 30_000);

  it('verifies one request or all, and exits 1 naming a tampered one', async () => {
    const ref = await newRequest();
    expect(run('verify', ref).stdout).toMatch(new RegExp(`${ref}: valid, 1 events, head [a-f0-9]{64}`));
    const [first] = (await store.read(requestStreamId(ref))).events;
    const { event: _e, ...item } = first!;
    await tables.doc.send(
      new PutCommand({
        TableName: tables.names.events,
        Item: { ...item, data: { ...(item.data as object), subject: 'edited later' } },
      }),
    );
    const all = run('verify', '--all');
    expect(all.status).toBe(1);
    expect(all.stdout).toContain(`${ref}: BROKEN at version 1: event 1 was altered`);
    expect(run('verify').stderr).toMatch(/^desk: name a reference or pass --all/);
  }, 30_000);

  it('rebuilds every read model from the events, equal to the live ones', async () => {
    // Prepare: live read models for every request so far
    for await (const id of store.listStreams('request#')) await projectStream(projector, id);
    const scan = async () =>
      ((await tables.doc.send(new ScanCommand({ TableName: tables.names.readModels }))).Items ?? []).sort((a, b) =>
        `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`),
      );
    const live = await scan();
    // Act
    const out = run('rebuild-projections');
    // Assess
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/rebuilt the read models of \d+ requests and \d+ received mails/);
    expect(await scan()).toEqual(live);
  }, 60_000);
});
