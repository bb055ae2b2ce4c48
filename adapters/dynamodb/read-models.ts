import {
  BatchGetCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { NewestFirstLog, IndexPageInput, ReadModels } from '../../application/read-models.js';
import { withRetries } from '../retry.js';
import { DISCLOSURE_LOG, PUBLIC_DISCLOSURES } from './read-items.js';

/** The partition holding a log, its newest entry last in sort order. */
const logPartition = (log: NewestFirstLog): string => {
  if (log.log === 'public-disclosures') return PUBLIC_DISCLOSURES;
  return log.division ? `${DISCLOSURE_LOG}#${log.division}` : DISCLOSURE_LOG;
};

/** The read-model table on DynamoDB: paged queries, retried when throttled. */
export const dynamoReadModels = (doc: DynamoDBDocumentClient, tableName: string): ReadModels => {
  const queryAll = async (input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) => {
    const items: Record<string, unknown>[] = [];
    let itemsRead = 0;
    let key: Record<string, unknown> | undefined;
    do {
      const page = await withRetries('read models', () =>
        doc.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey: key })),
      );
      items.push(...(page.Items ?? []));
      itemsRead += page.ScannedCount ?? 0;
      key = page.LastEvaluatedKey;
    } while (key);
    return { items, itemsRead };
  };
  return {
    openByDue: (until) =>
      queryAll({
        IndexName: 'openByDue',
        KeyConditionExpression: until ? 'openPk = :open AND openDueSk <= :until' : 'openPk = :open',
        ExpressionAttributeValues: { ':open': 'open', ...(until ? { ':until': `${until}#~` } : {}) },
      }),
    byDivision: async (division) =>
      (
        await queryAll({
          IndexName: 'byDivision',
          KeyConditionExpression: 'divisionPk = :d',
          ExpressionAttributeValues: { ':d': `division#${division}` },
        })
      ).items,
    indexPage: async (input: IndexPageInput) => {
      const items: Record<string, unknown>[] = [];
      let itemsRead = 0;
      let key: Record<string, unknown> | undefined;
      do {
        const page = await withRetries('read models', () =>
          doc.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: input.index,
              KeyConditionExpression: input.after ? '#k = :k AND dueSk > :after' : '#k = :k',
              ...(input.filter ? { FilterExpression: input.filter.expression } : {}),
              ExpressionAttributeNames: { '#k': input.keyName, ...input.filter?.names },
              ExpressionAttributeValues: {
                ':k': input.keyValue,
                ...(input.after ? { ':after': input.after } : {}),
                ...input.filter?.values,
              },
              // Limit counts items read before the filter: never read more than the page still needs.
              Limit: input.limit - items.length,
              ExclusiveStartKey: key,
            }),
          ),
        );
        items.push(...(page.Items ?? []));
        itemsRead += page.ScannedCount ?? 0;
        key = page.LastEvaluatedKey;
      } while (key && items.length < input.limit);
      return { items, itemsRead, more: key !== undefined };
    },
    newestPage: async (input) => {
      const { limit, before } = input;
      const pk = logPartition(input);
      const page = await withRetries('read models', () =>
        doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: before ? 'pk = :pk AND sk < :before' : 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk, ...(before ? { ':before': before } : {}) },
            ScanIndexForward: false,
            Limit: limit,
          }),
        ),
      );
      return { items: page.Items ?? [], itemsRead: page.ScannedCount ?? 0, more: page.LastEvaluatedKey !== undefined };
    },
    getItems: async (keys) => {
      const items: Record<string, unknown>[] = [];
      for (let i = 0; i < keys.length; i += 100) {
        let pending: Record<string, unknown>[] | undefined = keys
          .slice(i, i + 100)
          .map((k) => ({ pk: k.pk, sk: k.sk }));
        while (pending && pending.length > 0) {
          const keysNow: Record<string, unknown>[] = pending;
          const reply = await withRetries('read models', () =>
            doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keysNow } } })),
          );
          items.push(...(reply.Responses?.[tableName] ?? []));
          pending = reply.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return { items, itemsRead: items.length };
    },
    partition: async (pk) =>
      (await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } })).items,
  };
};
