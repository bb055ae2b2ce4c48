import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { awsApiServices } from '../../functions/api/aws-api-services.js';
import { awsServices } from '../../functions/shared/aws-services.js';
import { composeCore } from '../../functions/shared/compose.js';
import { composeStore } from '../../functions/shared/compose-store.js';
import { freshTables } from '../support/dynamo.js';

const saved = { ...process.env };
let tables: Awaited<ReturnType<typeof freshTables>>;

beforeAll(async () => {
  tables = await freshTables();
  Object.assign(process.env, {
    AWS_REGION: 'ap-south-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: tables.endpoint,
    EVENTS_TABLE: tables.names.events,
    READ_MODEL_TABLE: tables.names.readModels,
    OBJECT_BUCKET: 'bucket',
  });
});
afterAll(() => {
  process.env = { ...saved };
});

describe('the API’s services on AWS (awsApiServices: commands, website workflow and directory built on first use)', () => {
  it('answer as the services built all at start do', async () => {
    // Prepare: the lazily built services and the eager ones, over the same tables.
    const lazy = awsApiServices().services;
    const eager = awsServices().core;
    // Act: the directory (seeded on first read), a request that does not exist, a website update that does not exist.
    const people = (await lazy.directory.current()).everyone().map((p) => p.id);
    // Assess
    expect(people).toEqual((await eager.directory.current()).everyone().map((p) => p.id));
    expect(people).toContain('ict.head');
    expect(await lazy.commands.load('NECS-2026-9999')).toEqual(await eager.commands.load('NECS-2026-9999'));
    expect(await lazy.websiteCommands.load('WEB-2026-9999')).toEqual(await eager.websiteCommands.load('WEB-2026-9999'));
    expect((await lazy.agencyCalendar.current()).holidaysOf(2026)).toEqual(
      (await eager.agencyCalendar.current()).holidaysOf(2026),
    );
  });

  it('share one store and one agency calendar (one calendar cache) with the commands built later', () => {
    const { agency, doc, now } = awsServices();
    const stored = composeStore({ doc, eventsTable: tables.names.events, agency, now });
    const core = composeCore({
      doc,
      eventsTable: tables.names.events,
      readModelTable: tables.names.readModels,
      agency,
      now,
      stored,
    });
    expect(core.store).toBe(stored.store);
    expect(core.agencyCalendar).toBe(stored.agencyCalendar);
  });
});
