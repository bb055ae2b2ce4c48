import type { RequestEvent } from '../../events/request-events.js';
import type { Decider } from '../shared/decider.js';
import type { RequestCommand } from './commands.js';
import { createDecide, type RequestDeciderDeps } from './decide.js';
import { evolve, initialState, type RequestState } from './state.js';

/** The request aggregate as a decider: `decide`, `evolve`, `initialState`. */
export type RequestDecider = Decider<RequestCommand, RequestEvent, RequestState>;

export const createRequestDecider = (deps: RequestDeciderDeps): RequestDecider => ({
  decide: createDecide(deps),
  evolve,
  initialState,
});
