import type { WorkingCalendar } from '../calendar/working-calendar.js';

/**
 * When an account's next evaluation falls due: close of office on the same date a year after `from`
 * (an activation or the last evaluation), or on the first working day after it when that date is not a
 * working day (a weekend, a holiday). 29 February falls on 28 February of a common year.
 */
export const evaluationDueAt = (cal: WorkingCalendar, from: string): string => {
  const local = cal.localDate(cal.parseInstant(from));
  const [year, month, day] = local.split('-').map(Number) as [number, number, number];
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const sameDay = month === 2 && day === 29 && !leap(year + 1) ? 28 : day;
  const anniversary = `${year + 1}-${String(month).padStart(2, '0')}-${String(sameDay).padStart(2, '0')}`;
  const dueDate = cal.isWorkingDay(anniversary) ? anniversary : cal.nextWorkingDay(anniversary);
  return cal.format(cal.closeOfOffice(dueDate));
};
