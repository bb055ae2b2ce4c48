import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { provisionalBhutanHolidays } from '../../../domain/calendar/bhutan-holidays.js';
import { computeBhutanHolidays } from '../../../domain/calendar/bhutan-holidays-computed.js';
import { generatedBhutanHolidays, FROM_YEAR, TO_YEAR } from '../../../scripts/time/bhutan-holidays.js';

describe("Bhutan's computed holidays, generated at build time for 2000–2150", () => {
  it('are the computation itself, year by year', () => {
    for (let year = FROM_YEAR; year <= TO_YEAR; year++)
      expect([year, provisionalBhutanHolidays(year)]).toEqual([year, computeBhutanHolidays(year)]);
  });

  it('give a year outside the table only the holidays on fixed dates (the official list is entered at run time)', () => {
    for (const year of [FROM_YEAR - 1, TO_YEAR + 1]) {
      const names = provisionalBhutanHolidays(year).map((h) => `${h.date} ${h.name}`);
      expect(names).toContain(`${year}-12-17 National Day`);
      expect(names).toContain(`${year}-02-21 Birth Anniversary of His Majesty the King`);
      expect(names.some((n) => n.endsWith('Losar') || n.endsWith('Dashain'))).toBe(false);
      expect(names).toHaveLength(8);
    }
  });

  it('are up to date: if not, run `npx tsx scripts/time/bhutan-holidays.ts` after changing the rules', () => {
    const file = new URL('../../../domain/calendar/bhutan-holidays.generated.ts', import.meta.url);
    expect(readFileSync(file, 'utf8')).toBe(generatedBhutanHolidays());
  });
});
