import { describe, expect, it } from '@jest/globals';
import { computeDueDate } from '../../../domain/calendar/due-date.js';
import { createCalendarDecider, type CalendarCommand } from '../../../domain/calendar/calendar-decider.js';
import { foldWith } from '../../../domain/shared/decider.js';
import { as, necs } from '../../support/agency.js';
import { DeciderSpecification, playWith } from '../../support/decider-spec.js';

const decider = createCalendarDecider(necs.calendar);
const calendar = DeciderSpecification.for(decider);
const calendarAfter = foldWith(decider);

const declare = (date: string, now: string, by = 'ict.head'): CalendarCommand => ({
  type: 'DeclareHoliday',
  data: { date, name: 'First snowfall' },
  metadata: { now, actor: as(by) },
});

describe('declaring holidays at run time', () => {
  it('lets an admin declare today a holiday, on the morning itself, and due dates move', () => {
    // Act / Assess
    calendar
      .given([])
      .when(declare('2026-11-25', '2026-11-25T07:30:00+06:00'))
      .then([
        {
          type: 'HolidayDeclared',
          schemaVersion: 1,
          occurredAt: '2026-11-25T07:30:00+06:00',
          actor: { kind: 'user', userId: 'ict.head', role: 'admin' },
          data: { date: '2026-11-25', name: 'First snowfall' },
        },
      ]);
    const after = calendarAfter(playWith(decider, [declare('2026-11-25', '2026-11-25T07:30:00+06:00')]));
    expect(computeDueDate(after.calendar, '2026-11-20T10:00:00+06:00', 5).dueAt).toBe('2026-11-30T17:00:00+06:00');
  });

  it('refuses a day that has passed, and anyone but an admin', () => {
    calendar.given([]).when(declare('2026-11-24', '2026-11-25T07:30:00+06:00')).thenThrows('INVALID_INPUT');
    calendar
      .given([])
      .when(declare('2026-11-26', '2026-11-25T07:30:00+06:00', 'legal.chief'))
      .thenThrows('FORBIDDEN');
  });

  it('changes nothing when the day is already a holiday', () => {
    calendar.given([]).when(declare('2026-12-17', '2026-11-25T07:30:00+06:00')).thenNothingHappens();
  });

  it('withdraws a declared holiday, and refuses to withdraw a working day', () => {
    const declared = playWith(decider, [declare('2026-11-26', '2026-11-25T07:30:00+06:00')]);
    const withdraw: CalendarCommand = {
      type: 'WithdrawHoliday',
      data: { date: '2026-11-26', reason: 'no snow after all' },
      metadata: { now: '2026-11-25T08:00:00+06:00', actor: as('ict.head') },
    };
    const { result } = calendar.given(declared).when(withdraw);
    expect(result).toEqual([expect.objectContaining({ type: 'HolidayWithdrawn' })]);
    const withdrawn = playWith(decider, [withdraw], declared);
    expect(calendarAfter(withdrawn).calendar.isWorkingDay('2026-11-26')).toBe(true);
    calendar.given(withdrawn).when(withdraw).thenThrows('INVALID_INPUT');
  });
});
