import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReadItem } from '../../domain/views/read-items.js';
import { withRetries } from '../retry.js';

/** DynamoDB's limit of items in one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * Writes a request's read-model items, all or nothing, only if they are newer than what is there:
 * the view item carries the version they were folded from, and the transaction is conditional on it.
 * Returns false when a newer (or the same) version was already applied.
 */
export const writeReadItems = async (doc: DynamoDBDocumentClient, tableName: string, items: readonly ReadItem[], version: number, force = false): Promise<boolean> => {
  const [view, ...rest] = items;
  if (!view) return false;
  if (items.length > MAX_TRANSACTION_ITEMS) throw new RangeError(`a request with ${items.length} read items exceeds one transaction`);
  try {
    await withRetries('write read models', () =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: view,
                ...(force ? {} : { ConditionExpression: 'attribute_not_exists(pk) OR appliedVersion < :v', ExpressionAttributeValues: { ':v': version } }),
              },
            },
            ...rest.map((item) => ({ Put: { TableName: tableName, Item: item } })),
          ],
        }),
      ),
    );
    return true;
  } catch (err) {
    if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw err;
  }
};
