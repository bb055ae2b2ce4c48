import { foldSocialAccount, socialAccountExists } from '../../domain/social/account-state.js';
import { createSocialAccountDecider } from '../../domain/social/decider.js';
import { foldWith } from '../../domain/shared/decider.js';
import { socialIncidentDecider, socialIncidentExists } from '../../domain/social/incident.js';
import type { SocialAccountEvent, SocialIncidentEvent } from '../../events/social-events.js';
import { defineWorkflow, type WorkflowContext } from '../workflow.js';
import { SOCIAL_ACCOUNT_KIND, SOCIAL_INCIDENT_KIND, SocialCommands } from './social-commands.js';

const socialCommands = (context: WorkflowContext) =>
  new SocialCommands({
    store: context.store,
    // Decided on the calendar and directory as they stand at the command's time.
    decider: async () => {
      const [calendar, directory] = await Promise.all([context.currentCalendar(), context.currentDirectory()]);
      return createSocialAccountDecider({ calendar, directory });
    },
    config: context.agency.config,
  });

/** Official social media accounts (clause 9): `social-account#SMA-<year>-<n>`, life cycle and record trail. */
export const socialAccountWorkflow = defineWorkflow({
  kind: SOCIAL_ACCOUNT_KIND,
  consolePath: 'social/accounts',
  commands: socialCommands,
  project: async (events, version, readModels, force) => {
    const state = foldSocialAccount(events.map((e) => e.event as SocialAccountEvent));
    return socialAccountExists(state) ? readModels.socialAccount(state, version, force) : 'skipped';
  },
});

/** Incidents on the accounts: `social-incident#INC-<year>-<n>`. */
export const socialIncidentWorkflow = defineWorkflow({
  kind: SOCIAL_INCIDENT_KIND,
  consolePath: 'social/incidents',
  commands: socialCommands,
  project: async (events, version, readModels, force) => {
    const state = foldWith(socialIncidentDecider)(events.map((e) => e.event as SocialIncidentEvent));
    return socialIncidentExists(state) ? readModels.socialIncident(state, version, force) : 'skipped';
  },
});
