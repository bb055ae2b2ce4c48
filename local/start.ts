/**
 * `npm start` — the whole backend on this machine. `--in-memory` keeps nothing; otherwise data
 * persists under `.data/`. Ctrl-C stops the pollers after the batch in hand, then the servers.
 */
import { join } from 'node:path';
import { startLocalStack } from './stack.js';

const inMemory = process.argv.includes('--in-memory');
const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`${name} must be a port number`);
  return value;
};

const stack = await startLocalStack({
  apiPort: port('PORT', 3000),
  sesPort: port('SES_PORT', 8005),
  sqsPort: port('SQS_PORT', 9324),
  smtpPort: port('SMTP_PORT', 2525),
  dynamodbPort: port('DYNAMODB_PORT', 8000),
  ...(inMemory ? {} : { dataDir: join(process.cwd(), '.data') }),
  logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'WARN',
});

// The directory as it stands (seeded from agency.json on a fresh system; changed at run time since).
const users = (await stack.core.directory.current())
  .allUsers()
  .map((u) => `    ${u.id.padEnd(20)} ${u.roles.join(', ').padEnd(30)} ${u.division ?? '—'}`)
  .join('\n');
process.stdout.write(`Request Desk — ${stack.agency.config.agency.name} — local stack is up

  HTTP API          ${stack.apiUrl}          (Authorization: Bearer local:<userId>; reference at ${stack.apiUrl}/docs)
  Staff console     ${stack.apiUrl}/console/  (sign in as any active person below)
  Local SES outbox  ${stack.sesUrl}          (GET /store lists every mail sent; the page shows them)
  DynamoDB Local    ${stack.dynamodbEndpoint}          (tables ${stack.tableNames.events}, ${stack.tableNames.readModels}; -sharedDb)
  Local SQS         ${stack.sqsEndpoint}          (mail queue and its dead-letter queue)
  Clock             GET/POST ${stack.apiUrl}/_local/clock  (now ${stack.clock.now().toISOString()})
  Data              ${inMemory ? 'in memory (--in-memory): nothing is kept' : stack.dataDir}
  SMTP intake       127.0.0.1:${stack.smtpPort}          (mail to ${stack.agency.config.agency.intakeAddress} and requests+<REF>-<token>@…)

  Users:
${users}

Try:  curl -s ${stack.apiUrl}/calendar/due-date?receivedAt=2026-11-20T10:00:00%2B06:00
      npm run demo
Ctrl-C stops everything cleanly.
`);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: finishing work in hand and stopping…\n`);
  void stack.stop().then(() => {
    process.stdout.write('stopped; nothing lost.\n');
    process.exit(0);
  });
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
