import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';

/** A reply as the API sends it, kept whole so that a retry gets exactly the first one. */
export interface StoredReply {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Where the first reply to each `Idempotency-Key` is kept. `run` computes the reply once per scoped key:
 * later calls with the same fingerprint get the stored reply; another fingerprint is refused
 * (`IdempotencyValidationError` → 409 `IDEMPOTENCY_KEY_REUSED`); a call while the first is still running
 * is refused too (409 `IDEMPOTENCY_KEY_IN_PROGRESS`). Failures are not stored: a retry runs again.
 */
export interface IdempotentReplies {
  run(scopedKey: string, fingerprint: string, compute: () => Promise<StoredReply>, context?: Context): Promise<StoredReply>;
}

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
  const config = new IdempotencyConfig({ eventKeyJmesPath: 'key', payloadValidationJmesPath: 'fingerprint', expiresAfterSeconds: KEEP_SECONDS, throwOnNoIdempotencyKey: true });
  const once = makeIdempotent(async (_call: { key: string; fingerprint: string }, compute: () => Promise<StoredReply>) => compute(), { persistenceStore, config, keyPrefix: 'api' });
  return {
    run: async (key, fingerprint, compute, context) => {
      if (context) config.registerLambdaContext(context);
      return once({ key, fingerprint }, compute);
    },
  };
};

/** For unit tests of the handler without a table: the same contract, in memory. */
export const inMemoryIdempotentReplies = (): IdempotentReplies => {
  const replies = new Map<string, { fingerprint: string; reply: Promise<StoredReply> }>();
  return {
    run: async (key, fingerprint, compute) => {
      const earlier = replies.get(key);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) throw new IdempotencyKeyMismatch();
        return earlier.reply;
      }
      const reply = compute();
      replies.set(key, { fingerprint, reply });
      reply.catch(() => replies.delete(key));
      return reply;
    },
  };
};

export class IdempotencyKeyMismatch extends Error {
  override readonly name = 'IdempotencyValidationError';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The key's scope: the caller, the method and the path as routed (the route's template with its
 * decoded parameters, so `/requests` and `/requests/` are one), and the client's key.
 */
export const scopedKey = (userId: string, method: string, routedPath: string, key: string): string => sha256([userId, method, routedPath, key].join('\n'));

/** What the client sent, and nothing the server adds (the clock, defaults): the query and the JSON body. */
export const fingerprintOf = (query: unknown, body: unknown): string => sha256(canonicalize({ query: query ?? {}, body: body ?? null }) ?? '');
