import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { writeReadItems } from '../../adapters/dynamodb/read-model-store.js';
import type { ProjectorDeps } from '../../application/projector.js';
import { RequestCommands } from '../../application/request-commands.js';
import type { LoadedAgency } from '../../config/load.js';
import { DirectoryService } from '../../application/directory-service.js';
import { createRequestDecider, type RequestDecider } from '../../domain/request/decider.js';
import { WebsiteCommands } from '../../application/website/website-commands.js';
import { ICT_DIVISION } from '../../domain/views/website-items.js';
import { createWebsiteDecider, type WebsiteDecider } from '../../domain/website/decider.js';
import { SocialCommands } from '../../application/social/social-commands.js';
import { createSocialAccountDecider, type SocialAccountDecider } from '../../domain/social/decider.js';
import { composeStore } from './compose-store.js';

/** The core every entry point shares: the store, the decider, the command path, the projector's deps. */
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
  // Every command is decided on the calendar and the directory as they stand at its time.
  const currentDecider = async (): Promise<RequestDecider> => {
    const [calendar, people] = await Promise.all([agencyCalendar.current(), directory.current()]);
    return createRequestDecider({ calendar, directory: people });
  };
  const commands = new RequestCommands({ store, decider, currentDecider, config: options.agency.config });
  // The website-update workflow, beside the request workflow: same store, calendar and directory.
  const websiteDecider = async (): Promise<WebsiteDecider> => {
    const [calendar, people] = await Promise.all([agencyCalendar.current(), directory.current()]);
    return createWebsiteDecider({ calendar, directory: people, ictDivision: ICT_DIVISION });
  };
  const websiteCommands = new WebsiteCommands({ store, decider: websiteDecider, config: options.agency.config });
  // The social media workflows (the plan's clause 9): the same store, calendar and directory.
  const socialDecider = async (): Promise<SocialAccountDecider> => {
    const [calendar, people] = await Promise.all([agencyCalendar.current(), directory.current()]);
    return createSocialAccountDecider({ calendar, directory: people });
  };
  const socialCommands = new SocialCommands({ store, decider: socialDecider, config: options.agency.config });
  const projector: ProjectorDeps = {
    store,
    writeItems: (items, version, force) => writeReadItems(options.doc, options.readModelTable, items, version, force),
    timeZone: options.agency.config.calendar.timeZone,
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
  };
};
