import * as z from 'zod';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { loadAgency } from '../../config/load.js';

/** What the deployed functions read from their environment (set by the CDK stack). */
const AwsEnvironment = z.object({
  EVENTS_TABLE: z.string().min(1),
  READ_MODEL_TABLE: z.string().min(1),
  OBJECT_BUCKET: z.string().min(1),
  REPLY_SECRET_ARN: z.string().min(1).optional(),
  /** Meta's app secret, verify token and page access token (JSON); no social messages without it. */
  META_SECRET_ARN: z.string().min(1).optional(),
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  USER_POOL_ID: z.string().min(1).optional(),
  USER_POOL_CLIENT_ID: z.string().min(1).optional(),
  MAIL_QUEUE_URL: z.url().optional(),
  /** The public portal's address as people open it (e.g. `https://requests.necs.gov.bt/portal`); no portal without it. */
  PORTAL_URL: z.url().optional(),
});
export type AwsEnvironment = z.infer<typeof AwsEnvironment>;

/**
 * What every deployed function starts from, once per container: its environment (validated), the
 * agency, the DynamoDB document client and the clock. aws-services.ts adds the core on top.
 */
export const awsBase = () => {
  // Parsed once per container: zod's compiled fast path (built on a schema's first parse) could never pay for itself here.
  const parsed = AwsEnvironment.safeParse(process.env, { jitless: true });
  if (!parsed.success)
    throw new Error(
      `function environment is incomplete: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const env = parsed.data;
  const agency = loadAgency();
  const doc = createDocumentClient(createDynamoClient());
  const now = () => new Date();
  return { env, agency, doc, now };
};
