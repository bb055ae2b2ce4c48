import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { dynamoReadModelWriter } from '../../adapters/dynamodb/read-model-store.js';
import { dynamoThreadLookups } from '../../adapters/dynamodb/thread-lookups.js';
import { projectStream } from '../../application/projector.js';
import { RequestCommands } from '../../application/request/commands.js';
import { createRequestDecider } from '../../domain/request/decider.js';
import { necs, system } from '../support/agency.js';
import { freshTables } from '../support/dynamo.js';
import { command, receivedByEmail, spokespersonCleared } from '../support/request-spec.js';
import { DISCLOSURE_LOG } from '../../adapters/dynamodb/read-items.js';

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
}, 60_000);
afterAll(() => tables.client.destroy());

describe('read models of a request with many mails', () => {
  it('keep updating after 150 threaded replies, each reply findable for threading', async () => {
    // Prepare: a request and 150 replies from its requester, each with its own Message-ID.
    const r = receivedByEmail();
    const created = await commands.receive(r.data, r.metadata);
    if (!created.ok) throw created.error;
    const ref = created.requestId;
    for (let i = 0; i < 150; i++) {
      const at = new Date(Date.parse('2026-11-20T05:00:00Z') + i * 60_000).toISOString();
      const reply = command(
        'ReceiveRequesterMessage',
        {
          from: 'karma@example.bt',
          subject: `Re: [${ref}] ${i}`,
          body: { inline: `reply ${i}` },
          attachments: [],
          receivedAt: at,
          channel: 'email',
          messageId: `<reply-${i}@example.bt>`,
        },
        system('email-intake'),
        at,
      );
      const outcome = await commands.execute(ref, reply);
      if (!outcome.ok) throw outcome.error;
    }
    const deps = {
      store,
      readModels: dynamoReadModelWriter(tables.doc, tables.names.readModels, 'Asia/Thimphu'),
    };
    // Act
    expect(await projectStream(deps, `request#${ref}`)).toBe('applied');
    // Assess: the view is at the stream's head, and the 150th reply's Message-ID threads to the request.
    const head = (await store.read(`request#${ref}`)).head;
    const view = (
      await tables.doc.send(
        new QueryCommand({
          TableName: tables.names.readModels,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': `request#${ref}` },
        }),
      )
    ).Items?.[0];
    expect(view?.appliedVersion).toBe(head?.version);
    const lookups = dynamoThreadLookups(tables.doc, tables.names.readModels);
    expect(await lookups.requestForMessageId('reply-149@example.bt')).toBe(ref);
    expect(await lookups.requestForMessageId('reply-0@example.bt')).toBe(ref);
    // A second projection of the same head changes nothing.
    expect(await projectStream(deps, `request#${ref}`)).toBe('already_current');
  }, 120_000);
});

describe('a request with a long subject and many long questions', () => {
  it('stays in every list as it is, archived, and reaches the disclosure log: its copies hold no unbounded text', async () => {
    // Prepare: 70 words of subject (70 search-term copies), 14 questions of 2,000 Tibetan characters each,
    // asked of a colleague who never answers; then cleared, answered and archived.
    const r = receivedByEmail();
    const subject = Array.from({ length: 70 }, (_, i) => `word${i}`).join(' ');
    const created = await commands.receive({ ...r.data, subject, messageId: '<long-subject@example.bt>' }, r.metadata);
    if (!created.ok) throw created.error;
    const ref = created.requestId;
    const run = async (c: Parameters<RequestCommands['execute']>[1]) => {
      const outcome = await commands.execute(ref, c);
      if (!outcome.ok) throw outcome.error;
    };
    await run(
      command(
        'AssignRequest',
        { division: 'legal', assignee: 'legal.officer' },
        'ict.officer',
        '2026-11-20T11:00:00+06:00',
      ),
    );
    for (let i = 0; i < 14; i++) {
      const question = `${i} ${'ཀ'.repeat(1_990)}`;
      await run(
        command(
          'RequestConsultation',
          { person: 'legal.chief', question },
          'legal.officer',
          `2026-11-20T12:${String(i).padStart(2, '0')}:00+06:00`,
        ),
      );
    }
    await run(spokespersonCleared());
    await run(
      command(
        'SendResponse',
        { responseId: 'resp-1', body: { inline: 'Here.' }, disposition: 'full', attachments: [] },
        'legal.officer',
        '2026-11-24T15:00:00+06:00',
      ),
    );
    await run(
      command(
        'ArchiveRequest',
        { topics: ['air quality'], publishable: true },
        'legal.officer',
        '2026-11-24T16:00:00+06:00',
      ),
    );
    const deps = {
      store,
      readModels: dynamoReadModelWriter(tables.doc, tables.names.readModels, 'Asia/Thimphu'),
    };
    // Act
    const projected = await projectStream(deps, `request#${ref}`);
    // Assess: the list entry and every search copy say archived; the response is in the disclosure log
    expect(projected).toBe('applied');
    const copies = await tables.doc.send(
      new QueryCommand({
        TableName: tables.names.readModels,
        IndexName: 'termByDue',
        KeyConditionExpression: 'termPk = :t',
        ExpressionAttributeValues: { ':t': 'term#word42' },
      }),
    );
    const view = (
      await tables.doc.send(
        new QueryCommand({
          TableName: tables.names.readModels,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': `request#${ref}` },
        }),
      )
    ).Items?.[0];
    expect(view?.view).toMatchObject({ status: 'archived' });
    expect(copies.Items?.map((i) => (i.view as { status: string }).status)).toEqual(['archived']);
    const log = await tables.doc.send(
      new QueryCommand({
        TableName: tables.names.readModels,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': DISCLOSURE_LOG },
      }),
    );
    expect(log.Items?.map((i) => i.requestId)).toContain(ref);
    expect(JSON.stringify(view?.view).length).toBeLessThan(20_000);
  }, 120_000);
});
