import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { scanSla } from '../../application/sla/scan.js';
import { sqsDigestQueue } from '../sla-scan/handler.js';
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
        store: s.core.store,
        objects: s.objects,
        doc: s.doc,
        readModelTable: s.env.READ_MODEL_TABLE,
        now: s.now,
        agencyCalendar: s.core.agencyCalendar,
        scan: () =>
          scanSla({
            doc: s.doc,
            readModelTable: s.env.READ_MODEL_TABLE,
            commands: s.core.commands,
            directory: s.agency.directory,
            sla: s.agency.config.sla,
            calendar: s.core.calendar,
            queueDigest: sqsDigestQueue(new SQSClient({}), z.url().parse(process.env.ALERTS_QUEUE_URL)),
            now: s.now,
          }),
      },
      cognitoAuthenticator(s.env.USER_POOL_ID, s.env.USER_POOL_CLIENT_ID),
    );
  }
  return cached(event, context);
};
