/** The part of a mutation-testing-report-schema JSON report (Stryker's `json` reporter) the score needs. */
export interface MutationReport {
  readonly files: Readonly<Record<string, { readonly mutants: readonly { readonly status: string }[] }>>;
}

/** Statuses that count: a test found the mutant (killed, or it made the tests hang), or none did. */
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/**
 * Stryker's mutation score, in percent: detected ÷ (detected + undetected). Mutants that do not compile or
 * crash at run time, and those ignored (`// Stryker disable`), count on neither side, as in Stryker's own.
 */
export const mutationScore = (report: MutationReport): number => {
  let detected = 0;
  let undetected = 0;
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) {
      if (DETECTED.has(m.status)) detected++;
      else if (UNDETECTED.has(m.status)) undetected++;
    }
  }
  return detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
};
