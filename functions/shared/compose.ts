import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoReadModels } from '../../adapters/dynamodb/read-models.js';
import { dynamoReadModelWriter } from '../../adapters/dynamodb/read-model-store.js';
import type { ProjectorDeps } from '../../application/projector.js';
import type { LoadedAgency } from '../../config/load.js';
import { DirectoryService } from '../../application/directory/service.js';
import type { WorkflowContext } from '../../application/workflow.js';
import { buildRegisteredWorkflows } from '../../application/workflows.js';
import { createRequestDecider } from '../../domain/request/decider.js';
import { composeStore } from './compose-store.js';

/** The core every entry point shares: the store, the workflows of the registry and their command paths, the projector's deps. */
export const composeCore = (options: {
  doc: DynamoDBDocumentClient;
  eventsTable: string;
  readModelTable: string;
  agency: LoadedAgency;
  now: () => Date;
  /** The store and calendar already built (composeStore), when the caller started with them. */
  stored?: ReturnType<typeof composeStore>;
}) => {
  const { store, agencyCalendar } = options.stored ?? composeStore(options);
  const decider = createRequestDecider({ calendar: options.agency.calendar, directory: options.agency.directory });
  // The people, divisions and roles: events in `directory#<agency>`, seeded from agency.json once.
  const directory = new DirectoryService(store, options.agency.config, options.now);
  // Every workflow of the registry, on the same store, read models, calendar and directory; each command
  // is decided on the calendar and the directory as they stand at its time.
  const workflowContext: WorkflowContext = {
    store,
    readModels: dynamoReadModels(options.doc, options.readModelTable),
    agency: options.agency,
    currentCalendar: agencyCalendar.current,
    currentDirectory: () => directory.current(),
  };
  const workflows = buildRegisteredWorkflows(workflowContext);
  const { request: commands, website: websiteCommands, 'social-account': socialCommands } = workflows.commands;
  const projector: ProjectorDeps = {
    store,
    readModels: dynamoReadModelWriter(options.doc, options.readModelTable, options.agency.config.calendar.timeZone),
  };
  return {
    store,
    decider,
    commands,
    projector,
    agencyCalendar,
    calendar: agencyCalendar.current,
    directory,
    websiteCommands,
    socialCommands,
    /** The registry's SLA adapters: what the scan, the notifier and calendar changes serve. */
    workflows: workflows.sla,
    /** What the workflows are built on (tests build them again around an injected fault). */
    workflowContext,
  };
};
