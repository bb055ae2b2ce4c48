import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { AwsEnvironment } from './aws-services.js';

/** The reply-token key from Secrets Manager (the mailer signs reply addresses, intake checks them). */
export const awsReplySecret = async (env: AwsEnvironment): Promise<string> => {
  if (!env.REPLY_SECRET_ARN) throw new Error('REPLY_SECRET_ARN is not set');
  const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: env.REPLY_SECRET_ARN }));
  if (!out.SecretString) throw new Error('the reply-token secret is empty');
  return out.SecretString;
};
