import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
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
  run(
    scopedKey: string,
    fingerprint: string,
    compute: () => Promise<StoredReply>,
    context?: Context,
  ): Promise<StoredReply>;
}

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

/** A call with this key is still running (Powertools' `IdempotencyAlreadyInProgressError`, translated). */
export class IdempotencyKeyInProgress extends Error {
  override readonly name = 'IdempotencyAlreadyInProgressError';
}

/** The idempotency store could not be read or written (Powertools' `IdempotencyPersistenceLayerError`, translated). */
export class IdempotencyStoreUnavailable extends Error {
  override readonly name = 'IdempotencyPersistenceLayerError';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The key's scope: the caller, the method and the path as routed (the route's template with its
 * decoded parameters, so `/requests` and `/requests/` are one), and the client's key.
 */
export const scopedKey = (userId: string, method: string, routedPath: string, key: string): string =>
  sha256([userId, method, routedPath, key].join('\n'));

/** What the client sent, and nothing the server adds (the clock, defaults): the query and the JSON body. */
export const fingerprintOf = (query: unknown, body: unknown): string =>
  sha256(canonicalize({ query: query ?? {}, body: body ?? null }) ?? '');
