import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDocumentClient } from '../../adapters/dynamodb/client.js';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { countItemsRead, type ItemsReadCounter } from '../../adapters/dynamodb/items-read.js';
import { mailJobFor } from '../../application/mail-jobs.js';
import type { ObjectStore } from '../../application/object-store.js';
import type { OutgoingMail } from '../../application/outgoing-mail.js';
import { RequestCommands } from '../../application/request/commands.js';
import { sendMailJob, UnsendableMailError, type SendMailDeps } from '../../application/send-mail.js';
import { replyAddress } from '../../domain/mail/reply-address.js';
import { createRequestDecider } from '../../domain/request/decider.js';
import type { RequestEvent } from '../../events/request-events.js';
import { necs } from '../support/agency.js';
import { freshTables } from '../support/dynamo.js';
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
let reads: ItemsReadCounter;
const decider = createRequestDecider({ calendar: necs.calendar, directory: necs.directory });
beforeAll(async () => {
  tables = await freshTables();
  // A client of its own, so only what the store reads is counted.
  const doc = createDocumentClient(tables.client);
  reads = countItemsRead(doc);
  store = new DynamoEventStore(doc, tables.names.events);
  commands = new RequestCommands({ store, decider, config: necs.config });
}, 60_000);
afterAll(() => tables.client.destroy());

const noObjects: ObjectStore = {
  put: async () => undefined,
  get: async () => undefined,
  getStream: async () => undefined,
};
const mailer = (sent: OutgoingMail[], duringSend?: () => Promise<void>): SendMailDeps => ({
  store,
  decider,
  objects: noObjects,
  send: async (mail) => {
    sent.push(mail);
    await duringSend?.();
    return `ses-${sent.length}`;
  },
  agency: necs,
  replySecret: 'test-reply-secret',
  now: () => new Date('2026-11-24T09:01:00Z'),
});
const run = async (ref: string, c: Parameters<RequestCommands['execute']>[1]) => {
  const outcome = await commands.execute(ref, c);
  if (!outcome.ok) throw outcome.error;
  return outcome;
};
const note = (i: number) =>
  command('AddNote', { text: `note ${i}` }, 'legal.officer', `2026-11-23T1${i % 10}:00:00+06:00`);

/** A request with 40 notes, answered: the job for its official response. */
const answeredAfterNotes = async () => {
  const received = receivedByEmail();
  const created = await commands.receive(received.data, received.metadata);
  if (!created.ok) throw created.error;
  const ref = created.requestId;
  await run(ref, assignedToLegal());
  for (let i = 0; i < 40; i++) await run(ref, note(i));
  await run(ref, spokespersonCleared());
  const answered = await run(ref, fullResponse());
  const job = mailJobFor(ref, answered.version, answered.events[0] as RequestEvent);
  if (!job) throw new Error('a response calls for a mail');
  return { ref, job, events: answered.version };
};
const mailsSentOf = async (ref: string) =>
  (await store.read(`request#${ref}`)).events.filter((e) => e.type === 'MailSent').map((e) => e.event.data);

describe('the official response’s mail', () => {
  it('reads a handful of items of a 44-event request, not its stream, and records MailSent', async () => {
    // Prepare
    const { ref, job, events } = await answeredAfterNotes();
    expect(events).toBe(44);
    const sent: OutgoingMail[] = [];
    reads.reset();
    // Act
    const result = await sendMailJob(mailer(sent), job);
    // Assess: the opening event, the response and the head; the response goes to the requester with the archive copy
    expect(result).toBe('sent');
    expect(reads.total()).toBeLessThanOrEqual(5);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toEqual(['karma@example.bt']);
    expect(sent[0]?.cc).toEqual([necs.config.agency.archiveAddress]);
    expect(sent[0]?.replyTo).toBe(replyAddress(necs.config.agency.intakeAddress, ref, 'test-reply-secret'));
    expect(sent[0]?.subject).toContain(ref);
    expect(await mailsSentOf(ref)).toEqual([
      {
        mailId: job.mailId,
        purpose: 'response',
        sesMessageId: 'ses-1',
        to: ['karma@example.bt', necs.config.agency.archiveAddress],
      },
    ]);
  }, 60_000);

  it('run twice is sent once', async () => {
    // Prepare
    const { ref, job } = await answeredAfterNotes();
    const sent: OutgoingMail[] = [];
    await sendMailJob(mailer(sent), job);
    reads.reset();
    // Act
    const again = await sendMailJob(mailer(sent), job);
    const read = reads.total();
    // Assess
    expect(again).toBe('already_sent');
    expect(sent).toHaveLength(1);
    expect(await mailsSentOf(ref)).toHaveLength(1);
    expect(read).toBeLessThanOrEqual(6);
  }, 60_000);

  it('is recorded once when someone else writes on the request while it is sent', async () => {
    // Prepare: a colleague adds a note while the mail is with SES, and the same job runs a second time meanwhile
    const { ref, job } = await answeredAfterNotes();
    const sent: OutgoingMail[] = [];
    let raced = false;
    const colleague = async () => {
      if (raced) return;
      raced = true;
      await run(ref, note(99));
      await sendMailJob(mailer([]), job);
    };
    // Act
    const result = await sendMailJob(mailer(sent, colleague), job);
    // Assess: the note and one MailSent, after the note
    expect(result).toBe('sent');
    const stream = (await store.read(`request#${ref}`)).events.map((e) => e.type);
    expect(stream.slice(-3)).toEqual(['ResponseSent', 'NoteAdded', 'MailSent']);
    expect(await mailsSentOf(ref)).toHaveLength(1);
  }, 60_000);

  it('of a request that does not exist fails for good', async () => {
    await expect(
      sendMailJob(mailer([]), {
        mailId: 'NECS-2026-09999.v3',
        requestId: 'NECS-2026-09999',
        version: 3,
        purpose: 'response',
      }),
    ).rejects.toThrow(UnsendableMailError);
  });
});
