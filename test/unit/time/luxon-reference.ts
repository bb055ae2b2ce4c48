/**
 * The Luxon-based code that domain/time replaced, kept verbatim (from main 20ad378) as the reference
 * the property tests compare against. Luxon is a devDependency for this file only.
 */
import { DateTime, IANAZone } from 'luxon';
import { WorkingCalendar } from '../../../domain/calendar/working-calendar.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { MAX_BACKDATE_YEARS } from '../../../domain/request/received-at.js';
import { LocalDate } from '../../../events/primitives.js';

/** domain/calendar/working-calendar.ts: the methods that took or gave a Luxon DateTime. */
export class LuxonWorkingCalendar extends WorkingCalendar {
  // @ts-expect-error the old signature (Luxon's DateTime)
  override localDate(instant: DateTime): string {
    return instant.setZone(this.timeZone).toISODate() as string;
  }
  // @ts-expect-error the old signature
  override isAfterClose(instant: DateTime): boolean {
    const local = instant.setZone(this.timeZone);
    return local >= this.closeOfOffice(this.localDate(local));
  }
  // @ts-expect-error the old signature
  override closeOfOffice(date: string): DateTime {
    const [hour, minute] = this.settings.officeHours.closes.split(':').map(Number);
    return this.luxonStartOf(date).set({ hour: hour ?? 17, minute: minute ?? 0 });
  }
  // @ts-expect-error the old signature
  override parseInstant(iso: string): DateTime {
    const dt = DateTime.fromISO(iso, { zone: this.timeZone });
    if (!dt.isValid)
      throw new RangeError(`not an ISO-8601 date-time: ${iso} (${dt.invalidExplanation ?? dt.invalidReason})`);
    return dt;
  }
  // @ts-expect-error the old signature
  override format(instant: DateTime): string {
    return instant.setZone(this.timeZone).toISO({ suppressMilliseconds: true }) as string;
  }
  private luxonStartOf(date: string): DateTime {
    const dt = DateTime.fromISO(date, { zone: this.timeZone });
    if (!dt.isValid) throw new RangeError(`not a date: ${date}`);
    return dt.startOf('day');
  }
}

/** The same calendar, old methods: what the domain computed with Luxon. */
export const luxonCalendarLike = (cal: WorkingCalendar): WorkingCalendar => {
  const inside = cal as unknown as {
    entries: ConstructorParameters<typeof WorkingCalendar>[1];
    years: ConstructorParameters<typeof WorkingCalendar>[2];
    withdrawn: ReadonlySet<string>;
  };
  return new LuxonWorkingCalendar(
    cal.settings,
    inside.entries,
    inside.years,
    inside.withdrawn,
  ) as unknown as WorkingCalendar;
};

export const isValidZone = (tz: string): boolean => IANAZone.isValidZone(tz);

/** domain/mail/templates.ts */
export const humanDue = (dueAt: string, timeZone: string): string =>
  `${DateTime.fromISO(dueAt, { zone: timeZone }).setLocale('en-GB').toFormat('cccc, d LLLL yyyy, HH:mm')} (${timeZone})`;

/** adapters/dynamodb/read-items.ts, website-items.ts */
export const monthOf = (instant: string, timeZone: string): string =>
  DateTime.fromISO(instant, { zone: timeZone }).toFormat('yyyy-MM');
export const utc = (instant: string): string => DateTime.fromISO(instant).toUTC().toISO() as string;

/** application/request/commands.ts, website/website-commands.ts */
export const yearOf = (now: string, timeZone: string): number => DateTime.fromISO(now, { zone: timeZone }).year;

/** application/reports.ts */
export const previousMonth = (month: string): string =>
  DateTime.fromISO(`${month}-01`).minus({ months: 1 }).toFormat('yyyy-MM');

/** application/reports.ts loadDisclosures, website-reports.ts loadWebsiteFacts: the months read and the instants kept. */
export const monthsAndRange = (
  from: string,
  to: string,
  timeZone: string,
  instants: readonly string[],
): { months: string[]; kept: string[] } => {
  const start = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(to, { zone: timeZone }).endOf('day');
  const months: string[] = [];
  for (let m = start.startOf('month'); m <= end && months.length < 400; m = m.plus({ months: 1 }))
    months.push(m.toFormat('yyyy-MM'));
  return { months, kept: instants.filter((i) => DateTime.fromISO(i) >= start && DateTime.fromISO(i) <= end) };
};

/** application/website/review.ts */
export const reviewPeriod = (year: number, reviewDate: string, timeZone: string): { from: string; to: string } => {
  const date = DateTime.fromISO(`${year}-${reviewDate}`, { zone: timeZone });
  return { from: date.minus({ years: 1 }).toISODate() as string, to: date.minus({ days: 1 }).toISODate() as string };
};
export const reviewMonths = (period: { from: string; to: string }, timeZone: string): string[] => {
  const months: string[] = [];
  const start = DateTime.fromISO(period.from, { zone: timeZone });
  for (
    let m = start.minus({ months: 1 }).startOf('month');
    m <= DateTime.fromISO(period.to, { zone: timeZone }) && months.length < 400;
    m = m.plus({ months: 1 })
  )
    months.push(m.toFormat('yyyy-MM'));
  return months;
};

/** application/people-input.ts */
export const startOf = (when: string, zone: string): string =>
  LocalDate.safeParse(when).success ? (DateTime.fromISO(when, { zone }).startOf('day').toISO() as string) : when;
export const endOf = (when: string, zone: string): string =>
  LocalDate.safeParse(when).success
    ? (DateTime.fromISO(when, { zone }).plus({ days: 1 }).startOf('day').toISO() as string)
    : when;
export const asOfInstant = (asOf: string | undefined, now: string, zone: string): string =>
  asOf === undefined
    ? now
    : LocalDate.safeParse(asOf).success
      ? (DateTime.fromISO(endOf(asOf, zone)).minus({ milliseconds: 1 }).toISO() as string)
      : asOf;

/** domain/request/received-at.ts */
export const checkReceivedAt = (
  receivedAt: DateTime,
  now: DateTime,
  agencyStart: DateTime | undefined,
): DomainError | undefined => {
  if (receivedAt > now)
    return new DomainError('INVALID_INPUT', 'receivedAt is in the future', {
      receivedAt: receivedAt.toISO(),
      now: now.toISO(),
    });
  const yearBack = now.minus({ years: MAX_BACKDATE_YEARS });
  const earliest = agencyStart && agencyStart > yearBack ? agencyStart : yearBack;
  if (receivedAt < earliest) {
    const why =
      earliest === agencyStart ? 'the agency started using Request Desk' : `${MAX_BACKDATE_YEARS} year before now`;
    return new DomainError('INVALID_INPUT', `receivedAt is before ${earliest.toISO()} (${why})`, {
      receivedAt: receivedAt.toISO(),
      earliest: earliest.toISO(),
    });
  }
  return undefined;
};
