import type { WebsiteEvent } from '../../events/website-events.js';
import type { DomainError } from '../request/errors.js';
import type { WebsiteCommand } from './commands.js';
import { createWebsiteDecide, type WebsiteDeciderDeps } from './decide.js';
import { evolveWebsite, initialWebsiteState, type WebsiteState } from './state.js';

/** The website-update aggregate as a decider, beside the request decider: `decide`, `evolve`, `initialState`. */
export interface WebsiteDecider {
  readonly decide: (command: WebsiteCommand, state: WebsiteState) => readonly WebsiteEvent[] | DomainError;
  readonly evolve: (state: WebsiteState, event: WebsiteEvent) => WebsiteState;
  readonly initialState: () => WebsiteState;
}

export const createWebsiteDecider = (deps: WebsiteDeciderDeps): WebsiteDecider => ({
  decide: createWebsiteDecide(deps),
  evolve: evolveWebsite,
  initialState: initialWebsiteState,
});
