import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoEventStore } from '../../adapters/dynamodb/event-store.js';
import { AgencyCalendar } from '../../application/calendar/agency-calendar.js';
import type { LoadedAgency } from '../../config/load.js';

/**
 * The event store and the agency calendar (with the holidays declared at run time): what a public read
 * of the calendar needs, without the commands' code. composeCore (compose.ts) builds on these same
 * instances, so the calendar's cache is one.
 */
export const composeStore = (options: {
  doc: DynamoDBDocumentClient;
  eventsTable: string;
  agency: LoadedAgency;
  now: () => Date;
}) => {
  const store = new DynamoEventStore(options.doc, options.eventsTable, options.now);
  const agencyCalendar = new AgencyCalendar(store, options.agency.calendar, options.agency.config.agency.id);
  return { store, agencyCalendar };
};
