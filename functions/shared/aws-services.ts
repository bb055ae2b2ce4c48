import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { sesSender } from '../../adapters/ses/ses-sender.js';
import type { MailSender } from '../../application/outgoing-mail.js';
import * as z from 'zod';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { S3ObjectStore } from '../../adapters/object-store/s3-store.js';
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

/** Builds the shared services of a deployed function once per container. */
export const awsServices = () => {
  const parsed = AwsEnvironment.safeParse(process.env);
  if (!parsed.success) throw new Error(`function environment is incomplete: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const env = parsed.data;
  const agency = loadAgency();
  const doc = createDocumentClient(createDynamoClient());
  const now = () => new Date();
  const core = composeCore({ doc, eventsTable: env.EVENTS_TABLE, readModelTable: env.READ_MODEL_TABLE, agency, now });
  const objects = new S3ObjectStore(new S3Client({}), env.OBJECT_BUCKET);
  let secret: Promise<string> | undefined;
  /** The reply-token key from Secrets Manager, fetched once. */
  const replySecret = () =>
    (secret ??= (async () => {
      if (!env.REPLY_SECRET_ARN) throw new Error('REPLY_SECRET_ARN is not set');
      const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: env.REPLY_SECRET_ARN }));
      if (!out.SecretString) throw new Error('the reply-token secret is empty');
      return out.SecretString;
    })());
  let sender: MailSender | undefined;
  /** The agency's SES sender (its configuration set, when deployed with one), made on first use. */
  const send: MailSender = (mail, tags) => (sender ??= sesSender(new SESv2Client({}), env.SES_CONFIGURATION_SET))(mail, tags);
  return { env, agency, doc, now, core, objects, replySecret, send };
};
