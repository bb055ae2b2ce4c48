import { describe, expect, it } from '@jest/globals';
import { mergeReports, mutantCounts, mutationScore } from '../../../scripts/mutate/score.js';

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

describe('M1 over folders measured one at a time', () => {
  it('counts every folder report once: a file keeps the latest report that has it', () => {
    const request = {
      files: { 'domain/request/decide.ts': { mutants: [{ status: 'Killed' }, { status: 'Survived' }] } },
    };
    const sla = { files: { 'domain/sla/links.ts': { mutants: [{ status: 'Killed' }, { status: 'Killed' }] } } };
    expect(mutationScore(mergeReports([request, sla]))).toBe(75);
    const requestAgain = {
      files: { 'domain/request/decide.ts': { mutants: [{ status: 'Killed' }, { status: 'Killed' }] } },
    };
    expect(mutationScore(mergeReports([request, sla, requestAgain]))).toBe(100);
  });

  it('tells detected (and of them, by time-out), undetected and the rest (ignored, errors) apart', () => {
    expect(
      mutantCounts(report('Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'CompileError')),
    ).toStrictEqual({
      detected: 2,
      timedOut: 1,
      undetected: 2,
      other: 2,
    });
  });
});
