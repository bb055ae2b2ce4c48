import type { WorkingCalendar } from './working-calendar.js';

/** From this day of December on, admins are told when next year's holidays are still computed. */
const NOTICE_FROM = '12-01';

/**
 * What the admins' daily digest should say about the calendar on `today` (YYYY-MM-DD): from
 * 1 December, while next year's official holiday list is not recorded, that next year's due dates
 * rest on computed (provisional) holidays and how to record the list. Empty otherwise.
 */
export const calendarNotices = (cal: WorkingCalendar, today: string): string[] => {
  const year = Number(today.slice(0, 4));
  if (today.slice(5) < NOTICE_FROM || !cal.isProvisionalYear(year + 1)) return [];
  return [
    `${year + 1}'s official holiday list is not recorded yet: due dates in ${year + 1} rest on holidays computed from the Bhutanese calendar (provisional). ` +
      `When the Ministry of Home Affairs publishes the list, record it in Request Desk under Calendar, "Record the official list for ${year + 1}"; open requests' due dates then move to match.`,
  ];
};
