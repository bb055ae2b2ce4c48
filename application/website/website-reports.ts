import { ZonedDateTime } from '../../domain/time/zoned-date-time.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import type { WebsiteFact } from '../../domain/views/website-view.js';
import { websiteFigures, type WebsiteFigures } from '../../domain/website/figures.js';
import type { ReadModels } from '../read-models.js';

/** The website section of the monthly report: updates submitted in `month` (YYYY-MM). */
export const loadWebsiteMonth = async (
  readModels: ReadModels,
  cal: WorkingCalendar,
  month: string,
): Promise<WebsiteFigures> =>
  websiteFigures(cal, (await readModels.partition(`website-month#${month}`)) as unknown as WebsiteFact[]);

/** The facts of every update submitted between two dates (inclusive, agency time). */
export const loadWebsiteFacts = async (
  readModels: ReadModels,
  timeZone: string,
  from: string,
  to: string,
): Promise<WebsiteFact[]> => {
  const start = ZonedDateTime.fromISO(from, timeZone).startOf('day');
  const end = ZonedDateTime.fromISO(to, timeZone).endOf('day');
  const facts: WebsiteFact[] = [];
  for (let m = start.startOf('month'); m <= end; m = m.plus({ months: 1 })) {
    for (const f of (await readModels.partition(`website-month#${m.toYearMonth()}`)) as unknown as WebsiteFact[]) {
      const submitted = ZonedDateTime.fromISO(f.submittedAt);
      if (submitted >= start && submitted <= end) facts.push(f);
    }
  }
  return facts;
};
