import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { IdempotentReplies } from './idempotency.js';

/**
 * `dynamoIdempotentReplies` (idempotency-dynamodb.ts), loaded with the first request that carries an `Idempotency-Key`:
 * Powertools' idempotency and its JMESPath (~37 KB) are not parsed at a cold start, as reads never
 * need them. The store is built once, on that first use.
 */
export const onDemandIdempotentReplies = (options: {
  tableName: string;
  client?: DynamoDBClient;
}): IdempotentReplies => {
  let replies: Promise<IdempotentReplies> | undefined;
  return {
    run: async (scopedKey, fingerprint, compute, context) => {
      replies ??= import('./idempotency-dynamodb.js').then((m) => m.dynamoIdempotentReplies(options));
      return (await replies).run(scopedKey, fingerprint, compute, context);
    },
  };
};
