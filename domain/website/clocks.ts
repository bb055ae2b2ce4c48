import { computeDueDate, workingDaysBetween } from '../calendar/due-date.js';
import { scheduleDueAt, type ScheduleAdjustment } from '../calendar/schedule.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

/** Clause 3: a division gives ICT the complete information within two working days of the event. */
export const SUBMISSION_WORKING_DAYS = 2;
/** Clause 4: ICT updates the website within one working day of receiving the complete information. */
export const PUBLICATION_WORKING_DAYS = 1;

/**
 * The division's due date: close of office on the 2nd working day after the event (the event's day is
 * day 0 when it is a working day, else the next working day); without an event date, at once — the
 * moment of submission.
 */
export const submissionDueAt = (cal: WorkingCalendar, eventDate: string | undefined, submittedAt: string): string =>
  eventDate === undefined
    ? cal.format(cal.parseInstant(submittedAt))
    : computeDueDate(cal, `${eventDate}T00:00:00`, SUBMISSION_WORKING_DAYS).dueAt;

/**
 * ICT's due date: close of office on the working day after day 0 of the confirmation, moved by every
 * return that stopped the clock (the working days left are counted again from the resubmission).
 */
export const publicationDueAt = (
  cal: WorkingCalendar,
  completedAt: string,
  adjustments: readonly ScheduleAdjustment[],
): string => scheduleDueAt(cal, completedAt, PUBLICATION_WORKING_DAYS, adjustments);

/** Working days from the event (its day 0) to when the complete information arrived; 0 when on day 0 or before. */
export const submissionWorkingDays = (
  cal: WorkingCalendar,
  eventDate: string,
  informationCompleteAt: string,
): number =>
  cal.parseInstant(informationCompleteAt) <= cal.parseInstant(`${eventDate}T00:00:00`)
    ? 0
    : workingDaysBetween(cal, `${eventDate}T00:00:00`, informationCompleteAt);

/** Working days from complete information to publication. */
export const publicationWorkingDays = (
  cal: WorkingCalendar,
  informationCompleteAt: string,
  publishedAt: string,
): number => workingDaysBetween(cal, informationCompleteAt, publishedAt);
