import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { writeReadItems } from '../../adapters/dynamodb/read-model-store.js';
import type { ProjectorDeps } from '../../application/projector.js';
import { RequestCommands } from '../../application/request-commands.js';
import type { LoadedAgency } from '../../config/load.js';
import { AgencyCalendar } from '../../application/agency-calendar.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { createRequestDecider, type RequestDecider } from '../../domain/request/decider.js';
import { WebsiteCommands } from '../../application/website/website-commands.js';
import { ICT_DIVISION } from '../../domain/views/website-items.js';
import { createWebsiteDecider, type WebsiteDecider } from '../../domain/website/decider.js';

/** The core every entry point shares: the store, the decider, the command path, the projector's deps. */
export const composeCore = (options: { doc: DynamoDBDocumentClient; eventsTable: string; readModelTable: string; agency: LoadedAgency; now: () => Date }) => {
  const store = new DynamoEventStore(options.doc, options.eventsTable, options.now);
  const decider = createRequestDecider({ calendar: options.agency.calendar, directory: options.agency.directory });
  const agencyCalendar = new AgencyCalendar(store, options.agency.calendar, `calendar#${options.agency.config.agency.id}`);
  let current: { calendar: WorkingCalendar; decider: RequestDecider } = { calendar: options.agency.calendar, decider };
  const currentDecider = async (): Promise<RequestDecider> => {
    const calendar = await agencyCalendar.current();
    if (calendar !== current.calendar) current = { calendar, decider: createRequestDecider({ calendar, directory: options.agency.directory }) };
    return current.decider;
  };
  const commands = new RequestCommands({ store, decider, currentDecider, config: options.agency.config });
  let website: { calendar?: WorkingCalendar; decider?: WebsiteDecider } = {};
  const websiteDecider = async (): Promise<WebsiteDecider> => {
    const calendar = await agencyCalendar.current();
    if (calendar !== website.calendar || !website.decider) website = { calendar, decider: createWebsiteDecider({ calendar, directory: options.agency.directory, ictDivision: ICT_DIVISION }) };
    return website.decider as WebsiteDecider;
  };
  const websiteCommands = new WebsiteCommands({ store, decider: websiteDecider, config: options.agency.config });
  const projector: ProjectorDeps = {
    store,
    writeItems: (items, version, force) => writeReadItems(options.doc, options.readModelTable, items, version, force),
    timeZone: options.agency.config.calendar.timeZone,
  };
  return { store, decider, commands, projector, agencyCalendar, calendar: agencyCalendar.current, websiteCommands };
};
