import { randomUUID } from 'node:crypto';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { eventsTable, readModelTable } from '../../adapters/dynamodb/table-defs.js';

/** Fresh, uniquely named tables in the run's DynamoDB Local (started by the global setup). */
export const freshTables = async () => {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set: the jest global setup starts DynamoDB Local');
  const client = createDynamoClient({ endpoint });
  const doc = createDocumentClient(client);
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const names = { events: `${prefix}-Events`, readModels: `${prefix}-ReadModels` };
  const eventsStreamArn = await ensureTable(client, eventsTable, names.events);
  await ensureTable(client, readModelTable, names.readModels);
  return { client, doc, names, eventsStreamArn: eventsStreamArn as string, endpoint };
};
