import type { Context } from 'aws-lambda';
import { dynamoReadModels } from '../../adapters/dynamodb/read-models.js';
import { awsObjects } from '../shared/aws-objects.js';
import { awsServices } from '../shared/aws-services.js';
import { cognitoAuthenticator } from './auth/authenticator.js';
import { createApiHandler } from './app.js';
import { onDemandIdempotentReplies } from './idempotency-on-demand.js';
import type { ApiEvent } from './types.js';
import { awsAnchorLedger, type AnchorReader } from '../shared/aws-anchors.js';

/** The anchors, read-only: the Object Lock bucket and the public half of the KMS key (clients loaded on first use). */
const anchorLedger = (): AnchorReader | undefined => {
  const { ANCHOR_BUCKET, ANCHOR_KEY_ID } = process.env;
  return ANCHOR_BUCKET && ANCHOR_KEY_ID ? awsAnchorLedger(ANCHOR_BUCKET, ANCHOR_KEY_ID) : undefined;
};

let cached: ReturnType<typeof createApiHandler> | undefined;

/** The API Lambda on AWS: Cognito ID tokens only; `Bearer local:` is never accepted here. */
export const handler = async (event: ApiEvent, context: Context) => {
  if (!cached) {
    const s = awsServices();
    const ledger = anchorLedger();
    if (!s.env.USER_POOL_ID || !s.env.USER_POOL_CLIENT_ID) throw new Error('USER_POOL_ID and USER_POOL_CLIENT_ID are required');
    cached = createApiHandler(
      {
        agency: s.agency,
        commands: s.core.commands,
        websiteCommands: s.core.websiteCommands,
        store: s.core.store,
        objects: awsObjects(s.env),
        readModels: dynamoReadModels(s.doc, s.env.READ_MODEL_TABLE),
        now: s.now,
        agencyCalendar: s.core.agencyCalendar,
        // The scan and its SQS client load only when someone runs it (POST /sla/scan), not at start.
        scan: async () => {
          const [{ scanSla }, { awsScanDeps }] = await Promise.all([import('../../application/sla/scan.js'), import('../sla-scan/handler.js')]);
          return scanSla(awsScanDeps(s));
        },
        directory: s.core.directory,
        ...(ledger ? { anchors: ledger } : {}),
        idempotentReplies: onDemandIdempotentReplies({ tableName: s.env.READ_MODEL_TABLE }),
      },
      cognitoAuthenticator(s.env.USER_POOL_ID, s.env.USER_POOL_CLIENT_ID, undefined, s.core.directory, s.now),
      undefined,
      { corsOrigins: (process.env.CORS_ORIGINS ?? '').split(',').filter(Boolean) },
    );
  }
  return cached(event, context);
};
