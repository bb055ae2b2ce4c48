import * as z from 'zod';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { loadAgency } from '../../config/load.js';
import { composeCore } from './compose.js';

/** What the deployed functions read from their environment (set by the CDK stack). */
const AwsEnvironment = z.object({
  EVENTS_TABLE: z.string().min(1),
  READ_MODEL_TABLE: z.string().min(1),
  OBJECT_BUCKET: z.string().min(1),
  REPLY_SECRET_ARN: z.string().min(1).optional(),
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  USER_POOL_ID: z.string().min(1).optional(),
  USER_POOL_CLIENT_ID: z.string().min(1).optional(),
  MAIL_QUEUE_URL: z.url().optional(),
});
export type AwsEnvironment = z.infer<typeof AwsEnvironment>;

/**
 * Builds the shared services of a deployed function once per container: its environment, the agency,
 * DynamoDB and the core (store, commands, projector). Only DynamoDB: S3, SES and Secrets Manager have
 * their own builders beside this one (aws-objects.ts, aws-mail.ts, aws-reply-secret.ts), imported by
 * the functions that use them, so no function bundles or constructs a client it never calls.
 */
export const awsServices = () => {
  // Parsed once per container: zod's compiled fast path (built on a schema's first parse) could never pay for itself here.
  const parsed = AwsEnvironment.safeParse(process.env, { jitless: true });
  if (!parsed.success) throw new Error(`function environment is incomplete: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const env = parsed.data;
  const agency = loadAgency();
  const doc = createDocumentClient(createDynamoClient());
  const now = () => new Date();
  const core = composeCore({ doc, eventsTable: env.EVENTS_TABLE, readModelTable: env.READ_MODEL_TABLE, agency, now });
  return { env, agency, doc, now, core };
};
