import type { RequestEvent } from '../../events/request-events.js';
import type { RequestCommand } from './commands.js';
import { createDecide, type RequestDeciderDeps } from './decide.js';
import type { DomainError } from './errors.js';
import { evolve, initialState, type RequestState } from './state.js';

/** The request aggregate as a decider: `decide`, `evolve`, `initialState`. */
export interface RequestDecider {
  readonly decide: (command: RequestCommand, state: RequestState) => readonly RequestEvent[] | DomainError;
  readonly evolve: (state: RequestState, event: RequestEvent) => RequestState;
  readonly initialState: () => RequestState;
}

export const createRequestDecider = (deps: RequestDeciderDeps): RequestDecider => ({
  decide: createDecide(deps),
  evolve,
  initialState,
});
