import { ICT_DIVISION } from '../../domain/views/website-view.js';
import { createWebsiteDecider } from '../../domain/website/decider.js';
import { foldWebsite, websiteUpdateExists } from '../../domain/website/state.js';
import type { WebsiteEvent } from '../../events/website-events.js';
import { defineWorkflow } from '../workflow.js';
import { websiteSlaWorkflow } from './sla-workflow.js';
import { WEBSITE_KIND, WebsiteCommands } from './website-commands.js';

/** Website updates: `website#WEB-<year>-<n>`, the division's clock then ICT's. */
export const websiteWorkflow = defineWorkflow({
  kind: WEBSITE_KIND,
  consolePath: 'website-updates',
  commands: (context) =>
    new WebsiteCommands({
      store: context.store,
      // Decided on the calendar and directory as they stand at the command's time.
      decider: async () => {
        const [calendar, directory] = await Promise.all([context.currentCalendar(), context.currentDirectory()]);
        return createWebsiteDecider({ calendar, directory, ictDivision: ICT_DIVISION });
      },
      config: context.agency.config,
    }),
  project: async (events, version, readModels, force) => {
    const state = foldWebsite(events.map((e) => e.event as WebsiteEvent));
    return websiteUpdateExists(state) ? readModels.website(state, version, force) : 'skipped';
  },
  sla: (commands, context) => websiteSlaWorkflow(commands, context.readModels),
});
