import { describe, expect, it } from '@jest/globals';
import { HolidayFile } from '../../../domain/agency/holidays.js';
import { BHUTAN_DZONGKHAGS, regionProblem } from '../../../domain/calendar/regions.js';
import { decideCalendar, initialCalendarState } from '../../../domain/calendar/calendar-decider.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { as, necs } from '../../support/agency.js';

describe('regions of regional holidays', () => {
  it('are Bhutan’s 20 dzongkhags, by lowercase id', () => {
    expect(BHUTAN_DZONGKHAGS).toHaveLength(20);
    expect(new Set(BHUTAN_DZONGKHAGS).size).toBe(20);
    expect(BHUTAN_DZONGKHAGS.every((r) => /^[a-z]+(-[a-z]+)*$/.test(r))).toBe(true);
    expect(regionProblem('bt', 'wangdue-phodrang')).toBeUndefined();
    expect(regionProblem('BT', undefined)).toBeUndefined();
  });

  it.each([
    ['Thimphu', 'unknown region "Thimphu": region ids are lowercase, write "thimphu"'],
    ['Samdrup Jongkhar', 'unknown region "Samdrup Jongkhar": region ids are lowercase, write "samdrup-jongkhar"'],
    ['wangduephodrang', 'unknown region "wangduephodrang": region ids are lowercase, write "wangdue-phodrang"'],
  ])('name the id that was meant: %s', (region, message) => {
    expect(regionProblem('bt', region)).toBe(message);
  });

  it('are checked in a holiday file, saying which holiday', () => {
    // Act
    const parsed = HolidayFile.safeParse({
      country: 'BT',
      year: 2026,
      source: 'test',
      holidays: [{ date: '2026-09-21', name: 'Thimphu Tshechu', region: 'Thimphu' }],
    });
    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({
        path: ['holidays', 0, 'region'],
        message: 'unknown region "Thimphu": region ids are lowercase, write "thimphu"',
      }),
    ]);
  });

  it('are checked when a holiday is declared at run time', () => {
    const declared = decideCalendar(
      {
        type: 'DeclareHoliday',
        data: { date: '2026-12-01', name: 'Paro snowfall', region: 'Paro' },
        metadata: { now: '2026-12-01T07:00:00+06:00', actor: as('ict.head') },
      },
      initialCalendarState(necs.calendar),
    );
    expect(declared).toBeInstanceOf(DomainError);
    expect((declared as DomainError).message).toMatch(/write "paro"/);
  });

  it('are not checked for a country without a list', () => {
    expect(regionProblem('np', 'Kathmandu')).toBeUndefined();
  });
});
