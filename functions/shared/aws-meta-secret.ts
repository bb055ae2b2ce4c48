import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';

/** The Meta app's secrets, one JSON secret: the stack generates `verifyToken`; an operator enters the other two. */
const MetaSecret = z.object({
  appSecret: z.string(),
  verifyToken: z.string(),
  pageAccessToken: z.string(),
});
export type MetaSecret = z.infer<typeof MetaSecret>;

const TTL_MS = 5 * 60 * 1000;

/**
 * Reads the Meta secret from Secrets Manager, kept for five minutes per container (so a token rotated
 * by an operator is in use within minutes, and a burst of deliveries costs one read).
 */
export const awsMetaSecret = (secretArn: string, now: () => number = () => Date.now()) => {
  let cached: { at: number; value: Promise<MetaSecret> } | undefined;
  return (): Promise<MetaSecret> => {
    if (!cached || now() - cached.at > TTL_MS) {
      const value = new SecretsManagerClient({})
        .send(new GetSecretValueCommand({ SecretId: secretArn }))
        .then((out) => MetaSecret.parse(JSON.parse(out.SecretString ?? '{}')));
      cached = { at: now(), value };
      value.catch(() => (cached = undefined));
    }
    return cached.value;
  };
};
