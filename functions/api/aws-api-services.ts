import type { ReadModels } from '../../application/read-models.js';
import type { SubmissionStore } from '../../application/portal/submission-store.js';
import { directoryStreamId } from '../../domain/directory/stream-id.js';
import { awsAnchorLedger, type AnchorReader } from '../shared/aws-anchors.js';
import { awsBase } from '../shared/aws-base.js';
import { awsObjects } from '../shared/aws-objects.js';
import type { composeCore } from '../shared/compose.js';
import { composeStore } from '../shared/compose-store.js';
import { builtOnFirstCall } from '../shared/on-first-call.js';
import { onDemandIdempotentReplies } from './idempotency-on-demand.js';
import { prebuiltOpenApiDocument } from './openapi/prebuilt.js';
import type { ApiServices, PortalServices } from './types.js';
import type { ConfirmationQueue } from '../../application/mail-jobs.js';

/** The anchors, read-only: the Object Lock bucket, with the public key published in it (client loaded on first use). */
const anchorLedger = (): AnchorReader | undefined => {
  const { ANCHOR_BUCKET } = process.env;
  return ANCHOR_BUCKET ? awsAnchorLedger(ANCHOR_BUCKET) : undefined;
};

/**
 * The API's services on AWS. At start only the store and the agency calendar (what a public read of the
 * calendar uses); the commands, the website workflow and the directory (compose.ts: the deciders, the
 * directory's fold), the read models and the portal's submissions are built, on the same store, calendar
 * and client, when one of their methods is first called.
 */
export const awsApiServices = () => {
  const base = awsBase();
  const { env, agency, doc, now } = base;
  const stored = composeStore({ doc, eventsTable: env.EVENTS_TABLE, agency, now });
  let core: Promise<ReturnType<typeof composeCore>> | undefined;
  const loadCore = () => {
    if (!core) {
      core = import('../shared/compose.js').then(({ composeCore }) =>
        composeCore({ doc, eventsTable: env.EVENTS_TABLE, readModelTable: env.READ_MODEL_TABLE, agency, now, stored }),
      );
      core.catch(() => (core = undefined));
    }
    return core;
  };
  const ledger = anchorLedger();
  // The portal's secret and the queue's client load with its first request, not at every cold start.
  let secret: Promise<string> | undefined;
  let queue: Promise<ConfirmationQueue> | undefined;
  const portal: PortalServices | undefined =
    env.PORTAL_URL && env.MAIL_QUEUE_URL
      ? {
          submissions: builtOnFirstCall<SubmissionStore>(
            async () =>
              (await import('../../adapters/dynamodb/portal-submissions.js')).dynamoSubmissionStore(
                doc,
                env.READ_MODEL_TABLE,
              ),
            {},
          ),
          queueConfirmation: async (job) => {
            queue ??= import('../shared/aws-mail-queue.js').then(({ awsConfirmationQueue }) =>
              awsConfirmationQueue(env.MAIL_QUEUE_URL as string),
            );
            queue.catch(() => (queue = undefined));
            return (await queue)(job);
          },
          secret: () => {
            secret ??= import('../shared/aws-reply-secret.js').then(({ awsReplySecret }) => awsReplySecret(env));
            secret.catch(() => (secret = undefined));
            return secret;
          },
          baseUrl: env.PORTAL_URL,
        }
      : undefined;
  // Meta's secrets load with the webhook's first delivery, not at every cold start.
  let meta: Promise<() => Promise<{ appSecret: string; verifyToken: string }>> | undefined;
  const metaSecret = async () => {
    meta ??= import('../shared/aws-meta-secret.js').then(({ awsMetaSecret }) =>
      awsMetaSecret(env.META_SECRET_ARN as string),
    );
    return (await meta)();
  };
  const services: ApiServices = {
    agency,
    commands: builtOnFirstCall(async () => (await loadCore()).commands, {}),
    websiteCommands: builtOnFirstCall(async () => (await loadCore()).websiteCommands, {}),
    socialCommands: builtOnFirstCall(async () => (await loadCore()).socialCommands, {}),
    store: stored.store,
    objects: awsObjects(env),
    // The read models' adapter (and the views it builds items with) load with the first list or search.
    readModels: builtOnFirstCall<ReadModels>(
      async () => (await import('../../adapters/dynamodb/read-models.js')).dynamoReadModels(doc, env.READ_MODEL_TABLE),
      {},
    ),
    now,
    agencyCalendar: stored.agencyCalendar,
    // The scan and its SQS client load only when someone runs it (POST /sla/scan), not at start.
    scan: async () => {
      const [{ scanSla }, { awsScanDeps }, loaded] = await Promise.all([
        import('../../application/sla/scan.js'),
        import('../sla-scan/handler.js'),
        loadCore(),
      ]);
      return scanSla(awsScanDeps({ ...base, core: loaded }));
    },
    directory: builtOnFirstCall(async () => (await loadCore()).directory, {
      streamId: directoryStreamId(agency.config.agency.id),
    }),
    ...(ledger ? { anchors: ledger } : {}),
    idempotentReplies: onDemandIdempotentReplies({ tableName: env.READ_MODEL_TABLE }),
    ...(portal ? { portal } : {}),
    openApiDocument: prebuiltOpenApiDocument(),
    ...(env.META_SECRET_ARN
      ? {
          socialInbound: {
            appSecret: async () => (await metaSecret()).appSecret,
            verifyToken: async () => (await metaSecret()).verifyToken,
          },
        }
      : {}),
  };
  return { env, services };
};
