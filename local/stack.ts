import { Logger } from '@aws-lambda-powertools/logger';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient, createDynamoClient } from '../adapters/dynamodb/client.js';
import { ensureTable } from '../adapters/dynamodb/tables.js';
import { DirectoryObjectStore } from '../adapters/object-store/directory-store.js';
import { sesSender } from '../adapters/ses/ses-sender.js';
import { loadAgency, type LoadedAgency } from '../config/load.js';
import { localAuthenticator } from '../functions/api/auth/authenticator.js';
import { createApiHandler, MAX_BODY_BYTES } from '../functions/api/app.js';
import { dynamoIdempotentReplies } from '../functions/api/idempotency-dynamodb.js';
import { defaultIntakeLimits } from '../application/intake/parse-mail.js';
import { dynamoReadModels } from '../adapters/dynamodb/read-models.js';
import { dynamoThreadLookups } from '../adapters/dynamodb/thread-lookups.js';
import { dynamoSubmissionStore } from '../adapters/dynamodb/portal-submissions.js';
import { sqsConfirmationQueue } from '../adapters/sqs/mail-queue.js';
import { generatedOpenApiDocument } from '../functions/api/openapi/generated.js';
import { createIntakeHandler } from '../functions/intake/handler.js';
import { createDispatcherHandler } from '../functions/mail-dispatcher/handler.js';
import { createMailerHandler } from '../functions/mailer/handler.js';
import { createNotifierHandler } from '../functions/notifier/handler.js';
import { sqsDigestQueue } from '../functions/sla-scan/handler.js';
import { scanSla } from '../application/sla/scan.js';
import { sendDigest, type DigestJob, type NotifyDeps } from '../application/sla/notify.js';
import { consolePages } from '../application/workflows.js';
import { consoleLinks } from '../domain/sla/links.js';
import { sendWebsiteReviewIfDue } from '../application/website/review.js';
import { sendMonthlyReportIfDue } from '../application/reports.js';
import { createProjectorHandler } from '../functions/projector/handler.js';
import { composeCore } from '../functions/shared/compose.js';
import { alertsQueue, allQueues, inboundMailQueue, mailQueue } from '../infra/queues.js';
import { eventsTable, localTableNames, readModelTable } from '../adapters/dynamodb/table-defs.js';
import { ClockBackwardsError, MovableClock } from './clock.js';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import { createStreamsClient, StreamReader } from './dynamodb-stream.js';
import { startHttpApi, type LocalRoute } from './http-api.js';
import { consoleStatic } from './console-static.js';
import { lambdaContext } from './lambda-context.js';
import { startLocalSes, startLocalSqs } from './services.js';
import { startSmtpIntake } from './smtp-intake.js';
import { SchedulerTick } from './scheduler-tick.js';
import { AnchorTick } from './anchor-tick.js';
import { composeAnchors, localAnchorPlaces } from '../adapters/anchors/compose.js';
import { anchorNow } from '../application/anchors/anchoring.js';
import { createAnchorHeadsHandler } from '../functions/anchor-heads/handler.js';
import { SqsPoller, type SqsHandler } from './sqs-poller.js';
import { InboundSpool } from './inbound-spool.js';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse } from 'aws-lambda';
import { StreamPoller } from './stream-poller.js';
import { trackingPath } from '../domain/portal/tracking-token.js';
import {
  LOCAL_META_APP_SECRET,
  LOCAL_META_VERIFY_TOKEN,
  localSocialMessenger,
} from '../adapters/social/local-messenger.js';

export interface LocalStackOptions {
  readonly apiPort: number;
  readonly sesPort: number;
  readonly sqsPort: number;
  readonly smtpPort: number;
  /** Start DynamoDB Local on this port, or use `dynamodbEndpoint`. */
  readonly dynamodbPort?: number;
  readonly dynamodbEndpoint?: string;
  /** Where data persists (`.data/`); a temporary directory and in-memory DynamoDB when absent. */
  readonly dataDir?: string;
  readonly tableNames?: { events: string; readModels: string };
  readonly agency?: LoadedAgency;
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /** Poll the stream and queues in the background (npm start); tests drive them with `settle()`. */
  readonly background?: boolean;
  /** The built staff console served under /console/ (default `console/dist`). */
  readonly consoleDir?: string;
  /**
   * The pause between two reads of the events table's stream, in ms (default 100). The browser tests use
   * a slow one, so a screen or test that leans on a projection being instant fails every time, not now and then.
   */
  readonly streamPauseMs?: number;
  /**
   * The instant the stack's clock starts at (it then runs at real speed, and moves forward on request).
   * Tests always set it, so that nothing they check depends on the day they run; `npm start` uses today.
   */
  readonly startAt?: Date;
}

/**
 * The whole backend on one machine: DynamoDB Local, local SES and SQS, the API, and pollers that feed
 * the same Lambda handlers the events AWS would (stream records, queue messages).
 */
export const startLocalStack = async (options: LocalStackOptions) => {
  const agency = options.agency ?? loadAgency();
  const logger = new Logger({ serviceName: 'local-stack', logLevel: options.logLevel ?? 'WARN' });
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'request-desk-'));
  mkdirSync(dataDir, { recursive: true });
  const clock = new MovableClock(join(dataDir, 'clock.json'), options.startAt);
  const secretFile = join(dataDir, 'reply-secret');
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  const replySecret = process.env.REPLY_TOKEN_SECRET ?? readFileSync(secretFile, 'utf8');

  const stops: (() => Promise<void>)[] = [];
  let ddb: DynamoDbLocal | undefined;
  try {
    let endpoint = options.dynamodbEndpoint;
    if (!endpoint) {
      ddb = await startDynamoDbLocal({
        port: options.dynamodbPort ?? 8000,
        ...(options.dataDir ? { dbPath: join(dataDir, 'dynamodb') } : {}),
      });
      endpoint = ddb.endpoint;
      const started = ddb;
      stops.push(() => started.stop());
    }
    const names = options.tableNames ?? localTableNames;
    const client = createDynamoClient({ endpoint });
    stops.push(async () => client.destroy());
    const doc = createDocumentClient(client);
    const streamArn = (await ensureTable(client, eventsTable, names.events)) as string;
    await ensureTable(client, readModelTable, names.readModels);

    const ses = await startLocalSes(options.sesPort);
    stops.push(ses.close);
    const sqs = await startLocalSqs(options.sqsPort, allQueues);
    stops.push(sqs.close);
    const mail = sqs.queues[mailQueue.id] as { url: string; arn: string };

    const core = composeCore({
      doc,
      eventsTable: names.events,
      readModelTable: names.readModels,
      agency,
      now: clock.now,
    });
    const objects = new DirectoryObjectStore(join(dataDir, 'objects'));
    const anchors = composeAnchors({
      doc,
      eventsTable: names.events,
      readModelTable: names.readModels,
      ...localAnchorPlaces(dataDir),
      now: clock.now,
    });

    const projector = createProjectorHandler(core.projector);
    const dispatcher = createDispatcherHandler({ sqs: sqs.client, mailQueueUrl: mail.url });
    const intake = createIntakeHandler({
      store: core.store,
      commands: core.commands,
      objects,
      agency,
      replySecret,
      lookups: dynamoThreadLookups(doc, names.readModels),
      now: clock.now,
    });
    const inbound = sqs.queues[inboundMailQueue.id] as { url: string; arn: string };
    const spool = new InboundSpool(objects);
    // Mail accepted before the last stop but never recorded: queued again before anything new arrives.
    for (const kept of await spool.pending()) {
      await sqs.client.send(new SendMessageCommand({ QueueUrl: inbound.url, MessageBody: kept.notification }));
    }
    const smtp = await startSmtpIntake({
      port: options.smtpPort,
      intakeAddress: agency.config.agency.intakeAddress,
      objects,
      spool,
      sqs: sqs.client,
      inboundQueueUrl: inbound.url,
      maxBytes: defaultIntakeLimits.maxMessageBytes,
      now: clock.now,
    });
    stops.push(smtp.close);
    const alerts = sqs.queues[alertsQueue.id] as { url: string; arn: string };
    const readModels = dynamoReadModels(doc, names.readModels);
    const scanDeps = {
      readModels,
      workflows: core.workflows,
      directory: core.directory,
      sla: agency.config.sla,
      calendar: core.calendar,
      queueDigest: sqsDigestQueue(sqs.client, alerts.url),
      now: clock.now,
    };
    const notifyDeps: NotifyDeps = {
      store: core.store,
      workflows: core.workflows,
      directory: core.directory,
      calendar: core.calendar,
      send: sesSender(ses.client),
      agencyName: agency.config.agency.name,
      fromAddress: agency.config.agency.intakeAddress,
      linkFor: consoleLinks(`http://127.0.0.1:${options.apiPort}/console`, consolePages),
      now: clock.now,
    };
    const notifier = createNotifierHandler(notifyDeps);
    // The portal is served by the API on this same port (`/portal/`); acknowledgments link to it.
    const portalUrl = `http://127.0.0.1:${options.apiPort}/portal`;
    // Private answers to social requests: kept in the local outbox (`GET /_local/social-outbox`), sent nowhere.
    const social = localSocialMessenger(clock.now);
    const mailer = createMailerHandler({
      store: core.store,
      decider: core.decider,
      objects,
      send: sesSender(ses.client),
      agency,
      replySecret,
      now: clock.now,
      directory: core.directory,
      portalUrl,
      submissions: dynamoSubmissionStore(doc, names.readModels),
      linkFor: consoleLinks(`http://127.0.0.1:${options.apiPort}/console`),
      social: {
        messenger: social.messenger,
        commands: core.commands,
        objects,
        agency,
        now: clock.now,
        trackUrlFor: (id) => `http://127.0.0.1:${options.apiPort}${trackingPath(replySecret, id)}`,
      },
    });
    const report = (part: string) => (err: unknown) => logger.error(`${part} failed`, { error: err as Error });

    const streamPoller = new StreamPoller(
      new StreamReader(createStreamsClient(endpoint, 'local'), streamArn, 'local'),
      [
        { name: 'projector', handler: projector },
        { name: 'mail-dispatcher', handler: dispatcher },
        { name: 'anchor-heads', handler: createAnchorHeadsHandler(anchors.heads) },
      ],
      lambdaContext,
      (consumer, err) => report(consumer)(err),
      options.streamPauseMs,
    );
    /** A queue drained by its function, as Lambda's event source mapping does on AWS. */
    const pollerOf = (queue: { url: string; arn: string }, name: string, handler: SqsHandler) =>
      new SqsPoller({
        sqs: sqs.client,
        queueUrl: queue.url,
        queueArn: queue.arn,
        handler,
        context: () => lambdaContext(name),
        onError: report(name),
      });
    const mailPoller = pollerOf(mail, 'mailer', mailer);
    const notifierPoller = pollerOf(alerts, 'notifier', notifier);
    const monthlyDeps = {
      readModels,
      timeZone: agency.config.calendar.timeZone,
      store: core.store,
      directory: core.directory,
      calendar: core.calendar,
      send: sesSender(ses.client),
      agencyName: agency.config.agency.name,
      fromAddress: agency.config.agency.intakeAddress,
      now: clock.now,
    };
    const reviewDeps = { ...monthlyDeps, reviewDate: agency.config.website?.reviewDate };
    const scheduler = new SchedulerTick(
      clock.now,
      agency,
      async () => {
        await scanSla(scanDeps);
        await sendMonthlyReportIfDue(monthlyDeps);
        await sendWebsiteReviewIfDue(reviewDeps);
      },
      report('scheduler'),
    );
    const anchorTick = new AnchorTick(
      clock.now,
      agency,
      async () => (await anchors.deps.archive.latest())?.statement.anchoredAt,
      () => anchorNow(anchors.deps),
      report('anchor'),
    );
    // Intake, then the marker of each mail it recorded is released (a failed one stays, to be driven again).
    const intakeAndRelease: SqsHandler = async (event, context) => {
      const result = (await intake(event, context)) as SQSBatchResponse | undefined;
      const failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      for (const record of event.Records) if (!failed.has(record.messageId)) await spool.release(record.body);
      return result;
    };
    const intakePoller = pollerOf(inbound, 'email-intake', intakeAndRelease);

    const clockRoute: LocalRoute = async (req, body) => {
      if (!req.url?.startsWith('/_local/clock')) return undefined;
      if (req.method === 'GET') return { status: 200, body: { now: clock.now().toISOString() } };
      if (req.method !== 'POST')
        return { status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED', message: 'GET or POST' } } };
      let to: Date;
      try {
        to = new Date((JSON.parse(body) as { now?: unknown }).now as string);
        if (Number.isNaN(to.getTime())) throw new Error('bad');
      } catch {
        return { status: 400, body: { error: { code: 'INVALID_INPUT', message: 'expected {"now": ISO-8601}' } } };
      }
      try {
        return { status: 200, body: { now: clock.moveTo(to).toISOString() } };
      } catch (err) {
        if (err instanceof ClockBackwardsError)
          return { status: 409, body: { error: { code: 'CLOCK_BACKWARDS', message: err.message } } };
        throw err;
      }
    };
    // Local only, like the clock: writes an anchor now with the stack's own clock and key (what `desk anchor`
    // does against a running stack), so a demo or a browser test need not wait for the close-of-office tick.
    const anchorRoute: LocalRoute = async (req) => {
      if (req.url !== '/_local/anchor') return undefined;
      if (req.method !== 'POST')
        return { status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED', message: 'POST' } } };
      const run = await anchorNow(anchors.deps);
      return {
        status: 200,
        body: {
          sequence: run.anchor.statement.sequence,
          anchoredAt: run.anchor.statement.anchoredAt,
          root: run.anchor.statement.root,
          mode: run.mode,
          streams: run.streams,
          conflicts: run.conflicts.length,
        },
      };
    };
    // Local only: what a CLI on this machine needs to act on this very stack — its data directory (the
    // anchors and their key live there, even under --in-memory, where it is a temporary one), its
    // tables and its clock. `desk anchor`, `desk proof` and `desk verify` read it (scripts/cli/local-stack.ts).
    const stackRoute: LocalRoute = async (req) => {
      if (req.url !== '/_local/stack') return undefined;
      if (req.method !== 'GET') return { status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED', message: 'GET' } } };
      return {
        status: 200,
        body: {
          dataDir,
          anchorsDir: join(dataDir, 'anchors'),
          tables: names,
          dynamodbEndpoint: endpoint,
          now: clock.now().toISOString(),
        },
      };
    };
    // Local only: what the stand-in for the platforms' Send APIs was asked to send, oldest first.
    const socialOutboxRoute: LocalRoute = async (req) => {
      if (req.url !== '/_local/social-outbox') return undefined;
      if (req.method !== 'GET') return { status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED', message: 'GET' } } };
      return { status: 200, body: { messages: social.outbox() } };
    };
    const api = await startHttpApi({
      port: options.apiPort,
      maxBytes: MAX_BODY_BYTES,
      handler: createApiHandler(
        {
          agency,
          commands: core.commands,
          websiteCommands: core.websiteCommands,
          socialCommands: core.socialCommands,
          store: core.store,
          objects,
          readModels,
          now: clock.now,
          agencyCalendar: core.agencyCalendar,
          scan: () => scanSla(scanDeps),
          directory: core.directory,
          anchors: anchors.ledger,
          idempotentReplies: dynamoIdempotentReplies({ tableName: names.readModels, client }),
          portal: {
            submissions: dynamoSubmissionStore(doc, names.readModels),
            queueConfirmation: sqsConfirmationQueue(sqs.client, mail.url),
            secret: async () => replySecret,
            baseUrl: portalUrl,
          },
          openApiDocument: generatedOpenApiDocument(
            async () => (await import('../functions/api/all-routes.js')).allRoutes,
          ),
          socialInbound: {
            appSecret: async () => LOCAL_META_APP_SECRET,
            verifyToken: async () => LOCAL_META_VERIFY_TOKEN,
          },
        },
        localAuthenticator(core.directory, clock.now),
        new Logger({ serviceName: 'api', logLevel: options.logLevel ?? 'WARN' }),
      ),
      localRoutes: [clockRoute, anchorRoute, stackRoute, socialOutboxRoute],
      serveStatic: consoleStatic(options.consoleDir ?? join(process.cwd(), 'console', 'dist'), agency, async () => {
        const now = await core.directory.current();
        return { people: now.everyone().filter((p) => p.active), divisions: now.allDivisions() };
      }),
    });
    stops.push(api.close);

    if (options.background ?? true) {
      streamPoller.start();
      mailPoller.start();
      intakePoller.start();
      notifierPoller.start();
      scheduler.start();
      anchorTick.start();
      // Stopped first: pollers finish the batch in hand before the servers they use go away.
      stops.push(
        () => mailPoller.stop(),
        () => streamPoller.stop(),
        () => intakePoller.stop(),
        () => notifierPoller.stop(),
        () => scheduler.stop(),
        () => anchorTick.stop(),
      );
    }

    return {
      apiUrl: api.url,
      sesUrl: ses.url,
      sqsEndpoint: sqs.endpoint,
      sqs: { client: sqs.client, queues: sqs.queues },
      dynamodbEndpoint: endpoint,
      dataDir,
      clock,
      agency,
      replySecret,
      core,
      doc,
      readModels,
      tableNames: names,
      streamPoller,
      mailPoller,
      intakePoller,
      notifierPoller,
      scan: () => scanSla(scanDeps),
      /** Sends one digest job now, as the notifier does for a job it takes from the queue (tests). */
      sendDigest: (job: DigestJob) => sendDigest(notifyDeps, job),
      anchors,
      anchorTick,
      /** Writes an anchor now (`desk anchor`). */
      anchorNow: (options: { full?: boolean } = {}) => anchorNow(anchors.deps, options),
      /** Runs the monthly-report check now, or at another instant (tests). */
      sendMonthlyReport: (at?: Date) => sendMonthlyReportIfDue(at ? { ...monthlyDeps, now: () => at } : monthlyDeps),
      /** Runs the yearly website-review check now (the scheduler's tick does it too). */
      sendWebsiteReview: () => sendWebsiteReviewIfDue(reviewDeps),
      smtpPort: smtp.port,
      objects,
      /** What the local stand-in sent to social platforms (also `GET /_local/social-outbox`). */
      socialOutbox: social.outbox,
      /** Drains the stream and the mail queue once: for tests that want everything settled. */
      settle: async () => {
        for (let round = 0; round < 8; round++) {
          const received = await intakePoller.pollOnce(0);
          const records = await streamPoller.pollOnce();
          const mails = await mailPoller.pollOnce(0);
          const digests = await notifierPoller.pollOnce(0);
          if (received === 0 && records === 0 && mails === 0 && digests === 0 && round > 0) return;
        }
      },
      stop: async () => {
        for (const stop of stops.reverse()) await stop().catch(report('shutdown'));
      },
    };
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw err;
  }
};

export type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;
