/**
 * P10: DynamoDB items read to send one official response — the command (`SendResponse`, as every entry
 * point runs it: calendar and directory as they stand, then the request's stream), the mail job (the
 * mailer) and its `MailSent` record — ÷ the events in that request's stream. Counted from DynamoDB's
 * own answers (adapters/dynamodb/items-read.ts) on a request of 45 events, side by side in one run.
 */
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { countItemsRead } from '../../adapters/dynamodb/items-read.js';
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { mailJobFor } from '../../application/mail-jobs.js';
import { sendMailJob } from '../../application/send-mail.js';
import { loadAgency } from '../../config/load.js';
import type { Actor } from '../../domain/agency/actor.js';
import type { RequestCommand } from '../../domain/request/commands.js';
import type { RequestEvent } from '../../events/request-events.js';
import { composeCore } from '../../functions/shared/compose.js';
import { eventsTable, readModelTable } from '../../infra/tables.js';
import type { FigureLine } from './figures.js';

/** Notes on the request before it is answered: 45 events in all, a long-lived request. */
const NOTES = 40;

export const measureResponseReads = async (endpoint: string) => {
  const client = createDynamoClient({ endpoint });
  try {
    const names = { events: 'bench-p10-events', readModels: 'bench-p10-read' };
    await ensureTable(client, eventsTable, names.events);
    await ensureTable(client, readModelTable, names.readModels);
    const doc = createDocumentClient(client);
    const reads = countItemsRead(doc);
    const agency = loadAgency();
    const now = () => new Date('2026-11-24T09:00:00Z');
    const core = composeCore({ doc, eventsTable: names.events, readModelTable: names.readModels, agency, now });
    const person = (userId: string): Actor => {
      const actor = agency.directory.actorFor(userId);
      if (!actor) throw new Error(`no user ${userId} in the sample agency`);
      return actor;
    };
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 5, minute)).toISOString();
    const created = await core.commands.receive(
      {
        channel: 'email',
        requester: { name: 'Bench', email: 'bench@example.bt', kind: 'public' },
        subject: 'Monthly PM2.5 readings',
        body: { inline: 'Could you share them?' },
        attachments: [],
        receivedAt: at(0),
      },
      { now: at(0), actor: { kind: 'system', component: 'bench' } },
    );
    if (!created.ok) throw created.error;
    const ref = created.requestId;
    const run = async (c: Exclude<RequestCommand, { type: 'ReceiveRequest' }>) => {
      const out = await core.commands.execute(ref, c);
      if (!out.ok) throw out.error;
      return out;
    };
    const meta = (userId: string, minute: number) => ({ now: at(minute), actor: person(userId) });
    await run({
      type: 'AssignRequest',
      data: { division: 'legal', assignee: 'legal.officer' },
      metadata: meta('ict.officer', 1),
    });
    for (let i = 0; i < NOTES; i++)
      await run({
        type: 'AddNote',
        data: { text: `called the requester (${i})` },
        metadata: meta('legal.officer', 2 + i),
      });
    await run({
      type: 'RecordConsultation',
      data: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
      metadata: meta('spokesperson.legal', 50),
    });
    // Measured from here: the command, then its mail and the record, as the mailer runs them.
    reads.reset();
    const answered = await run({
      type: 'SendResponse',
      data: {
        responseId: 'bench-1',
        body: { inline: 'The readings are attached.' },
        disposition: 'full',
        attachments: [],
      },
      metadata: meta('legal.officer', 55),
    });
    const command = reads.total();
    const job = mailJobFor(ref, answered.version, answered.events[0] as RequestEvent);
    if (!job) throw new Error('a response calls for a mail');
    const result = await sendMailJob(
      {
        store: core.store,
        decider: core.decider,
        objects: { put: async () => undefined, get: async () => undefined, getStream: async () => undefined },
        send: async () => 'bench-ses-id',
        agency,
        replySecret: 'bench-reply-secret',
        now,
      },
      job,
    );
    if (result !== 'sent') throw new Error(`the response's mail was not sent: ${result}`);
    const total = reads.total();
    return { events: answered.version, command, mail: total - command, ratio: total / answered.version };
  } finally {
    client.destroy();
  }
};

/** Prints P10 with what the command and the mail each read. */
export const benchResponseReads = async (endpoint: string, line: FigureLine) => {
  const p10 = await measureResponseReads(endpoint);
  console.log(
    `  P10: ${p10.events} events; the command read ${p10.command} items, the mail and its record ${p10.mail}`,
  );
  line('P10', 'response-items-read', p10.ratio, '<=', 1.5);
};
