/**
 * The one definition of each table: the CDK stack (infra/constructs/data.ts), the tests and the local stack all build their
 * tables from these. Plain data, no CDK import, so that tests and the local stack stay light.
 */

export interface KeyDef {
  readonly name: string;
  readonly type: 'S' | 'N';
}

export interface IndexDef {
  readonly indexName: string;
  readonly partitionKey: KeyDef;
  readonly sortKey: KeyDef;
}

export interface TableDef {
  /** The table's role; the deployed name is chosen by CloudFormation, the local one by `tableName()`. */
  readonly id: string;
  readonly partitionKey: KeyDef;
  readonly sortKey: KeyDef;
  readonly stream?: 'NEW_IMAGE';
  readonly indexes: readonly IndexDef[];
  /** The attribute (seconds since the epoch) after which DynamoDB deletes an item; deployed tables only. */
  readonly timeToLiveAttribute?: string;
}

/**
 * The event store. Partition `streamId` (`request#NECS-2026-00001`, `calendar#necs`), sort `version`
 * (events from 1, contiguous). Version 0 of a stream holds its head (latest version and hash), and
 * `sequence#…` and `idempotency#…` partitions hold reference counters and idempotency records: all
 * written with conditional puts in the same transaction as the events they belong to.
 */
export const eventsTable: TableDef = {
  id: 'Events',
  partitionKey: { name: 'streamId', type: 'S' },
  sortKey: { name: 'version', type: 'N' },
  stream: 'NEW_IMAGE',
  indexes: [],
};

/**
 * Read models kept by the projector. `openByDue` is sparse: only open requests carry its keys, so the
 * breach scan reads open requests due by a date and never the closed history.
 */
export const readModelTable: TableDef = {
  id: 'ReadModels',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  // Unconfirmed portal submissions and the portal's daily counters (adapters/dynamodb/portal-submissions.ts) expire.
  timeToLiveAttribute: 'expiresAtEpoch',
  indexes: [
    { indexName: 'openByDue', partitionKey: { name: 'openPk', type: 'S' }, sortKey: { name: 'openDueSk', type: 'S' } },
    {
      indexName: 'byDivision',
      partitionKey: { name: 'divisionPk', type: 'S' },
      sortKey: { name: 'divisionSk', type: 'S' },
    },
    // GET /requests: each filter served by its own index, soonest due first (`dueSk` = `<dueAt>#<ref>`).
    { indexName: 'listByDue', partitionKey: { name: 'listPk', type: 'S' }, sortKey: { name: 'dueSk', type: 'S' } },
    { indexName: 'statusByDue', partitionKey: { name: 'statusPk', type: 'S' }, sortKey: { name: 'dueSk', type: 'S' } },
    {
      indexName: 'divisionByDue',
      partitionKey: { name: 'divisionPk', type: 'S' },
      sortKey: { name: 'dueSk', type: 'S' },
    },
    {
      indexName: 'assigneeByDue',
      partitionKey: { name: 'assigneePk', type: 'S' },
      sortKey: { name: 'dueSk', type: 'S' },
    },
    {
      indexName: 'channelByDue',
      partitionKey: { name: 'channelPk', type: 'S' },
      sortKey: { name: 'dueSk', type: 'S' },
    },
    // `q` search: the requests holding one term (items `term#<word>`), soonest due first.
    { indexName: 'termByDue', partitionKey: { name: 'termPk', type: 'S' }, sortKey: { name: 'dueSk', type: 'S' } },
  ],
};

export const allTables: readonly TableDef[] = [eventsTable, readModelTable];

/** Table names of the local stack (`npm start`) and the CLI's default target. */
export const localTableNames = { events: 'request-desk-events', readModels: 'request-desk-read-models' } as const;
