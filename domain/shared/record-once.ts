import type { Actor } from '../agency/actor.js';
import type { Command } from './command.js';
import type { Decider } from './decider.js';
import { DomainError } from './errors.js';

/** Whether the one fact of a record-once stream is recorded. */
export interface RecordOnceState {
  readonly recorded: boolean;
}

/**
 * A stream that records one fact once — a monthly report sent, a yearly review pack sent: the first
 * command records it, any later one (a second scheduler run, a retry after a crash) changes nothing.
 * Only the system records these facts.
 */
export const recordOnceDecider = <C extends Command, E>(
  eventOf: (command: C, actor: Extract<Actor, { kind: 'system' }>) => E,
): Decider<C, E, RecordOnceState> => ({
  decide: (command, state) => {
    const { actor } = command.metadata;
    if (actor.kind !== 'system') return new DomainError('FORBIDDEN', `${command.type} is recorded by the system`);
    return state.recorded ? [] : [eventOf(command, actor)];
  },
  evolve: () => ({ recorded: true }),
  initialState: () => ({ recorded: false }),
});
