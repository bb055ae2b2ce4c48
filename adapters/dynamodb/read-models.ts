import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ReadModels } from '../../application/read-models.js';
import { withRetries } from '../retry.js';

/** The read-model table on DynamoDB: paged queries, retried when throttled. */
export const dynamoReadModels = (doc: DynamoDBDocumentClient, tableName: string): ReadModels => {
  const queryAll = async (input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) => {
    const items: Record<string, unknown>[] = [];
    let itemsRead = 0;
    let key: Record<string, unknown> | undefined;
    do {
      const page = await withRetries('read models', () => doc.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey: key })));
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
      (await queryAll({ IndexName: 'byDivision', KeyConditionExpression: 'divisionPk = :d', ExpressionAttributeValues: { ':d': `division#${division}` } })).items,
    partition: async (pk) => (await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } })).items,
  };
};
