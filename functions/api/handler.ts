import type { Context } from 'aws-lambda';
import { cognitoAuthenticator } from './auth/authenticator.js';
import { createApiHandler } from './app.js';
import { awsApiServices } from './aws-api-services.js';
import type { ApiEvent } from './types.js';

let cached: ReturnType<typeof createApiHandler> | undefined;

/** The API Lambda on AWS: Cognito ID tokens only; `Bearer local:` is never accepted here. */
export const handler = async (event: ApiEvent, context: Context) => {
  if (!cached) {
    const { env, services } = awsApiServices();
    if (!env.USER_POOL_ID || !env.USER_POOL_CLIENT_ID)
      throw new Error('USER_POOL_ID and USER_POOL_CLIENT_ID are required');
    cached = createApiHandler(
      services,
      cognitoAuthenticator(env.USER_POOL_ID, env.USER_POOL_CLIENT_ID, undefined, services.directory, services.now),
      undefined,
      { corsOrigins: (process.env.CORS_ORIGINS ?? '').split(',').filter(Boolean) },
    );
  }
  return cached(event, context);
};
