import { computeDueDate, countWorkingDays, workingDaysBetween } from './due-date.js';
import type { WorkingCalendar } from './working-calendar.js';

/** Something that moved a request's clock after receipt, in the order it happened. */
export type ScheduleAdjustment =
  | { readonly kind: 'pause'; readonly from: string; readonly to?: string }
  | { readonly kind: 'extension'; readonly at: string; readonly workingDays: number };

/**
 * Working days left between `at` and `dueAt` (the days after day 0 of `at`, up to the due day).
 * A pause on the due day itself leaves 0: the answer restarts the clock with the rest of that day.
 */
export const remainingWorkingDays = (cal: WorkingCalendar, at: string, dueAt: string): number =>
  cal.parseInstant(at) >= cal.parseInstant(dueAt) ? 0 : workingDaysBetween(cal, at, dueAt);

/** A due date moved `workingDays` working days later, at close of office. */
export const extendDueAt = (cal: WorkingCalendar, dueAt: string, workingDays: number): string => {
  const from = cal.localDate(cal.parseInstant(dueAt));
  return cal.format(cal.closeOfOffice(countWorkingDays(cal, from, workingDays).date));
};

/**
 * The due date of a request, from its receipt and every adjustment since, under `cal`.
 * One function computes it whenever it is needed — at receipt, after a clarification, an extension
 * or a change of calendar — so the recorded due dates always agree with each other.
 *
 * A clarification stops the clock: the working days left when it was asked are counted again from
 * day 0 of the requester's answer. A pause that starts after the due date leaves it where it was:
 * the breach stands. An open pause (no answer yet) leaves the due date as it was before the pause.
 */
export const scheduleDueAt = (
  cal: WorkingCalendar,
  receivedAt: string,
  responseWorkingDays: number,
  adjustments: readonly ScheduleAdjustment[],
): string => {
  let dueAt = computeDueDate(cal, receivedAt, responseWorkingDays).dueAt;
  for (const adj of adjustments) {
    if (adj.kind === 'extension') {
      dueAt = extendDueAt(cal, dueAt, adj.workingDays);
    } else if (adj.to !== undefined && cal.parseInstant(adj.from) < cal.parseInstant(dueAt)) {
      dueAt = computeDueDate(cal, adj.to, remainingWorkingDays(cal, adj.from, dueAt)).dueAt;
    }
  }
  return dueAt;
};
