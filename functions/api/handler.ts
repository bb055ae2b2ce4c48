import type { Context } from 'aws-lambda';
import { scanSla } from '../../application/sla/scan.js';
import { awsScanDeps } from '../sla-scan/handler.js';
import { dynamoReadModels } from '../../adapters/dynamodb/read-models.js';
import { awsServices } from '../shared/aws-services.js';
import { cognitoAuthenticator } from './auth/authenticator.js';
import { createApiHandler } from './app.js';
import type { ApiEvent } from './types.js';

let cached: ReturnType<typeof createApiHandler> | undefined;

/** The API Lambda on AWS: Cognito ID tokens only; `Bearer local:` is never accepted here. */
export const handler = async (event: ApiEvent, context: Context) => {
  if (!cached) {
    const s = awsServices();
    if (!s.env.USER_POOL_ID || !s.env.USER_POOL_CLIENT_ID) throw new Error('USER_POOL_ID and USER_POOL_CLIENT_ID are required');
    cached = createApiHandler(
      {
        agency: s.agency,
        commands: s.core.commands,
        websiteCommands: s.core.websiteCommands,
        store: s.core.store,
        objects: s.objects,
        readModels: dynamoReadModels(s.doc, s.env.READ_MODEL_TABLE),
        now: s.now,
        agencyCalendar: s.core.agencyCalendar,
        scan: () => scanSla(awsScanDeps(s)),
        directory: s.core.directory,
      },
      cognitoAuthenticator(s.env.USER_POOL_ID, s.env.USER_POOL_CLIENT_ID, undefined, s.core.directory, s.now),
    );
  }
  return cached(event, context);
};
