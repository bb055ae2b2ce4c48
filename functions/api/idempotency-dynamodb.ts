import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyPersistenceLayerError,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import {
  IdempotencyKeyInProgress,
  IdempotencyKeyMismatch,
  IdempotencyStoreUnavailable,
  type IdempotentReplies,
  type StoredReply,
} from './idempotency.js';

/**
 * Powertools' refusals as the API's own errors (functions/api/errors.ts maps those to 409 and 503), so
 * that the API need not load Powertools to recognise them (it loads with the first POST). Anything
 * else, the route's own errors included, passes unchanged.
 */
const translated = (err: unknown): unknown => {
  if (err instanceof IdempotencyValidationError) return new IdempotencyKeyMismatch(err.message, { cause: err });
  if (err instanceof IdempotencyAlreadyInProgressError)
    return new IdempotencyKeyInProgress(err.message, { cause: err });
  if (err instanceof IdempotencyPersistenceLayerError)
    return new IdempotencyStoreUnavailable(err.message, { cause: err });
  return err;
};

/** Keys live for ten years: the contract says the first reply comes back "however much later". */
const KEEP_SECONDS = 10 * 366 * 24 * 3600;

/**
 * Powertools' idempotency utility over the read-model table (all records in one partition,
 * `pk = idempotency#api`, `sk` = the hashed scoped key): it locks the key while the first call runs,
 * stores its reply and validates the fingerprint on every retry.
 */
export const dynamoIdempotentReplies = (options: { tableName: string; client?: DynamoDBClient }): IdempotentReplies => {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: options.tableName,
    keyAttr: 'pk',
    sortKeyAttr: 'sk',
    staticPkValue: 'idempotency#api',
    ...(options.client ? { awsSdkV3Client: options.client } : {}),
  });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'fingerprint',
    expiresAfterSeconds: KEEP_SECONDS,
    throwOnNoIdempotencyKey: true,
  });
  const once = makeIdempotent(
    async (_call: { key: string; fingerprint: string }, compute: () => Promise<StoredReply>) => compute(),
    { persistenceStore, config, keyPrefix: 'api' },
  );
  return {
    run: async (key, fingerprint, compute, context) => {
      if (context) config.registerLambdaContext(context);
      try {
        return await once({ key, fingerprint }, compute);
      } catch (err) {
        throw translated(err);
      }
    },
  };
};
