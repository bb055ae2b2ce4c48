import { expect } from '@jest/globals';
import { foldWith, type Decider } from '../../domain/shared/decider.js';
import { DomainError, type DomainErrorCode } from '../../domain/shared/errors.js';

/** What a decider answered to the command under test, and the assertions on it. */
export interface DeciderThen<Event> {
  /** The raw answer: the events decided, or the refusal. */
  readonly result: readonly Event[] | DomainError;
  /** Then exactly these events. */
  then(expected: readonly unknown[]): void;
  /** Then nothing is recorded (the command changed nothing: a repeat, or already so). */
  thenNothingHappens(): void;
  /**
   * Then the command is refused with this code (and a message matching `message`, and exactly these
   * `details` — what the API's error JSON tells the caller besides the message — when given).
   */
  thenThrows(code: DomainErrorCode, message?: RegExp, details?: Readonly<Record<string, unknown>>): void;
}

/**
 * Given/when/then for any workflow's decider (after Emmett's `DeciderSpecification`):
 * `DeciderSpecification.for(decider).given(events).when(command).then(events)` or `.thenThrows(code)`.
 * The one harness of every decider spec; keep the specs themselves in business words.
 */
export const DeciderSpecification = {
  for: <Command, Event, State>(decider: Decider<Command, Event, State>) => ({
    given: (history: readonly Event[]) => ({
      when: (command: Command): DeciderThen<Event> => {
        const result = decider.decide(command, foldWith(decider)(history));
        return {
          result,
          then: (expected) => {
            if (result instanceof DomainError)
              throw new Error(`expected events, got ${result.code}: ${result.message}`);
            expect(result).toEqual(expected);
          },
          thenNothingHappens: () => expect(result).toEqual([]),
          thenThrows: (code, message, details) => {
            expect(result).toBeInstanceOf(DomainError);
            expect((result as DomainError).code).toBe(code);
            if (message) expect((result as DomainError).message).toMatch(message);
            if (details) expect((result as DomainError).details).toStrictEqual(details);
          },
        };
      },
    }),
  }),
};

/**
 * Plays commands one after another onto `history` and returns every event (history included); a
 * refusal fails the test, since it is the setup of a spec, not its subject.
 */
export const playWith = <Command extends { readonly type: string }, Event, State>(
  decider: Decider<Command, Event, State>,
  commands: readonly Command[],
  history: readonly Event[] = [],
): Event[] => {
  const events = [...history];
  let state = foldWith(decider)(history);
  for (const c of commands) {
    const result = decider.decide(c, state);
    if (result instanceof DomainError) throw new Error(`${c.type} refused in setup: ${result.code} ${result.message}`);
    events.push(...result);
    state = result.reduce(decider.evolve, state);
  }
  return events;
};
