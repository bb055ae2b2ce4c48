import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { AgencyCalendar } from '../../application/calendar/agency-calendar.js';
import { DirectoryService } from '../../application/directory/service.js';
import type { EventStore } from '../../application/event-store.js';
import type { CalendarCommand } from '../../domain/calendar/calendar-decider.js';
import { as, necs } from '../support/agency.js';
import { TEST_START } from '../support/clock.js';
import { freshTables } from '../support/dynamo.js';

// The agency's directory and calendar are one stream each, read on every request and changed a few
// times a year: both run through the one command handler, which keeps their state in the process.

let tables: Awaited<ReturnType<typeof freshTables>>;
let store: DynamoEventStore;

beforeAll(async () => {
  tables = await freshTables();
  store = new DynamoEventStore(tables.doc, tables.names.events);
});
afterAll(() => tables.client.destroy());

/** The store as one process sees it: what it asked to read, and appends held until `writers` processes are ready. */
const processOn = (shared: EventStore, gate?: { waitForOthers: () => Promise<void> }) => {
  const reads: { streamId: string; fromVersion: number }[] = [];
  let held = false;
  const view: EventStore = {
    read: (streamId, range, onEvent) => {
      reads.push({ streamId, fromVersion: range?.fromVersion ?? 1 });
      return shared.read(streamId, range, onEvent);
    },
    append: async (streamId, events, expected, options) => {
      // Only the first append waits: both processes have read the same head before either writes.
      if (gate && !held) {
        held = true;
        await gate.waitForOthers();
      }
      return shared.append(streamId, events, expected, options);
    },
    createSequenced: (spec, options) => shared.createSequenced(spec, options),
    findIdempotent: (key) => shared.findIdempotent(key),
    listStreams: (prefix) => shared.listStreams(prefix),
  };
  return { store: view, reads };
};

/** Lets `n` parties continue once all of them have arrived. */
const barrier = (n: number) => {
  let arrived = 0;
  let release: () => void = () => undefined;
  const all = new Promise<void>((r) => (release = r));
  return {
    waitForOthers: () => {
      arrived += 1;
      if (arrived === n) release();
      return all;
    },
  };
};

const now = TEST_START.toISOString();
const declare = (date: string, name: string): CalendarCommand => ({
  type: 'DeclareHoliday',
  data: { date, name },
  metadata: { now, actor: as('ict.head') },
});

describe('the agency calendar', () => {
  it('records two holidays declared at the same moment from two processes: the loser of the race tries again', async () => {
    // Prepare: two Lambdas, each with its own calendar, both reading the calendar before either writes
    const agency = 'race-calendar';
    const gate = barrier(2);
    const first = new AgencyCalendar(processOn(store, gate).store, necs.calendar, agency);
    const second = new AgencyCalendar(processOn(store, gate).store, necs.calendar, agency);
    // Act
    const [a, b] = await Promise.all([
      first.change(declare('2026-12-01', 'First snowfall')),
      second.change(declare('2026-12-02', 'Royal wedding anniversary')),
    ]);
    // Assess: neither declaration is lost, and both processes see both
    expect([...a, ...b].map((e) => e.type)).toEqual(['HolidayDeclared', 'HolidayDeclared']);
    const calendar = await new AgencyCalendar(store, necs.calendar, agency).current();
    expect(calendar.holidayOn('2026-12-01')?.name).toBe('First snowfall');
    expect(calendar.holidayOn('2026-12-02')?.name).toBe('Royal wedding anniversary');
  });

  it('asks the store only for what is new once it has read the calendar', async () => {
    // Prepare
    const agency = 'incremental-calendar';
    const seen = processOn(store);
    const calendar = new AgencyCalendar(seen.store, necs.calendar, agency, 0);
    await calendar.change(declare('2026-12-01', 'First snowfall'));
    await new AgencyCalendar(store, necs.calendar, agency).change(declare('2026-12-02', 'Declared elsewhere'));
    seen.reads.length = 0;
    // Act
    const events = await calendar.events();
    // Assess: the change made by another process counts, and only version 2 on was read
    expect(events.map((e) => e.data)).toEqual([
      { date: '2026-12-01', name: 'First snowfall' },
      { date: '2026-12-02', name: 'Declared elsewhere' },
    ]);
    expect(seen.reads).toEqual([{ streamId: `calendar#${agency}`, fromVersion: 2 }]);
  });
});

describe('the agency directory', () => {
  it('is seeded once from agency.json when two processes start on an empty system together', async () => {
    // Prepare
    const config = { ...necs.config, agency: { ...necs.config.agency, id: 'race-directory' } };
    const gate = barrier(2);
    const first = new DirectoryService(processOn(store, gate).store, config, () => TEST_START);
    const second = new DirectoryService(processOn(store, gate).store, config, () => TEST_START);
    // Act
    const seeded = await Promise.all([first.seed(), second.seed()]);
    // Assess: one seeded it, the other found it seeded; every configured person is there exactly once
    expect(seeded.sort()).toEqual([false, true]);
    const read = await store.read('directory#race-directory');
    expect(read.events.length).toBe(config.divisions.length + config.users.length);
    expect((await second.current()).allUsers().length).toBe(config.users.length);
  });

  it('counts a change made by another process, reading only what is new', async () => {
    // Prepare
    const config = { ...necs.config, agency: { ...necs.config.agency, id: 'incremental-directory' } };
    const seen = processOn(store);
    const directory = new DirectoryService(seen.store, config, () => TEST_START, 8, 0);
    const before = (await directory.state()).state.version;
    await new DirectoryService(store, config, () => TEST_START).execute({
      type: 'AddDivision',
      data: { divisionId: 'archives', name: 'National Archives Liaison' },
      metadata: { now, actor: as('ict.head') },
    });
    seen.reads.length = 0;
    // Act
    const today = await directory.current();
    // Assess
    expect(today.division('archives')?.name).toBe('National Archives Liaison');
    expect(seen.reads).toEqual([{ streamId: 'directory#incremental-directory', fromVersion: before + 1 }]);
  });
});
