import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { dynamoReadModelWriter } from '../../adapters/dynamodb/read-model-store.js';
import type { ProjectorDeps } from '../../application/projector.js';
import type { ReadModels } from '../../application/read-models.js';
import { dynamoReadModels } from '../../adapters/dynamodb/read-models.js';
import { localTableNames } from '../../adapters/dynamodb/table-defs.js';
import { composeAnchors, localAnchorPlaces, type Anchors } from '../../adapters/anchors/compose.js';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { KmsSigner } from '../../adapters/anchors/kms-signer.js';
import { S3AnchorArchive } from '../../adapters/anchors/s3-archive.js';
import { join } from 'node:path';
import { MovableClock } from '../../local/clock.js';
import { discoverLocalStack, type LocalStackInfo } from './local-stack.js';

export interface DeskTarget {
  readonly store: DynamoEventStore;
  readonly projector: ProjectorDeps;
  readonly reportDeps: { readModels: ReadModels; timeZone: string };
  /** The anchors: `.data/anchors/` and the local key (or `DESK_DATA_DIR`), the bucket and KMS key on AWS. */
  readonly anchors: () => Anchors;
  /** The time: the real clock on AWS; locally the stack's movable clock, kept in its data directory. */
  readonly now: () => Date;
  close(): void;
}

/**
 * Where the CLI reads and writes: the local stack by default (DynamoDB Local on 127.0.0.1:8000, or
 * `DYNAMODB_PORT`), AWS when `DESK_TARGET=aws` (the usual AWS credentials and region, and the deployed
 * table names in `EVENTS_TABLE` and `READ_MODEL_TABLE`, and for anchors `ANCHOR_BUCKET`, `ANCHOR_KEY_ID`).
 */
export const deskTarget = (
  timeZone: string,
  env: NodeJS.ProcessEnv = process.env,
  stack?: LocalStackInfo,
): DeskTarget => {
  const onAws = env.DESK_TARGET === 'aws';
  if (onAws && (!env.EVENTS_TABLE || !env.READ_MODEL_TABLE))
    throw new Error('DESK_TARGET=aws needs EVENTS_TABLE and READ_MODEL_TABLE');
  const endpoint = onAws ? undefined : (env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${env.DYNAMODB_PORT ?? '8000'}`);
  const client = createDynamoClient(endpoint ? { endpoint } : {});
  const doc = createDocumentClient(client);
  const events = env.EVENTS_TABLE ?? localTableNames.events;
  const readModels = env.READ_MODEL_TABLE ?? localTableNames.readModels;
  const dataDir = env.DESK_DATA_DIR ?? stack?.dataDir ?? join(process.cwd(), '.data');
  // Locally, the stack's movable clock (`/_local/clock`), so that anchors follow the time the stack keeps.
  const now = onAws ? () => new Date() : (stack?.now ?? new MovableClock(join(dataDir, 'clock.json')).now);
  const anchorPlaces = () => {
    if (!onAws) return localAnchorPlaces(dataDir);
    if (!env.ANCHOR_BUCKET || !env.ANCHOR_KEY_ID)
      throw new Error('DESK_TARGET=aws needs ANCHOR_BUCKET and ANCHOR_KEY_ID for anchors');
    return {
      archive: new S3AnchorArchive(new S3Client({}), env.ANCHOR_BUCKET),
      signer: new KmsSigner(new KMSClient({}), env.ANCHOR_KEY_ID),
    };
  };
  return {
    store: new DynamoEventStore(doc, events),
    projector: {
      store: new DynamoEventStore(doc, events),
      readModels: dynamoReadModelWriter(doc, readModels, timeZone),
    },
    reportDeps: { readModels: dynamoReadModels(doc, readModels), timeZone },
    anchors: () => composeAnchors({ doc, eventsTable: events, readModelTable: readModels, ...anchorPlaces(), now }),
    now,
    close: () => client.destroy(),
  };
};

/**
 * The target as `deskTarget` makes it, after asking the running local stack where it keeps its data
 * (unless `DESK_DATA_DIR` says, or the target is AWS): the CLI then anchors, proves and verifies
 * against the anchors of the stack it talks to.
 */
export const openDeskTarget = async (timeZone: string, env: NodeJS.ProcessEnv = process.env): Promise<DeskTarget> => {
  const local =
    env.DESK_TARGET === 'aws' || env.DESK_DATA_DIR
      ? undefined
      : await discoverLocalStack(env, {
          events: env.EVENTS_TABLE ?? localTableNames.events,
          readModels: env.READ_MODEL_TABLE ?? localTableNames.readModels,
        });
  return deskTarget(timeZone, env, local);
};
