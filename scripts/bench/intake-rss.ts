/**
 * Child process of `npm run bench` (P5): intake of one large raw message, sampling RSS. Runs alone so
 * that nothing else in the process moves the figure. Prints `{"sizeBytes", "baselineRss", "peakRss", "outcome"}`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { dynamoThreadLookups } from '../../adapters/dynamodb/thread-lookups.js';
import { DirectoryObjectStore } from '../../adapters/object-store/directory-store.js';
import { processInboundMail } from '../../application/intake/process-mail.js';
import { loadAgency } from '../../config/load.js';
import { composeCore } from '../../functions/shared/compose.js';
import { eventsTable, readModelTable } from '../../infra/tables.js';
import MailComposer from 'nodemailer/lib/mail-composer';

const endpoint = process.env.DYNAMODB_ENDPOINT as string;
const client = createDynamoClient({ endpoint });
const doc = createDocumentClient(client);
const prefix = `rss${randomUUID().slice(0, 6)}`;
await ensureTable(client, eventsTable, `${prefix}-events`);
await ensureTable(client, readModelTable, `${prefix}-read`);
const agency = loadAgency();
const core = composeCore({
  doc,
  eventsTable: `${prefix}-events`,
  readModelTable: `${prefix}-read`,
  agency,
  now: () => new Date(),
});
const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), 'desk-rss-')));

// About 25 MB on the wire: three attachments of 6 MB each, base64-encoded, plus text.
const megabytes = (n: number, seed: number) => Buffer.alloc(n * 1024 * 1024, seed);
const raw = await new MailComposer({
  from: 'Karma <karma@example.bt>',
  to: 'requests@necs.example',
  subject: 'Survey data (large)',
  text: 'Attached are the survey files.',
  attachments: [1, 2, 3].map((i) => ({
    filename: `survey-${i}.bin`,
    content: megabytes(6, i),
    contentType: 'application/octet-stream',
  })),
})
  .compile()
  .build();
await objects.put('raw/big.eml', raw);
const sizeBytes = raw.byteLength;

global.gc?.();
await new Promise((r) => setTimeout(r, 200));
const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
const result = await processInboundMail(
  {
    store: core.store,
    commands: core.commands,
    objects,
    agency,
    replySecret: 'bench',
    lookups: dynamoThreadLookups(doc, `${prefix}-read`),
    now: () => new Date(),
  },
  { storageKey: 'raw/big.eml', receivedAt: new Date().toISOString() },
);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
client.destroy();
process.stdout.write(JSON.stringify({ sizeBytes, baselineRss, peakRss, outcome: result.outcome }) + '\n');
