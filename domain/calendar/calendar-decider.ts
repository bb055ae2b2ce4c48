import type { CalendarEvent } from '../../events/calendar-events.js';
import type { Actor } from '../agency/actor.js';
import { DomainError } from '../request/errors.js';
import type { WorkingCalendar } from './working-calendar.js';

export type CalendarCommand =
  | { readonly type: 'DeclareHoliday'; readonly data: { date: string; name: string; region?: string }; readonly metadata: { now: string; actor: Actor } }
  | { readonly type: 'WithdrawHoliday'; readonly data: { date: string; reason: string }; readonly metadata: { now: string; actor: Actor } };

/** The agency calendar as changed at run time: the events so far, and the calendar they make. */
export interface CalendarState {
  readonly events: readonly CalendarEvent[];
  readonly calendar: WorkingCalendar;
}

export const initialCalendarState = (base: WorkingCalendar): CalendarState => ({ events: [], calendar: base });

export const evolveCalendar = (state: CalendarState, event: CalendarEvent): CalendarState => ({
  events: [...state.events, event],
  calendar: state.calendar.withEvents([event]),
});

/**
 * Declares or withdraws a holiday. Admins only; a holiday may be declared for today (Bhutan declares
 * some on the morning itself) or later, never for a day that has passed, since due dates already
 * counted it. Declaring a holiday that is already one changes nothing.
 */
export const decideCalendar = (command: CalendarCommand, state: CalendarState): readonly CalendarEvent[] | DomainError => {
  const { actor, now } = command.metadata;
  if (actor.kind !== 'user' || !actor.roles.includes('admin')) {
    return new DomainError('FORBIDDEN', 'only an admin may change the agency calendar');
  }
  const cal = state.calendar;
  const today = cal.localDate(cal.parseInstant(now));
  if (command.data.date < today) {
    return new DomainError('INVALID_INPUT', `${command.data.date} has passed; the calendar can change from today (${today}) on`);
  }
  const recorded = { kind: 'user' as const, userId: actor.userId, role: 'admin' as const };
  if (command.type === 'DeclareHoliday') {
    const existing = cal.holidayOn(command.data.date);
    if (existing) return [];
    return [{ type: 'HolidayDeclared', schemaVersion: 1, occurredAt: now, actor: recorded, data: command.data }];
  }
  if (!cal.holidayOn(command.data.date)) {
    return new DomainError('INVALID_INPUT', `${command.data.date} is not a holiday`);
  }
  return [{ type: 'HolidayWithdrawn', schemaVersion: 1, occurredAt: now, actor: recorded, data: command.data }];
};
