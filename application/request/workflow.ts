import { createRequestDecider } from '../../domain/request/decider.js';
import { exists, fold } from '../../domain/request/state.js';
import type { RequestEvent } from '../../events/request-events.js';
import { mailJobFor } from '../mail-jobs.js';
import { REQUEST_KIND, RequestCommands } from './commands.js';
import { defineWorkflow } from '../workflow.js';
import { requestSlaWorkflow } from './sla-workflow.js';

/** Information requests: `request#<REF>`, five working days to respond. */
export const requestWorkflow = defineWorkflow({
  kind: REQUEST_KIND,
  consolePath: 'requests',
  commands: (context) =>
    new RequestCommands({
      store: context.store,
      decider: createRequestDecider({ calendar: context.agency.calendar, directory: context.agency.directory }),
      // Every command is decided on the calendar and the directory as they stand at its time.
      currentDecider: async () => {
        const [calendar, directory] = await Promise.all([context.currentCalendar(), context.currentDirectory()]);
        return createRequestDecider({ calendar, directory });
      },
      config: context.agency.config,
    }),
  project: async (events, version, readModels, force) => {
    const state = fold(events.map((e) => e.event as RequestEvent));
    return exists(state) ? readModels.request(state, version, force) : 'skipped';
  },
  sla: (commands) => requestSlaWorkflow(commands),
  // Acknowledgments, clarifications, responses, consultation notices, due-date notices.
  mailJobs: (requestId, version, event) => mailJobFor(requestId, version, event as RequestEvent),
});
