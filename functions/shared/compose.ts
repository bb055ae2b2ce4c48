import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { writeReadItems } from '../../adapters/dynamodb/read-model-store.js';
import type { ProjectorDeps } from '../../application/projector.js';
import { RequestCommands } from '../../application/request-commands.js';
import type { LoadedAgency } from '../../config/load.js';
import { createRequestDecider } from '../../domain/request/decider.js';

/** The core every entry point shares: the store, the decider, the command path, the projector's deps. */
export const composeCore = (options: { doc: DynamoDBDocumentClient; eventsTable: string; readModelTable: string; agency: LoadedAgency; now: () => Date }) => {
  const store = new DynamoEventStore(options.doc, options.eventsTable, options.now);
  const decider = createRequestDecider({ calendar: options.agency.calendar, directory: options.agency.directory });
  const commands = new RequestCommands({ store, decider, config: options.agency.config });
  const projector: ProjectorDeps = {
    store,
    writeItems: (items, version, force) => writeReadItems(options.doc, options.readModelTable, items, version, force),
    timeZone: options.agency.config.calendar.timeZone,
  };
  return { store, decider, commands, projector };
};
