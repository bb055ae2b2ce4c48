import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ThreadLookups } from '../../application/intake/process-mail.js';
import { withRetries } from '../retry.js';

/**
 * Thread lookups from the read-model table (items the projector writes for each request). Should an
 * id belong to several requests, the earliest reference answers, whatever order they were projected in.
 */
export const dynamoThreadLookups = (doc: DynamoDBDocumentClient, tableName: string): ThreadLookups => {
  const lookup = async (pk: string) => {
    const out = await withRetries('thread lookup', () =>
      doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
          ExpressionAttributeValues: { ':pk': pk, ':r': 'request#' },
          Limit: 1,
        }),
      ),
    );
    const requestId = out.Items?.[0]?.requestId;
    return typeof requestId === 'string' ? requestId : undefined;
  };
  return {
    requestForSesMessageId: (id) => lookup(`ses#${id.toLowerCase()}`),
    requestForMessageId: (id) => lookup(`msgid#${id}`),
  };
};
