import type { MonthlyReport } from '../../domain/reports/monthly.js';
import { socialSection, type SocialSection } from '../../domain/reports/social-section.js';
import { ZonedDateTime } from '../../domain/time/zoned-date-time.js';
import type { ReadModels } from '../read-models.js';
import { listSocialAccounts, listSocialIncidents } from './social-queries.js';

/**
 * The social section of a month's report: the register and the incidents as projected, and the month's
 * requests on channel `social` from the request figures.
 */
export const loadSocialSection = async (
  readModels: ReadModels,
  report: MonthlyReport,
  timeZone: string,
): Promise<SocialSection> =>
  socialSection(
    report.month,
    await listSocialAccounts(readModels),
    await listSocialIncidents(readModels),
    report.byChannel['social'],
    (iso) => ZonedDateTime.fromISO(iso, timeZone).toYearMonth(),
  );
