import type { WebsiteEvent } from '../../events/website-events.js';
import type { Decider } from '../shared/decider.js';
import type { WebsiteCommand } from './commands.js';
import { createWebsiteDecide, type WebsiteDeciderDeps } from './decide.js';
import { evolveWebsite, initialWebsiteState, type WebsiteState } from './state.js';

/** The website-update aggregate as a decider, beside the request decider: `decide`, `evolve`, `initialState`. */
export type WebsiteDecider = Decider<WebsiteCommand, WebsiteEvent, WebsiteState>;

export const createWebsiteDecider = (deps: WebsiteDeciderDeps): WebsiteDecider => ({
  decide: createWebsiteDecide(deps),
  evolve: evolveWebsite,
  initialState: initialWebsiteState,
});
