import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Items DynamoDB read for the calls a client made since {@link ItemsReadCounter.reset}. */
export interface ItemsReadCounter {
  /** Items read so far: what a Query or Scan examined, the item a GetItem found, each item of a batch or transaction. */
  readonly total: () => number;
  /** The same, per operation name (`QueryCommand`, `GetCommand`…). */
  readonly byCommand: () => Readonly<Record<string, number>>;
  readonly reset: () => void;
}

/** The items a DynamoDB answer says were read, from the answer's own counts. */
const itemsIn = (output: Record<string, unknown>): number => {
  if (typeof output.ScannedCount === 'number') return output.ScannedCount;
  if ('Item' in output) return output.Item ? 1 : 0;
  if (Array.isArray(output.Responses))
    return output.Responses.filter((r) => r && (r as { Item?: unknown }).Item).length;
  if (output.Responses && typeof output.Responses === 'object')
    return Object.values(output.Responses as Record<string, unknown[]>).reduce((n, items) => n + items.length, 0);
  return 0;
};

/**
 * Counts the items every call through `client` reads (a middleware on its stack; a document client shares
 * its client's stack). For measuring what a path reads (bench P10, tests of read costs); the calls
 * themselves are unchanged.
 */
export const countItemsRead = (client: DynamoDBClient | DynamoDBDocumentClient): ItemsReadCounter => {
  let counts: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const n = itemsIn(result.output as unknown as Record<string, unknown>);
      const name = context.commandName ?? 'unknown';
      if (n > 0) counts[name] = (counts[name] ?? 0) + n;
      return result;
    },
    { step: 'initialize', name: 'countItemsRead', override: true },
  );
  return {
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    byCommand: () => ({ ...counts }),
    reset: () => {
      counts = {};
    },
  };
};
