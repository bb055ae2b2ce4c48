import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { computeBhutanHolidays, provisionalBhutanHolidays } from '../../../domain/calendar/bhutan-holidays.js';
import { generatedBhutanHolidays, FROM_YEAR, TO_YEAR } from '../../../scripts/time/bhutan-holidays.js';

describe("Bhutan's computed holidays, generated at build time for 2020–2080", () => {
  it('are the computation itself, year by year', () => {
    for (let year = FROM_YEAR - 2; year <= TO_YEAR + 2; year++)
      expect([year, provisionalBhutanHolidays(year)]).toEqual([year, computeBhutanHolidays(year)]);
  });

  it('are up to date: if not, run `npx tsx scripts/time/bhutan-holidays.ts` after changing the rules', () => {
    const file = new URL('../../../domain/calendar/bhutan-holidays.generated.ts', import.meta.url);
    expect(readFileSync(file, 'utf8')).toBe(generatedBhutanHolidays());
  });
});
