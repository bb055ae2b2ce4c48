import { DomainError } from '../shared/errors.js';
import type { ZonedDateTime } from '../time/zoned-date-time.js';
import { outsideCalendarYears } from './calendar-years.js';
import { MAX_SEARCH_DAYS, type NonWorkingReason, type WorkingCalendar } from './working-calendar.js';

/** One line of a due-date explanation: a day that was day 0, counted, or skipped, and why. */
export interface ExplanationLine {
  readonly date: string;
  readonly weekday: string;
  readonly kind: 'day_zero' | 'counted' | 'skipped';
  /** For counted days: 1 … N. */
  readonly count?: number;
  readonly reason: string;
  /**
   * True when the line rests on a computed holiday list: a skipped provisional holiday, or a day
   * counted in a year whose official list is not in yet (the official list may still make it a holiday).
   */
  readonly provisional?: true;
}

export interface DueDate {
  readonly receivedAt: string;
  readonly dayZero: string;
  readonly dueAt: string;
  readonly workingDays: number;
  readonly explanation: readonly ExplanationLine[];
}

const PROVISIONAL_HOLIDAY = ' (provisional: computed from the Bhutanese calendar until the official list is in)';

const describe = (reason: NonWorkingReason): string =>
  reason.kind === 'weekend'
    ? `weekend (${reason.weekday})`
    : `public holiday: ${reason.name}${reason.status === 'provisional' ? PROVISIONAL_HOLIDAY : ''}`;

const weekdayOf = (cal: WorkingCalendar, date: string): string => cal.weekdayOf(date);

/** A line skipped for a reason, flagged when that reason is a provisional holiday. */
const skipped = (cal: WorkingCalendar, date: string, reason: NonWorkingReason): ExplanationLine => ({
  date,
  weekday: weekdayOf(cal, date),
  kind: 'skipped',
  reason: describe(reason),
  ...(reason.kind === 'holiday' && reason.status === 'provisional' ? { provisional: true as const } : {}),
});

/** A counted line, flagged when its year's holiday list is still provisional. */
const counted = (cal: WorkingCalendar, date: string, count: number, of: number): ExplanationLine => {
  const provisional = cal.isProvisionalYear(Number(date.slice(0, 4)));
  const reason = `working day ${count} of ${of}${provisional ? ` (${date.slice(0, 4)}'s official holiday list is not in yet)` : ''}`;
  return {
    date,
    weekday: weekdayOf(cal, date),
    kind: 'counted',
    count,
    reason,
    ...(provisional ? { provisional: true as const } : {}),
  };
};

/**
 * Day 0 under the SLA rule: the day of receipt if it is a working day and receipt is before
 * close of office, else the next working day. Returns the skipped days that led there.
 */
export const dayZero = (cal: WorkingCalendar, at: ZonedDateTime): { date: string; lines: ExplanationLine[] } => {
  const receiptDate = cal.localDate(at);
  const lines: ExplanationLine[] = [];
  const reason = cal.nonWorkingReason(receiptDate);
  if (reason === undefined && !cal.isAfterClose(at)) {
    lines.push({
      date: receiptDate,
      weekday: weekdayOf(cal, receiptDate),
      kind: 'day_zero',
      reason: 'day of receipt, before close of office',
    });
    return { date: receiptDate, lines };
  }
  const why =
    reason === undefined
      ? `received after close of office (${cal.settings.officeHours.closes})`
      : reason.kind === 'weekend'
        ? `received at the weekend (${reason.weekday})`
        : `received on a public holiday: ${reason.name}${reason.status === 'provisional' ? PROVISIONAL_HOLIDAY : ''}`;
  const provisionalReceipt = reason?.kind === 'holiday' && reason.status === 'provisional';
  lines.push({
    date: receiptDate,
    weekday: weekdayOf(cal, receiptDate),
    kind: 'skipped',
    reason: why,
    ...(provisionalReceipt ? { provisional: true as const } : {}),
  });
  let date = cal.addDays(receiptDate, 1);
  for (let skip = cal.nonWorkingReason(date); skip !== undefined; skip = cal.nonWorkingReason(date)) {
    lines.push(skipped(cal, date, skip));
    if (lines.length > MAX_SEARCH_DAYS)
      throw new RangeError(
        `no working day within ${MAX_SEARCH_DAYS} days after ${receiptDate}: check the calendar settings`,
      );
    date = cal.addDays(date, 1);
  }
  lines.push({ date, weekday: weekdayOf(cal, date), kind: 'day_zero', reason: 'first working day after receipt' });
  return { date, lines };
};

/**
 * Counts `workingDays` working days after `fromDate` and returns each day passed, counted or skipped.
 * With 0 working days the due day is `fromDate` itself.
 */
export const countWorkingDays = (
  cal: WorkingCalendar,
  fromDate: string,
  workingDays: number,
): { date: string; lines: ExplanationLine[] } => {
  const lines: ExplanationLine[] = [];
  let date = fromDate;
  for (let n = 0; n < workingDays;) {
    date = cal.addDays(date, 1);
    const skip = cal.nonWorkingReason(date);
    if (skip) {
      lines.push(skipped(cal, date, skip));
    } else {
      n++;
      lines.push(counted(cal, date, n, workingDays));
    }
    if (lines.length > MAX_SEARCH_DAYS + workingDays)
      throw new RangeError(
        `no working day within ${MAX_SEARCH_DAYS} days after ${fromDate}: check the calendar settings`,
      );
  }
  return { date, lines };
};

/**
 * The due date under the SLA rule: close of office on the `workingDays`-th working day after day 0,
 * with the explanation a requester or auditor can follow.
 */
export const computeDueDate = (cal: WorkingCalendar, receivedAt: string, workingDays: number): DueDate => {
  const at = cal.parseInstant(receivedAt);
  const outside = outsideCalendarYears(at.year, receivedAt);
  if (outside) throw new DomainError('INVALID_INPUT', `receivedAt: ${outside}`, { receivedAt });
  const zero = dayZero(cal, at);
  const counted = countWorkingDays(cal, zero.date, workingDays);
  return {
    receivedAt: cal.format(at),
    dayZero: zero.date,
    dueAt: cal.format(cal.closeOfOffice(counted.date)),
    workingDays,
    explanation: [...zero.lines, ...counted.lines],
  };
};

/**
 * Working days elapsed from `from` to `to`: the working days after day 0 of `from`, up to and
 * including the local date of `to`. Responding on day 0 takes 0 working days.
 */
export const workingDaysBetween = (cal: WorkingCalendar, from: string, to: string): number => {
  const start = dayZero(cal, cal.parseInstant(from)).date;
  const end = cal.localDate(cal.parseInstant(to));
  let days = 0;
  for (let date = cal.addDays(start, 1); date <= end; date = cal.addDays(date, 1)) {
    if (cal.isWorkingDay(date)) days++;
  }
  return days;
};
