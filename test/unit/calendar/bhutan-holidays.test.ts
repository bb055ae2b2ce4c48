import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CalendarBhutanese, CalendarTibetan } from '@hnw/date-tibetan';
import { CONFIG_ROOT } from '../../../config/load.js';
import { HolidayFile } from '../../../domain/agency/holidays.js';
import { gregorianOf } from '../../../domain/calendar/bhutanese-calendar.js';
import { provisionalBhutanHolidays } from '../../../domain/calendar/bhutan-holidays.js';
import { dashainDate } from '../../../domain/calendar/dashain.js';

const official = (year: number) =>
  HolidayFile.parse(JSON.parse(readFileSync(join(CONFIG_ROOT, 'holidays', `bt-${year}.json`), 'utf8')));
const key = (h: { date: string; name: string; region?: string }) =>
  `${h.date} ${h.name}${h.region ? ` @${h.region}` : ''}`;

describe('Bhutan’s holidays computed from the Bhutanese calendar', () => {
  it.each([2025, 2026])('agree with every date of the government’s %i list, regional ones included', (year) => {
    // Prepare
    const list = official(year).holidays.map(key).sort();
    // Act
    const computed = provisionalBhutanHolidays(year).map(key).sort();
    // Assess
    expect(computed).toEqual(list);
  });

  it('give 2027’s holidays, 8 January (Traditional Day of Offering) among them', () => {
    expect(provisionalBhutanHolidays(2027).map(key)).toEqual([
      '2027-01-02 Winter Solstice (Nyilo)',
      '2027-01-08 Traditional Day of Offering',
      '2027-02-07 Losar',
      '2027-02-08 Losar',
      '2027-02-21 Birth Anniversary of His Majesty the King',
      '2027-02-22 Birth Anniversary of His Majesty the King',
      '2027-02-23 Birth Anniversary of His Majesty the King',
      '2027-04-16 Zhabdrung Kuchoe',
      '2027-05-02 Birth Anniversary of the Third Druk Gyalpo',
      "2027-05-20 Lord Buddha's Parinirvana",
      '2027-06-14 Birth Anniversary of Guru Rinpoche',
      '2027-08-06 First Sermon of Lord Buddha',
      '2027-09-23 Blessed Rainy Day',
      '2027-10-06 Thimphu Drubchen @thimphu',
      '2027-10-09 Dashain',
      '2027-10-10 Thimphu Tshechu @thimphu',
      '2027-10-11 Thimphu Tshechu @thimphu',
      '2027-10-12 Thimphu Tshechu @thimphu',
      '2027-11-01 Coronation of His Majesty the King',
      '2027-11-11 Birth Anniversary of the Fourth Druk Gyalpo (Constitution Day)',
      '2027-11-20 Descending Day of Lord Buddha',
      '2027-12-17 National Day',
    ]);
  });

  it.each([
    // The Swiss cooperation office's copy of the 2015 list (eda.admin.ch)
    ['2015 Losar', { losarYear: 2015, month: 1, day: 1 }, '2015-02-19'],
    ['2015 Zhabdrung Kuchoe', { losarYear: 2015, month: 3, day: 10 }, '2015-04-28'],
    ['2015 Parinirvana', { losarYear: 2015, month: 4, day: 15 }, '2015-06-02'],
    [
      '2015 Guru Rinpoche, on a doubled lunar day: the first of the two',
      { losarYear: 2015, month: 5, day: 10 },
      '2015-06-26',
    ],
    ['2015 First Sermon', { losarYear: 2015, month: 6, day: 4 }, '2015-07-20'],
    ['2015 Descending Day', { losarYear: 2015, month: 9, day: 22 }, '2015-11-03'],
    // public-holidays.com's 2023 list
    ['2023 Guru Rinpoche', { losarYear: 2023, month: 5, day: 10 }, '2023-06-28'],
    ['2023 First Sermon', { losarYear: 2023, month: 6, day: 4 }, '2023-07-21'],
    ['2023 Thimphu Tshechu', { losarYear: 2023, month: 8, day: 10 }, '2023-09-24'],
    ['2023 Descending Day', { losarYear: 2023, month: 9, day: 22 }, '2023-11-04'],
  ])('match earlier government lists: %s', (_what, lunar, expected) => {
    expect(gregorianOf(lunar)).toBe(expected);
  });

  it('differ from the Tibetan calendar where Bhutan’s rules differ', () => {
    // A doubled day: Bhutan's calendar doubles the 5th month's 10th day of 2015 (26 and 27 June) and the
    // list kept the first; the library's plain date is the second, one day late. (The Tibetan calendar
    // doubles the 11th instead, so its 10th is the 26th.)
    expect(new CalendarBhutanese(17, 29, 5, false, 10, false).toGregorian()).toEqual({ year: 2015, month: 6, day: 27 });
    expect(gregorianOf({ losarYear: 2015, month: 5, day: 10 })).toBe('2015-06-26');
    // The leap month: 2027's Tibetan calendar doubles its 2nd month (before the regular one), Bhutan's its
    // 5th (after the regular one), so Zhabdrung Kuchoe (3rd month, 10th day) is a month apart.
    expect(gregorianOf({ losarYear: 2027, month: 3, day: 10 })).toBe('2027-04-16');
    expect(new CalendarTibetan(17, 41, 3, false, 10, false).toGregorian()).toEqual({ year: 2027, month: 5, day: 15 });
  });

  it.each([
    [2015, '2015-10-22'],
    [2021, '2021-10-15'],
    [2023, '2023-10-24'],
    [2025, '2025-10-02'],
    [2026, '2026-10-21'],
  ])('put Dashain (Vijaya Dashami, Hindu calendar) of %i where the government’s list does', (year, expected) => {
    expect(dashainDate(year)).toBe(expected);
  });

  it('give every year from 2000 to 2099 one Traditional Day of Offering, two Losar days, and dates only in that year', () => {
    for (let year = 2000; year < 2100; year++) {
      const list = provisionalBhutanHolidays(year);
      expect(list.filter((h) => h.name === 'Traditional Day of Offering')).toHaveLength(1);
      expect(list.filter((h) => h.name === 'Losar')).toHaveLength(2);
      expect(list.every((h) => h.date.startsWith(`${year}-`))).toBe(true);
    }
  });
});
