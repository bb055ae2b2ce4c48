/**
 * Replaces `@aws-sdk/credential-provider-node` in the Lambda bundles (alias in infra/bundle.ts). Lambda
 * gives a function its role's credentials in the environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
 * `AWS_SESSION_TOKEN`), and a container endpoint on runtimes that use one; the SDK's full chain adds
 * SSO, profiles, processes and web identity with their STS/SSO clients (~90 KB) a function never uses.
 * Same order as the SDK's chain for the sources kept: environment first, then the container endpoint.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { fromHttp } from '@aws-sdk/credential-provider-http';
import { chain, memoize } from '@smithy/core/config';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

type Init = Parameters<typeof fromEnv>[0] & Parameters<typeof fromHttp>[0];

/** Refresh five minutes before expiry, as the SDK's default chain does. */
const expiresSoon = (c: AwsCredentialIdentity) =>
  c.expiration !== undefined && c.expiration.getTime() - Date.now() < 300_000;

export const defaultProvider = (init: Init = {}): AwsCredentialIdentityProvider =>
  memoize(
    // fromHttp refuses at creation when no container endpoint is configured: created only if the environment has no keys.
    chain(fromEnv(init), () => fromHttp(init)()),
    expiresSoon,
    (c) => c.expiration !== undefined,
  );
