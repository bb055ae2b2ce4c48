import { DateTime } from 'luxon';
import type { CalendarEvent } from '../../events/calendar-events.js';
import type { CalendarSettings } from '../agency/config.js';
import type { Holiday } from '../agency/holidays.js';

/** Why a date is not a working day. */
export type NonWorkingReason = { kind: 'weekend'; weekday: string } | { kind: 'holiday'; name: string };

/** A span of days longer than any real calendar has without a working day: a config with no working days. */
export const MAX_SEARCH_DAYS = 3_660;

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_MS = 86_400_000;

/**
 * Calendar dates (no time, no zone) are counted on the proleptic Gregorian calendar: the zone matters
 * only when an instant becomes a date, which `localDate` does with Luxon.
 */
const dateToUtcMs = (date: string): number => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms)) throw new RangeError(`not a date: ${date}`);
  return ms;
};
const addCalendarDays = (date: string, days: number): string => new Date(dateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
const isoWeekday = (date: string): number => ((new Date(dateToUtcMs(date)).getUTCDay() + 6) % 7) + 1;

/**
 * The agency's working calendar: its time zone, working weekdays, office hours, public holidays
 * (regional ones only where the office is) and holidays declared at run time. Immutable.
 */
export class WorkingCalendar {
  readonly timeZone: string;
  private readonly workingWeekdays: ReadonlySet<number>;
  private readonly holidays: ReadonlyMap<string, Holiday>;

  constructor(
    readonly settings: Omit<CalendarSettings, 'holidayCountry'> & { holidayCountry?: string },
    holidays: readonly Holiday[],
  ) {
    this.timeZone = settings.timeZone;
    this.workingWeekdays = new Set(settings.workingWeekdays);
    const applicable = holidays.filter((h) => h.region === undefined || h.region === settings.region);
    const byDate = new Map<string, Holiday>();
    for (const h of applicable) {
      const existing = byDate.get(h.date);
      byDate.set(h.date, existing ? { ...existing, name: `${existing.name}; ${h.name}` } : h);
    }
    this.holidays = byDate;
  }

  /** A calendar with one more holiday (a holiday for another region changes nothing). */
  withHoliday(holiday: Holiday): WorkingCalendar {
    return new WorkingCalendar(this.settings, [...this.holidays.values(), holiday]);
  }

  /** A calendar without the holiday on that date. */
  withoutHoliday(date: string): WorkingCalendar {
    return new WorkingCalendar(
      this.settings,
      [...this.holidays.values()].filter((h) => h.date !== date),
    );
  }

  /** Folds the calendar stream (holidays declared or withdrawn at run time) onto this calendar. */
  withEvents(events: readonly CalendarEvent[]): WorkingCalendar {
    return events.reduce<WorkingCalendar>(
      (cal, e) => (e.type === 'HolidayDeclared' ? cal.withHoliday(e.data) : cal.withoutHoliday(e.data.date)),
      this,
    );
  }

  holidayOn(date: string): Holiday | undefined {
    return this.holidays.get(date);
  }

  /** Why `date` (YYYY-MM-DD) is not a working day, or undefined when it is one. */
  nonWorkingReason(date: string): NonWorkingReason | undefined {
    const weekday = isoWeekday(date);
    if (!this.workingWeekdays.has(weekday)) return { kind: 'weekend', weekday: WEEKDAY_NAMES[weekday - 1] as string };
    const holiday = this.holidays.get(date);
    return holiday ? { kind: 'holiday', name: holiday.name } : undefined;
  }

  /** The short English weekday of a date, e.g. `Mon`. */
  weekdayOf(date: string): string {
    return (WEEKDAY_NAMES[isoWeekday(date) - 1] as string).slice(0, 3);
  }

  isWorkingDay(date: string): boolean {
    return this.nonWorkingReason(date) === undefined;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    let day = date;
    for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
      day = this.addDays(day, 1);
      if (this.isWorkingDay(day)) return day;
    }
    throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days after ${date}: check the calendar settings`);
  }

  /** The calendar date of an instant in the agency's zone. */
  localDate(instant: DateTime): string {
    return instant.setZone(this.timeZone).toISODate() as string;
  }

  /** True when the instant is at or after close of office on its local day. */
  isAfterClose(instant: DateTime): boolean {
    const local = instant.setZone(this.timeZone);
    return local >= this.closeOfOffice(this.localDate(local));
  }

  /** Close of office on `date`, in the agency's zone. */
  closeOfOffice(date: string): DateTime {
    const [hour, minute] = this.settings.officeHours.closes.split(':').map(Number);
    return this.startOf(date).set({ hour: hour ?? 17, minute: minute ?? 0 });
  }

  /** `date` moved by `days` calendar days. */
  addDays(date: string, days: number): string {
    return addCalendarDays(date, days);
  }

  /**
   * Parses an ISO-8601 instant into the agency's zone; a time without an offset is read as the
   * agency's local time. Throws RangeError with the reason when it is not a date-time.
   */
  parseInstant(iso: string): DateTime {
    const dt = DateTime.fromISO(iso, { zone: this.timeZone });
    if (!dt.isValid) throw new RangeError(`not an ISO-8601 date-time: ${iso} (${dt.invalidExplanation ?? dt.invalidReason})`);
    return dt;
  }

  /** Formats an instant in the agency's zone, e.g. `2026-11-27T17:00:00+06:00`. */
  format(instant: DateTime): string {
    return instant.setZone(this.timeZone).toISO({ suppressMilliseconds: true }) as string;
  }

  private startOf(date: string): DateTime {
    const dt = DateTime.fromISO(date, { zone: this.timeZone });
    if (!dt.isValid) throw new RangeError(`not a date: ${date}`);
    return dt.startOf('day');
  }
}
