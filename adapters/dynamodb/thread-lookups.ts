import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ThreadLookups } from '../../application/intake/process-mail.js';
import { withRetries } from '../retry.js';

/** Thread lookups from the read-model table (items the projector writes for each request). */
export const dynamoThreadLookups = (doc: DynamoDBDocumentClient, tableName: string): ThreadLookups => {
  const lookup = async (pk: string) => {
    const out = await withRetries('thread lookup', () => doc.send(new GetCommand({ TableName: tableName, Key: { pk, sk: 'request' } })));
    return typeof out.Item?.requestId === 'string' ? out.Item.requestId : undefined;
  };
  return {
    requestForSesMessageId: (id) => lookup(`ses#${id.toLowerCase()}`),
    requestForMessageId: (id) => lookup(`msgid#${id}`),
  };
};
