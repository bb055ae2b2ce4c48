import { describe, expect, it } from '@jest/globals';
import { formatIssues } from '../../../domain/agency/config.js';
import { HolidayFile } from '../../../domain/agency/holidays.js';

/**
 * A year's public holidays (`config/holidays/<cc>-<year>.json`): a start with a wrong file says, one line
 * per problem, which holiday is wrong and why (`holiday file bt-2027.json is invalid:` and these lines).
 */
const problemsOf = (file: unknown): string => {
  const parsed = HolidayFile.safeParse(file);
  return parsed.success ? 'accepted' : formatIssues(parsed.error);
};

const bt2027 = (holidays: { date: string; name: string; region?: string }[]) => ({
  country: 'bt',
  year: 2027,
  source: 'Ministry of Home Affairs, holiday list 2027',
  holidays,
});

describe('a holiday file', () => {
  it('accepts a year’s holidays, a region’s own among them', () => {
    expect(
      problemsOf(
        bt2027([
          { date: '2027-02-21', name: 'Birth Anniversary of His Majesty the King' },
          { date: '2027-09-28', name: 'Thimphu Tshechu', region: 'thimphu' },
        ]),
      ),
    ).toBe('accepted');
  });

  it('refuses a holiday dated in another year than the file’s, naming the holiday', () => {
    expect(
      problemsOf(
        bt2027([
          { date: '2027-02-21', name: 'Birth Anniversary of His Majesty the King' },
          { date: '2026-12-17', name: 'National Day' },
        ]),
      ),
    ).toBe('  - holidays.1.date: 2026-12-17 is not in 2027');
  });

  it('refuses a holiday in a region the country does not have, at that holiday’s region', () => {
    expect(problemsOf(bt2027([{ date: '2027-09-28', name: 'Thimphu Tshechu', region: 'Thimphu' }]))).toBe(
      '  - holidays.0.region: unknown region "Thimphu": region ids are lowercase, write "thimphu"',
    );
  });
});
