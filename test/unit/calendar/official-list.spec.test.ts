import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_ROOT } from '../../../config/load.js';
import { HolidayFile } from '../../../domain/agency/holidays.js';
import { createCalendarDecider, type CalendarCommand } from '../../../domain/calendar/calendar-decider.js';
import { foldWith } from '../../../domain/shared/decider.js';
import { as, necs } from '../../support/agency.js';
import { DeciderSpecification, playWith } from '../../support/decider-spec.js';

// An admin records a year's official holiday list (a retry or a second admin recording the same list changes
// nothing), declares and withdraws holidays; each refusal tells the admin what to fix.

const decider = createCalendarDecider(necs.calendar);
const calendar = DeciderSpecification.for(decider);
const NOW = '2026-11-25T07:30:00+06:00';
const list2026 = HolidayFile.parse(JSON.parse(readFileSync(join(CONFIG_ROOT, 'holidays', 'bt-2026.json'), 'utf8')));

const record = (holidays: readonly { date: string; name: string; region?: string }[]): CalendarCommand => ({
  type: 'RecordOfficialHolidays',
  data: { year: 2026, source: 'Ministry of Home Affairs circular', holidays },
  metadata: { now: NOW, actor: as('ict.head') },
});
const declare = (date: string, region?: string): CalendarCommand => ({
  type: 'DeclareHoliday',
  data: { date, name: 'First snowfall', ...(region ? { region } : {}) },
  metadata: { now: NOW, actor: as('ict.head') },
});

describe('recording a year’s official holiday list', () => {
  it('changes nothing when the calendar already holds that list, in whatever order it is given', () => {
    calendar
      .given([])
      .when(record([...list2026.holidays].reverse()))
      .thenNothingHappens();
  });

  it('changes nothing for the same list after a holiday was declared in that year', () => {
    calendar
      .given(playWith(decider, [declare('2026-12-01')]))
      .when(record(list2026.holidays))
      .thenNothingHappens();
  });

  it('records a list that differs only in where a holiday is kept (a tshechu made national)', () => {
    const national = list2026.holidays.map(({ date, name }) => ({ date, name }));
    const { result } = calendar.given([]).when(record(national));
    expect(result).toEqual([expect.objectContaining({ type: 'OfficialHolidaysRecorded' })]);
  });

  it('records a list that differs only in a holiday’s name', () => {
    const renamed = list2026.holidays.map((h, i) => (i === 0 ? { ...h, name: `${h.name} (observed)` } : h));
    const { result } = calendar.given([]).when(record(renamed));
    expect(result).toEqual([expect.objectContaining({ type: 'OfficialHolidaysRecorded' })]);
  });
});

describe('what an admin is told when the calendar cannot change', () => {
  it('a day that has passed: from which day it can change', () => {
    calendar
      .given([])
      .when(declare('2026-11-24'))
      .thenThrows('INVALID_INPUT', /^2026-11-24 has passed; the calendar can change from today \(2026-11-25\) on$/);
  });

  it('a day outside the years the calendar covers, with the date', () => {
    calendar
      .given([])
      .when(declare('2101-01-04'))
      .thenThrows('INVALID_INPUT', /^2101-01-04 is outside the years the agency calendar covers \(1970–2100\)$/, {
        date: '2101-01-04',
      });
  });

  it('a region written the wrong way: how to write it', () => {
    calendar
      .given([])
      .when(declare('2026-12-01', 'Thimphu'))
      .thenThrows('INVALID_INPUT', /^unknown region "Thimphu": region ids are lowercase, write "thimphu"$/);
  });

  it('withdrawing a working day: that it is not a holiday', () => {
    calendar
      .given([])
      .when({
        type: 'WithdrawHoliday',
        data: { date: '2026-12-01', reason: 'typo' },
        metadata: { now: NOW, actor: as('ict.head') },
      })
      .thenThrows('INVALID_INPUT', /^2026-12-01 is not a holiday$/);
  });
});

describe('the calendar’s history', () => {
  it('keeps every change recorded, in order, for the calendar page’s history', () => {
    const recorded = playWith(decider, [declare('2026-12-01'), declare('2026-12-02')]);
    expect(foldWith(decider)(recorded).events.map((e) => [e.type, e.data])).toEqual([
      ['HolidayDeclared', { date: '2026-12-01', name: 'First snowfall' }],
      ['HolidayDeclared', { date: '2026-12-02', name: 'First snowfall' }],
    ]);
    expect(foldWith(decider)([]).events).toEqual([]);
  });
});
