import type { FullConfig } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';

/**
 * Builds the console if its sources changed, then starts the whole local stack in memory on free
 * ports of 127.0.0.1 (API + console, SES outbox, SQS, SMTP, DynamoDB Local) and stops it after the run.
 * Its stream is read once a second, so the projections lag as they may on AWS.
 * Tests find it through the environment: CONSOLE_URL, API_URL, SES_URL, SMTP_PORT.
 */
export default async function globalSetup(_config: FullConfig) {
  process.env.AWS_REGION ??= 'ap-south-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  const { buildConsole } = (await tsImport(
    '../../scripts/console/build.ts',
    import.meta.url,
  )) as typeof import('../../scripts/console/build.js');
  await buildConsole({ ifStale: true });
  const { freePort } = (await tsImport(
    '../../local/dynamodb-local.ts',
    import.meta.url,
  )) as typeof import('../../local/dynamodb-local.js');
  const { startLocalStack } = (await tsImport(
    '../../local/stack.ts',
    import.meta.url,
  )) as typeof import('../../local/stack.js');
  const { TEST_START } = (await tsImport(
    '../../test/support/clock.ts',
    import.meta.url,
  )) as typeof import('../../test/support/clock.js');
  const stack = await startLocalStack({
    apiPort: await freePort(),
    sesPort: await freePort(),
    sqsPort: await freePort(),
    smtpPort: await freePort(),
    dynamodbPort: await freePort(),
    logLevel: 'ERROR',
    // Projections a second behind, as on a busy AWS stream: the console must show what someone just did
    // anyway, and a test must wait for a projection rather than race it.
    streamPauseMs: 1_000,
    // The clock starts at an instant the tests chose, never at the day they run (see test/support/clock.ts).
    startAt: TEST_START,
  });
  process.env.API_URL = stack.apiUrl;
  process.env.CONSOLE_URL = `${stack.apiUrl}/console/`;
  process.env.SES_URL = stack.sesUrl;
  process.env.SMTP_PORT = String(stack.smtpPort);
  return async () => {
    await stack.stop();
  };
}
