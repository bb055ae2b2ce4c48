import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoReadModels } from '../../adapters/dynamodb/read-models.js';
import { scanSla } from '../../application/sla/scan.js';
import { composeCore } from '../../functions/shared/compose.js';
import { necs } from '../support/agency.js';
import { freshTables } from '../support/dynamo.js';

let tables: Awaited<ReturnType<typeof freshTables>>;
beforeAll(async () => {
  tables = await freshTables();
});
afterAll(() => tables.client.destroy());

const NOW = new Date('2026-11-25T04:00:00Z'); // Wednesday 10:00 in Thimphu; the horizon is Thursday 17:00
const view = (i: number, dueAt: string, open: boolean) => ({
  pk: `request#NECS-2025-${String(i).padStart(5, '0')}`,
  sk: 'view',
  appliedVersion: 3,
  view: {
    id: `NECS-2025-${String(i).padStart(5, '0')}`,
    subject: 's',
    requester: { kind: 'public' },
    division: 'legal',
    assignee: null,
    dueAt,
    pausedAt: null,
    status: open ? 'assigned' : 'archived',
  },
  divisionPk: 'division#legal',
  divisionSk: `2025-01-01T00:00:00.000Z#${i}`,
  ...(open ? { openPk: 'open', openDueSk: `${new Date(dueAt).toISOString()}#NECS-2025-${i}` } : {}),
});
const write = async (items: Record<string, unknown>[]) => {
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, b) => items.slice(b * 25, b * 25 + 25));
  for (let i = 0; i < batches.length; i += 8) {
    await Promise.all(
      batches.slice(i, i + 8).map((batch) =>
        tables.doc.send(
          new BatchWriteCommand({
            RequestItems: { [tables.names.readModels]: batch.map((Item) => ({ PutRequest: { Item } })) },
          }),
        ),
      ),
    );
  }
};

describe('what the breach scan reads', () => {
  it('stays the open requests due by tomorrow’s close, as the closed history grows from 100 to 10,000', async () => {
    // Prepare: 5 open requests due by Thursday 17:00, 5 open ones due later, 100 closed
    const due = [
      '2026-11-24T17:00:00+06:00',
      '2026-11-25T17:00:00+06:00',
      '2026-11-26T11:00:00+06:00',
      '2026-11-26T17:00:00+06:00',
      '2026-11-20T17:00:00+06:00',
    ];
    const later = [
      '2026-11-27T17:00:00+06:00',
      '2026-11-30T17:00:00+06:00',
      '2026-12-01T17:00:00+06:00',
      '2026-12-02T17:00:00+06:00',
      '2026-12-03T17:00:00+06:00',
    ];
    await write([
      ...due.map((d, i) => view(i + 1, d, true)),
      ...later.map((d, i) => view(i + 11, d, true)),
      ...Array.from({ length: 100 }, (_, i) => view(100 + i, '2025-03-01T17:00:00+06:00', false)),
    ]);
    const { workflows, calendar } = composeCore({
      doc: tables.doc,
      eventsTable: tables.names.events,
      readModelTable: tables.names.readModels,
      agency: necs,
      now: () => NOW,
    });
    const run = () =>
      scanSla({
        readModels: dynamoReadModels(tables.doc, tables.names.readModels),
        workflows,
        directory: necs.directory,
        sla: necs.config.sla,
        calendar,
        queueDigest: async () => undefined,
        now: () => NOW,
      });
    // Act
    const small = await run();
    await write(Array.from({ length: 9_900 }, (_, i) => view(1_000 + i, '2025-06-01T17:00:00+06:00', false)));
    const large = await run();
    // Assess
    expect(small.itemsRead).toBe(due.length);
    expect(large.itemsRead).toBe(due.length);
  }, 120_000);
});
