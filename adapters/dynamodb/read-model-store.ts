import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReadModelWriter } from '../../application/read-models.js';
import { heldMailItem, isLookupItem, readItemsFor, type ReadItem } from './read-items.js';
import { websiteReadItems } from './website-items.js';
import { socialAccountReadItems, socialIncidentReadItems } from './social-items.js';
import { withRetries } from '../retry.js';

/** DynamoDB's limit of items in one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * Writes a request's read-model items, all or nothing, only if they are newer than what is there:
 * the view item carries the version they were folded from, and the transaction is conditional on it.
 * Returns false when a newer (or the same) version was already applied.
 */
export const writeReadItems = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: readonly ReadItem[],
  version: number,
  force = false,
): Promise<boolean> => {
  const [view, ...others] = items;
  if (!view) return false;
  // Lookups (and anything past one transaction's limit) are written first, apart and in chunks: they are
  // add-only and idempotent, so a projection that then finds a newer view applied has done no harm.
  const inTransaction = others.filter((i) => !isLookupItem(i));
  const apart = [...others.filter(isLookupItem), ...inTransaction.splice(MAX_TRANSACTION_ITEMS - 1)];
  for (let i = 0; i < apart.length; i += MAX_TRANSACTION_ITEMS) {
    const chunk = apart.slice(i, i + MAX_TRANSACTION_ITEMS);
    await withRetries('write lookup items', () =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: chunk.map((item) => ({ Put: { TableName: tableName, Item: item } })),
        }),
      ),
    );
  }
  const rest = inTransaction;
  try {
    await withRetries('write read models', () =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: view,
                ...(force
                  ? {}
                  : {
                      ConditionExpression: 'attribute_not_exists(pk) OR appliedVersion < :v',
                      ExpressionAttributeValues: { ':v': version },
                    }),
              },
            },
            ...rest.map((item) => ({ Put: { TableName: tableName, Item: item } })),
          ],
        }),
      ),
    );
    return true;
  } catch (err) {
    if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
      return false;
    throw err;
  }
};

/**
 * The projector's writer on the read-model table: lays each state out as items (read-items.ts,
 * website-items.ts) and writes them with {@link writeReadItems}. `timeZone` is the agency's: reports
 * are kept by the month the agency counts in.
 */
export const dynamoReadModelWriter = (
  doc: DynamoDBDocumentClient,
  tableName: string,
  timeZone: string,
): ReadModelWriter => {
  const write = async (items: readonly ReadItem[], version: number, force: boolean) =>
    (await writeReadItems(doc, tableName, items, version, force)) ? 'applied' : 'already_current';
  return {
    request: (state, version, force) => write(readItemsFor(state, version, timeZone), version, force),
    heldMail: async (events, version, force) => {
      const item = heldMailItem(events, version);
      return item ? write([item], version, force) : 'skipped';
    },
    website: (state, version, force) => write(websiteReadItems(state, version, { timeZone }), version, force),
    socialAccount: (state, version, force) => write(socialAccountReadItems(state, version, timeZone), version, force),
    socialIncident: (state, version, force) => write(socialIncidentReadItems(state, version), version, force),
  };
};
