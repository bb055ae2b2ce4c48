import type { CalendarEvent } from '../../events/calendar-events.js';
import type { Command } from '../shared/command.js';
import type { Decider } from '../shared/decider.js';
import { DomainError } from '../shared/errors.js';
import { outsideCalendarYears } from './calendar-years.js';
import { authorizeCalendarChange } from './policy.js';
import { regionProblem } from './regions.js';
import type { WorkingCalendar } from './working-calendar.js';

/** One holiday of an official list. */
export interface OfficialHoliday {
  readonly date: string;
  readonly name: string;
  readonly region?: string;
}

export type DeclareHoliday = Command<'DeclareHoliday', { date: string; name: string; region?: string }>;
export type WithdrawHoliday = Command<'WithdrawHoliday', { date: string; reason: string }>;
export type RecordOfficialHolidays = Command<
  'RecordOfficialHolidays',
  { year: number; source: string; holidays: readonly OfficialHoliday[] }
>;

/** What an admin asks of the agency calendar. */
export type CalendarCommand = DeclareHoliday | WithdrawHoliday | RecordOfficialHolidays;

const sameList = (a: readonly OfficialHoliday[], b: readonly OfficialHoliday[]): boolean => {
  const key = (l: readonly OfficialHoliday[]) => JSON.stringify(l.map((h) => [h.date, h.name, h.region ?? '']).sort());
  return key(a) === key(b);
};

/**
 * Records a year's official holiday list. Its dates must lie in that year and name known regions;
 * recording the list the calendar already holds changes nothing, so a retry is harmless.
 */
const decideOfficialList = (
  command: RecordOfficialHolidays,
  state: CalendarState,
  recorded: { kind: 'user'; userId: string; role: 'admin' },
): readonly CalendarEvent[] | DomainError => {
  const { year, source, holidays } = command.data;
  const country = state.calendar.settings.holidayCountry ?? '';
  const problems = holidays.flatMap((h, i) => [
    ...(h.date.startsWith(`${year}-`) ? [] : [`holidays[${i}]: ${h.date} is not in ${year}`]),
    ...[regionProblem(country, h.region)]
      .filter((p): p is string => p !== undefined)
      .map((p) => `holidays[${i}]: ${p}`),
  ]);
  if (problems.length > 0) return new DomainError('INVALID_INPUT', problems.join('; '));
  const current = state.calendar.isProvisionalYear(year)
    ? undefined
    : state.calendar.holidaysOf(year).filter((h) => h.status === 'official');
  if (
    current &&
    sameList(
      current.map(({ date, name, region }) => ({ date, name, ...(region ? { region } : {}) })),
      holidays,
    )
  )
    return [];
  const data = {
    year,
    source,
    holidays: holidays.map((h) => ({ date: h.date, name: h.name, ...(h.region ? { region: h.region } : {}) })),
  };
  return [
    { type: 'OfficialHolidaysRecorded', schemaVersion: 1, occurredAt: command.metadata.now, actor: recorded, data },
  ];
};

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
 * counted it. Declaring a holiday that is already one changes nothing. Records a year's official list
 * (which may correct a past year: only open requests' due dates move).
 */
export const decideCalendar = (
  command: CalendarCommand,
  state: CalendarState,
): readonly CalendarEvent[] | DomainError => {
  const { actor, now } = command.metadata;
  const recorded = authorizeCalendarChange(actor);
  if (recorded instanceof DomainError) return recorded;
  const cal = state.calendar;
  if (command.type === 'RecordOfficialHolidays') return decideOfficialList(command, state, recorded);
  const outside = outsideCalendarYears(Number(command.data.date.slice(0, 4)), command.data.date);
  if (outside) return new DomainError('INVALID_INPUT', outside, { date: command.data.date });
  const today = cal.localDate(cal.parseInstant(now));
  if (command.data.date < today) {
    return new DomainError(
      'INVALID_INPUT',
      `${command.data.date} has passed; the calendar can change from today (${today}) on`,
    );
  }
  if (command.type === 'DeclareHoliday') {
    const region = regionProblem(cal.settings.holidayCountry ?? '', command.data.region);
    if (region) return new DomainError('INVALID_INPUT', region);
    const existing = cal.holidayOn(command.data.date);
    if (existing) return [];
    return [{ type: 'HolidayDeclared', schemaVersion: 1, occurredAt: now, actor: recorded, data: command.data }];
  }
  if (!cal.holidayOn(command.data.date)) {
    return new DomainError('INVALID_INPUT', `${command.data.date} is not a holiday`);
  }
  return [{ type: 'HolidayWithdrawn', schemaVersion: 1, occurredAt: now, actor: recorded, data: command.data }];
};

/** The agency calendar (holidays declared, withdrawn, official lists) as a decider, run by the one command handler. */
export type CalendarDecider = Decider<CalendarCommand, CalendarEvent, CalendarState>;

/** The calendar's decider over the configured calendar `base` (what the events change). */
export const createCalendarDecider = (base: WorkingCalendar): CalendarDecider => ({
  decide: decideCalendar,
  evolve: evolveCalendar,
  initialState: () => initialCalendarState(base),
});
