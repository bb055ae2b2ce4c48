import { describe, expect, it } from '@jest/globals';
import { mutationScore } from '../../../scripts/mutate/score.js';

const report = (...statuses: string[]) => ({
  files: { 'domain/a.ts': { mutants: statuses.map((status) => ({ status })) } },
});

describe('M1, the mutation score npm run mutate prints', () => {
  it('is the share of mutants a test detected (killed, or timed out) among those that ran', () => {
    expect(mutationScore(report('Killed', 'Killed', 'Timeout', 'Survived'))).toBe(75);
    expect(mutationScore(report('Killed', 'NoCoverage'))).toBe(50);
  });

  it('leaves out mutants that never ran as code: compile and run-time errors, and those disabled as equivalent', () => {
    expect(mutationScore(report('Killed', 'CompileError', 'RuntimeError', 'Ignored'))).toBe(100);
  });

  it('sums over every file', () => {
    expect(
      mutationScore({
        files: {
          a: { mutants: [{ status: 'Killed' }] },
          b: { mutants: [{ status: 'Survived' }, { status: 'Survived' }, { status: 'Killed' }] },
        },
      }),
    ).toBe(50);
  });
});
