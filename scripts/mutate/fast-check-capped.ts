/**
 * fast-check as the tests see it under `npm run mutate` (jest.stryker.config.js maps `fast-check` here): the
 * same library, except that a property runs at most {@link MUTANT_RUNS} cases.
 *
 * Why: the property tests ask for 300 to 5,000 cases each (right for `npm test`, which runs them once), and
 * a mutant runs every test that covers it. Under Stryker they took minutes per mutant in domain/time and
 * domain/calendar; a changed rule almost always fails within the first few dozen cases, and the specs check
 * the edges by name. A mutant that only a rare case would reveal may survive here: the score errs low.
 */
import real from '../../node_modules/fast-check/lib/fast-check.js';

export const MUTANT_RUNS = 40;

type Assert = typeof real.assert;

const assert = ((property: Parameters<Assert>[0], params?: Parameters<Assert>[1]) =>
  real.assert(property, {
    ...params,
    numRuns: Math.min(params?.numRuns ?? MUTANT_RUNS, MUTANT_RUNS),
  })) as Assert;

export default { ...real, assert };
