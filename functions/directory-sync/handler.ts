import { Logger } from '@aws-lambda-powertools/logger';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.js';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { cognitoUserPool } from '../../adapters/cognito/user-pool.js';
import { DirectoryService } from '../../application/directory/service.js';
import { syncPerson, type DirectorySyncDeps } from '../../application/directory-sync.js';
import { loadAgency } from '../../config/load.js';
import { parseDirectoryEvent } from '../../events/catalogue.js';
import { Role } from '../../events/primitives.js';
import { streamBatchHandler } from '../shared/batch-handler.js';
import { streamEventItem } from '../shared/stream-event-item.js';

const logger = new Logger({ serviceName: 'directory-sync' });

const EventItem = streamEventItem(z.string().startsWith('directory#'));

/** The people a directory event touches: the person it names (a division touches nobody's sign-in). */
const personOf = (record: DynamoDBRecord): string | undefined => {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return undefined;
  const item = EventItem.safeParse(unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>));
  if (!item.success) return undefined; // other streams, heads, counters
  const { type, schemaVersion, occurredAt, actor, data } = item.data;
  const event = parseDirectoryEvent({ type, schemaVersion, occurredAt, actor, data });
  return event.type === 'DivisionAdded' ? undefined : event.data.personId;
};

/**
 * The directory projection onto Cognito: for each new directory event on the events table's stream,
 * makes the person's Cognito user follow the directory as it stands now (user with invitation mail,
 * groups from roles, `custom:division`, disabled when deactivated). The only function allowed to
 * administer the user pool. Safe to run twice on a record: the sync compares before it changes.
 */
export const createDirectorySyncHandler = (deps: DirectorySyncDeps) =>
  streamBatchHandler(logger, async (record) => {
    const personId = personOf(record);
    if (!personId) return;
    const outcome = await syncPerson(deps, personId);
    logger.info('directory synced', { personId, outcome });
  });

let cached: ReturnType<typeof createDirectorySyncHandler> | undefined;

export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  if (!cached) {
    const env = z.object({ EVENTS_TABLE: z.string().min(1), USER_POOL_ID: z.string().min(1) }).parse(process.env);
    const agency = loadAgency();
    const now = () => new Date();
    const store = new DynamoEventStore(createDocumentClient(createDynamoClient()), env.EVENTS_TABLE, now);
    cached = createDirectorySyncHandler({
      directory: new DirectoryService(store, agency.config, now),
      pool: cognitoUserPool(new CognitoIdentityProviderClient({}), env.USER_POOL_ID),
      roleGroups: Role.options,
      now,
    });
  }
  return cached(event, context);
};
