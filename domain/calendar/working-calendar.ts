import { ZonedDateTime } from '../time/zoned-date-time.js';
import type { CalendarEvent } from '../../events/calendar-events.js';
import type { CalendarSettings } from '../agency/config.js';
import type { Holiday } from '../agency/holidays.js';

/**
 * How sure a holiday is: `official` from the government's list for its year, `provisional` computed
 * (for a year whose official list is not in yet), `declared` at run time.
 */
export type HolidayStatus = 'official' | 'provisional' | 'declared';

/** A holiday with how sure it is (a holiday without a status is an official one). */
export interface CalendarHoliday extends Holiday {
  readonly status?: HolidayStatus;
}

/** Why a date is not a working day. */
export type NonWorkingReason =
  { kind: 'weekend'; weekday: string } | { kind: 'holiday'; name: string; status: HolidayStatus };

/** Where a calendar's holidays come from beyond the explicit list. */
export interface HolidayYears {
  /** Years whose official list is in (from a holiday file or recorded at run time). */
  readonly officialYears?: ReadonlySet<number>;
  /** The computed holidays of a year without an official list (none when absent). */
  readonly provisional?: (year: number) => readonly Holiday[];
}

/** A span of days longer than any real calendar has without a working day: a config with no working days. */
export const MAX_SEARCH_DAYS = 3_660;

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_MS = 86_400_000;

/**
 * Calendar dates (no time, no zone) are counted on the proleptic Gregorian calendar: the zone matters
 * only when an instant becomes a date, which `localDate` does (domain/time).
 */
const dateToUtcMs = (date: string): number => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms)) throw new RangeError(`not a date: ${date}`);
  return ms;
};
const addCalendarDays = (date: string, days: number): string =>
  new Date(dateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
const isoWeekday = (date: string): number => ((new Date(dateToUtcMs(date)).getUTCDay() + 6) % 7) + 1;

/**
 * The agency's working calendar: its time zone, working weekdays, office hours, public holidays
 * (regional ones only where the office is) and holidays declared at run time. A year without an
 * official list takes its computed (provisional) holidays, so the calendar never runs out. Immutable.
 */
export class WorkingCalendar {
  readonly timeZone: string;
  private readonly workingWeekdays: ReadonlySet<number>;
  /** Every explicit holiday (official or declared), for every region. */
  private readonly entries: readonly CalendarHoliday[];
  private readonly holidays: ReadonlyMap<string, CalendarHoliday>;
  private readonly officialYears: ReadonlySet<number>;
  /** Dates withdrawn at run time: not holidays whatever a list says. */
  private readonly withdrawn: ReadonlySet<string>;
  private readonly provisionalCache = new Map<number, ReadonlyMap<string, CalendarHoliday>>();

  constructor(
    readonly settings: Omit<CalendarSettings, 'holidayCountry'> & { holidayCountry?: string },
    holidays: readonly CalendarHoliday[],
    private readonly years: HolidayYears = {},
    withdrawn: ReadonlySet<string> = new Set(),
  ) {
    this.timeZone = settings.timeZone;
    this.workingWeekdays = new Set(settings.workingWeekdays);
    this.entries = holidays;
    this.officialYears = years.officialYears ?? new Set();
    this.withdrawn = withdrawn;
    this.holidays = this.byDate(holidays);
  }

  private applies(h: Holiday): boolean {
    return h.region === undefined || h.region === this.settings.region;
  }

  /** One entry per date (names joined), status the surest of them. */
  private byDate(holidays: readonly CalendarHoliday[]): Map<string, CalendarHoliday> {
    const rank: Record<HolidayStatus, number> = { official: 2, declared: 1, provisional: 0 };
    const byDate = new Map<string, CalendarHoliday>();
    for (const h of holidays.filter((x) => this.applies(x) && !this.withdrawn.has(x.date))) {
      const existing = byDate.get(h.date);
      if (!existing) {
        byDate.set(h.date, h);
        continue;
      }
      // A holiday without a status is an official one: it outranks a declared one even when listed after it.
      const status =
        rank[h.status ?? 'official'] > rank[existing.status ?? 'official'] ? (h.status ?? 'official') : existing.status;
      byDate.set(h.date, { ...existing, name: `${existing.name}; ${h.name}`, ...(status ? { status } : {}) });
    }
    return byDate;
  }

  private with(
    entries: readonly CalendarHoliday[],
    years: HolidayYears,
    withdrawn: ReadonlySet<string>,
  ): WorkingCalendar {
    return new WorkingCalendar(this.settings, entries, years, withdrawn);
  }

  /** True when `year` has no official list yet and its lunar holidays are computed. */
  isProvisionalYear(year: number): boolean {
    return this.years.provisional !== undefined && !this.officialYears.has(year);
  }

  /** The computed holidays of a provisional year, by date (empty for an official year). */
  private provisionalOf(year: number): ReadonlyMap<string, CalendarHoliday> {
    if (!this.isProvisionalYear(year)) return new Map();
    let cached = this.provisionalCache.get(year);
    if (!cached) {
      cached = this.byDate(
        (this.years.provisional?.(year) ?? []).map((h) => ({ ...h, status: 'provisional' as const })),
      );
      this.provisionalCache.set(year, cached);
    }
    return cached;
  }

  /**
   * Every holiday of a year, for every region, with its status, by date: the official list (or the
   * computed one while there is none) and the holidays declared at run time.
   */
  holidaysOf(year: number): CalendarHoliday[] {
    const prefix = `${year}-`;
    const computed = this.isProvisionalYear(year)
      ? (this.years.provisional?.(year) ?? []).map((h) => ({ ...h, status: 'provisional' as const }))
      : [];
    return [...this.entries.filter((h) => h.date.startsWith(prefix)), ...computed]
      .filter((h) => !this.withdrawn.has(h.date))
      .map((h) => ({ ...h, status: h.status ?? ('official' as const) }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
  }

  /** A calendar with one more holiday (a holiday for another region changes nothing). */
  withHoliday(holiday: CalendarHoliday): WorkingCalendar {
    const withdrawn = new Set([...this.withdrawn].filter((d) => d !== holiday.date));
    return this.with([...this.entries, holiday], this.years, withdrawn);
  }

  /** A calendar without the holiday on that date (whatever list it came from). */
  withoutHoliday(date: string): WorkingCalendar {
    return this.with(
      this.entries.filter((h) => h.date !== date),
      this.years,
      new Set([...this.withdrawn, date]),
    );
  }

  /**
   * A calendar with a year's official list: it replaces that year's previous official or computed
   * holidays; holidays declared at run time stay.
   */
  withOfficialYear(year: number, holidays: readonly Holiday[]): WorkingCalendar {
    const prefix = `${year}-`;
    const kept = this.entries.filter((h) => !(h.date.startsWith(prefix) && (h.status ?? 'official') === 'official'));
    const withdrawn = new Set([...this.withdrawn].filter((d) => !d.startsWith(prefix)));
    return this.with(
      [...kept, ...holidays.map((h) => ({ ...h, status: 'official' as const }))],
      { ...this.years, officialYears: new Set([...this.officialYears, year]) },
      withdrawn,
    );
  }

  /** Folds the calendar stream (holidays declared or withdrawn, official lists recorded) onto this calendar. */
  withEvents(events: readonly CalendarEvent[]): WorkingCalendar {
    return events.reduce<WorkingCalendar>((cal, e) => {
      switch (e.type) {
        case 'HolidayDeclared':
          return cal.withHoliday({ ...e.data, status: 'declared' });
        case 'HolidayWithdrawn':
          return cal.withoutHoliday(e.data.date);
        case 'OfficialHolidaysRecorded':
          return cal.withOfficialYear(e.data.year, e.data.holidays);
      }
    }, this);
  }

  /** The holiday on a date where the office is, with its status, if any. */
  holidayOn(date: string): CalendarHoliday | undefined {
    const explicit = this.holidays.get(date);
    const computed = this.withdrawn.has(date) ? undefined : this.provisionalOf(Number(date.slice(0, 4))).get(date);
    if (!explicit || !computed) return explicit ?? computed;
    return { ...explicit, name: `${explicit.name}; ${computed.name}` };
  }

  /** Why `date` (YYYY-MM-DD) is not a working day, or undefined when it is one. */
  nonWorkingReason(date: string): NonWorkingReason | undefined {
    const weekday = isoWeekday(date);
    if (!this.workingWeekdays.has(weekday)) return { kind: 'weekend', weekday: WEEKDAY_NAMES[weekday - 1] as string };
    const holiday = this.holidayOn(date);
    return holiday ? { kind: 'holiday', name: holiday.name, status: holiday.status ?? 'official' } : undefined;
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
  localDate(instant: ZonedDateTime): string {
    return instant.setZone(this.timeZone).toISODate() as string;
  }

  /** True when the instant is at or after close of office on its local day. */
  isAfterClose(instant: ZonedDateTime): boolean {
    const local = instant.setZone(this.timeZone);
    return local >= this.closeOfOffice(this.localDate(local));
  }

  /** Close of office on `date`, in the agency's zone. */
  closeOfOffice(date: string): ZonedDateTime {
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
  parseInstant(iso: string): ZonedDateTime {
    const dt = ZonedDateTime.fromISO(iso, this.timeZone);
    if (!dt.isValid)
      throw new RangeError(`not an ISO-8601 date-time: ${iso} (${dt.invalidExplanation ?? dt.invalidReason})`);
    return dt;
  }

  /** Formats an instant in the agency's zone, e.g. `2026-11-27T17:00:00+06:00`. */
  format(instant: ZonedDateTime): string {
    return instant.setZone(this.timeZone).toISO({ suppressMilliseconds: true }) as string;
  }

  private startOf(date: string): ZonedDateTime {
    const dt = ZonedDateTime.fromISO(date, this.timeZone);
    if (!dt.isValid) throw new RangeError(`not a date: ${date}`);
    return dt.startOf('day');
  }
}
