import type { DomainError } from './errors.js';

/**
 * A workflow's aggregate as a decider (after Emmett's `Decider`): pure functions only, no I/O.
 * - `decide` answers a command, given the state folded so far, with the events it causes — or with
 *   the rule it breaks (a DomainError, returned, never thrown).
 * - `evolve` applies one event to a state; `initialState` is the state of a stream with no events.
 *
 * The one command handler (`application/command-handler.ts`) runs every decider the same way:
 * load → fold → decide → append.
 */
export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State) => readonly Event[] | DomainError;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

/** Folds events onto a state (from the decider's initial state unless one is given). */
export const foldWith =
  <Event, State>(decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>) =>
  (events: readonly Event[], from: State = decider.initialState()): State =>
    events.reduce(decider.evolve, from);
