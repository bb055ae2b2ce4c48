import { describe, expect, it, jest } from '@jest/globals';

// Dashain's astronomy (astronomia) is the costly part of a year's computation: a cold start must not run it.
const dashainDate = jest.fn((year: number): string => {
  throw new Error(`Dashain ${year} computed at run time`);
});
jest.unstable_mockModule('../../../domain/calendar/dashain.js', () => ({ dashainDate }));
const { provisionalBhutanHolidays } = await import('../../../domain/calendar/bhutan-holidays.js');

describe("the agency calendar's first use of a year's computed holidays", () => {
  it('reads 2026 from the generated dates, computing no astronomy', () => {
    const holidays = provisionalBhutanHolidays(2026);
    expect(holidays.find((h) => h.name === 'Dashain')?.date).toMatch(/^2026-(09|10)-\d\d$/);
    expect(holidays.find((h) => h.name === 'Losar')?.date).toMatch(/^2026-0[1-3]-\d\d$/);
    expect(dashainDate).not.toHaveBeenCalled();
  });
});
