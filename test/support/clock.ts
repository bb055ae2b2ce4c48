/**
 * The one place tests take their time from. Nothing a test checks may depend on the day the suite runs,
 * so every test stack starts its clock at an instant the test chose (`TEST_START` unless it says
 * otherwise) and moves it only on purpose. `npm run lint` refuses `Date.now()` and `new Date()` in tests
 * outside this file.
 */

/** Monday 23 November 2026, 11:00 in Thimphu: a working day, office open, no holiday that week or the next. */
export const TEST_START = new Date('2026-11-23T05:00:00.000Z');

/**
 * The machine's real clock, for the few things that are not the system's time: timeouts, unique names,
 * and libraries (a JWT verifier) that read the real clock themselves.
 */
export const realNow = (): Date => new Date();

/** Milliseconds on the machine's real clock (deadlines and unique suffixes, never business dates). */
export const realMs = (): number => Date.now();

/** A clock that reads `start` and moves only when told: for tests that build services without a stack. */
export const fixedClock = (start: Date = TEST_START) => {
  let at = start.getTime();
  return {
    now: (): Date => new Date(at),
    moveTo: (to: Date): void => {
      at = to.getTime();
    },
    advanceMs: (ms: number): void => {
      at += ms;
    },
  };
};

/**
 * A clock that starts at `start` and runs at real speed from the moment it is made: for services built
 * without a stack whose instants must keep increasing (anchors), never reading the day the suite runs.
 */
export const runningClock = (start: Date = TEST_START): (() => Date) => {
  const t0 = performance.now();
  return () => new Date(start.getTime() + Math.floor(performance.now() - t0));
};
