import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { dynamoThreadLookups } from '../../adapters/dynamodb/thread-lookups.js';
import { DirectoryObjectStore } from '../../adapters/object-store/directory-store.js';
import { processInboundMail } from '../../application/intake/process-mail.js';
import { redriveRawMail } from '../../application/intake/redrive.js';
import type { LoadedAgency } from '../../config/load.js';
import { composeCore } from '../../functions/shared/compose.js';
import { localTableNames } from '../../adapters/dynamodb/table-defs.js';
import { MovableClock } from '../../local/clock.js';
import { InboundSpool } from '../../local/inbound-spool.js';

/**
 * `desk intake redrive`: runs intake on every raw mail the local SMTP listener kept (`.data/objects/raw/`,
 * or under `DESK_DATA_DIR`) that never became a request, a held or an ignored mail — mail accepted while
 * DynamoDB Local was down, or before a restart. Safe to run twice, and beside a running stack.
 */
export const registerIntake = (program: Command, agency: () => LoadedAgency): void => {
  const intake = program.command('intake').description('email intake');
  intake
    .command('redrive')
    .description(
      'reprocess raw mail that never became a request or a held mail (idempotent: one request per Message-ID)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const env = process.env;
      if (env.DESK_TARGET === 'aws')
        throw new Error(
          'intake redrive runs on the local stack; on AWS, redrive the intake dead-letter queue to its queue',
        );
      const dataDir = env.DESK_DATA_DIR ?? join(process.cwd(), '.data');
      const secretFile = join(dataDir, 'reply-secret');
      const replySecret =
        env.REPLY_TOKEN_SECRET ?? (existsSync(secretFile) ? readFileSync(secretFile, 'utf8') : undefined);
      if (!replySecret)
        throw new Error(`no reply-token key in ${secretFile}: start the local stack once, or set REPLY_TOKEN_SECRET`);
      const client = createDynamoClient({
        endpoint: env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${env.DYNAMODB_PORT ?? '8000'}`,
      });
      try {
        const doc = createDocumentClient(client);
        const tables = {
          events: env.EVENTS_TABLE ?? localTableNames.events,
          readModels: env.READ_MODEL_TABLE ?? localTableNames.readModels,
        };
        const now = new MovableClock(join(dataDir, 'clock.json')).now;
        const core = composeCore({
          doc,
          eventsTable: tables.events,
          readModelTable: tables.readModels,
          agency: agency(),
          now,
        });
        const objects = new DirectoryObjectStore(join(dataDir, 'objects'));
        const deps = {
          store: core.store,
          commands: core.commands,
          objects,
          agency: agency(),
          replySecret,
          lookups: dynamoThreadLookups(doc, tables.readModels),
          now,
        };
        const progress = (done: number, total: number) => {
          if (!opts.json && process.stderr.isTTY) process.stderr.write(`\r${done}/${total} raw mails examined`);
        };
        const summary = await redriveRawMail(deps, new InboundSpool(objects).archive(), processInboundMail, progress);
        if (!opts.json && process.stderr.isTTY) process.stderr.write('\n');
        if (opts.json) console.log(JSON.stringify(summary, null, 2));
        else {
          console.log(
            `${summary.examined} raw mails examined, ${summary.alreadyRecorded} already recorded, ${summary.processed.length} processed now`,
          );
          for (const p of summary.processed)
            console.log(`${p.mailId.slice(0, 12)}  ${p.outcome}${p.requestId ? ` ${p.requestId}` : ''}  (${p.reason})`);
          for (const f of summary.failed) console.log(`${f.storageKey}: FAILED: ${f.error}`);
        }
        if (summary.failed.length > 0) process.exitCode = 1;
      } finally {
        client.destroy();
      }
    });
};
