import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { composeAnchors } from '../../adapters/anchors/compose.js';
import { KmsSigner } from '../../adapters/anchors/kms-signer.js';
import { DEFAULT_RETENTION_DAYS, S3AnchorArchive } from '../../adapters/anchors/s3-archive.js';
import { anchorNow, type AnchorDeps } from '../../application/anchors/anchoring.js';

const logger = new Logger({ serviceName: 'anchor' });

/** What the schedule may pass: `{"full": true}` rebuilds from every head in the events table. */
const Input = z.object({ full: z.boolean().optional() }).loose();

/** Writes the day's anchor (the schedule after close of office) and logs what it found. */
export const createAnchorHandler = (deps: AnchorDeps) =>
  middy<unknown, unknown, Error, Context>()
    .use(injectLambdaContext(logger))
    .handler(async (event) => {
      const input = Input.safeParse(event ?? {});
      const run = await anchorNow(deps, { full: input.success ? input.data.full === true : false });
      const { sequence, treeSize, root } = run.anchor.statement;
      logger.info('anchored', { sequence, treeSize, root, mode: run.mode, changed: run.changed });
      // A head that does not continue its anchored one is tampering (or a bug): loud, named, kept out of the anchor.
      for (const c of run.conflicts)
        logger.error('stream does not continue its anchored head', { streamId: c.streamId, reason: c.reason });
      for (const m of run.missing) logger.error('anchored stream is missing from the events table', { streamId: m });
      return {
        sequence,
        treeSize,
        root,
        mode: run.mode,
        changed: run.changed,
        conflicts: run.conflicts.length,
        missing: run.missing.length,
      };
    });

const AnchorEnvironment = z.object({
  EVENTS_TABLE: z.string().min(1),
  READ_MODEL_TABLE: z.string().min(1),
  ANCHOR_BUCKET: z.string().min(1),
  ANCHOR_KEY_ID: z.string().min(1),
  ANCHOR_RETENTION_DAYS: z.coerce.number().int().positive().default(DEFAULT_RETENTION_DAYS),
});

let cached: ReturnType<typeof createAnchorHandler> | undefined;

export const handler = async (event: unknown, context: Context) => {
  if (!cached) {
    const env = AnchorEnvironment.parse(process.env);
    cached = createAnchorHandler(
      composeAnchors({
        doc: createDocumentClient(createDynamoClient()),
        eventsTable: env.EVENTS_TABLE,
        readModelTable: env.READ_MODEL_TABLE,
        archive: new S3AnchorArchive(new S3Client({}), env.ANCHOR_BUCKET, env.ANCHOR_RETENTION_DAYS),
        signer: new KmsSigner(new KMSClient({}), env.ANCHOR_KEY_ID),
        now: () => new Date(),
      }).deps,
    );
  }
  return cached(event, context);
};
