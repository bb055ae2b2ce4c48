import { describe, expect, it } from '@jest/globals';
import { computeDueDate } from '../../../domain/calendar/due-date.js';
import {
  decideCalendar,
  evolveCalendar,
  initialCalendarState,
  type CalendarCommand,
} from '../../../domain/calendar/calendar-decider.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { as, necs } from '../../support/agency.js';

const declare = (date: string, now: string, by = 'ict.head'): CalendarCommand => ({
  type: 'DeclareHoliday',
  data: { date, name: 'First snowfall' },
  metadata: { now, actor: as(by) },
});

describe('declaring holidays at run time', () => {
  const start = initialCalendarState(necs.calendar);

  it('lets an admin declare today a holiday, on the morning itself, and due dates move', () => {
    // Act
    const events = decideCalendar(declare('2026-11-25', '2026-11-25T07:30:00+06:00'), start);
    // Assess
    expect(events).toEqual([
      {
        type: 'HolidayDeclared',
        schemaVersion: 1,
        occurredAt: '2026-11-25T07:30:00+06:00',
        actor: { kind: 'user', userId: 'ict.head', role: 'admin' },
        data: { date: '2026-11-25', name: 'First snowfall' },
      },
    ]);
    const after = (events as never[]).reduce(evolveCalendar, start);
    expect(computeDueDate(after.calendar, '2026-11-20T10:00:00+06:00', 5).dueAt).toBe('2026-11-30T17:00:00+06:00');
  });

  it('refuses a day that has passed, and anyone but an admin', () => {
    expect((decideCalendar(declare('2026-11-24', '2026-11-25T07:30:00+06:00'), start) as DomainError).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      (decideCalendar(declare('2026-11-26', '2026-11-25T07:30:00+06:00', 'legal.chief'), start) as DomainError).code,
    ).toBe('FORBIDDEN');
  });

  it('changes nothing when the day is already a holiday', () => {
    expect(decideCalendar(declare('2026-12-17', '2026-11-25T07:30:00+06:00'), start)).toEqual([]);
  });

  it('withdraws a declared holiday, and refuses to withdraw a working day', () => {
    const declared = (decideCalendar(declare('2026-11-26', '2026-11-25T07:30:00+06:00'), start) as never[]).reduce(
      evolveCalendar,
      start,
    );
    const withdraw: CalendarCommand = {
      type: 'WithdrawHoliday',
      data: { date: '2026-11-26', reason: 'no snow after all' },
      metadata: { now: '2026-11-25T08:00:00+06:00', actor: as('ict.head') },
    };
    const events = decideCalendar(withdraw, declared);
    expect(events).toEqual([expect.objectContaining({ type: 'HolidayWithdrawn' })]);
    const after = (events as never[]).reduce(evolveCalendar, declared);
    expect(after.calendar.isWorkingDay('2026-11-26')).toBe(true);
    expect((decideCalendar(withdraw, after) as DomainError).code).toBe('INVALID_INPUT');
  });
});
