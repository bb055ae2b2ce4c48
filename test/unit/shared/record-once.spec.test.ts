import { describe, it } from '@jest/globals';
import { monthlyReportRecord, type RecordMonthlyReportSent } from '../../../domain/reports/monthly-record.js';
import { reviewPackRecord, type RecordReviewPackSent } from '../../../domain/website/review-record.js';
import { as } from '../../support/agency.js';
import { DeciderSpecification } from '../../support/decider-spec.js';

// A fact recorded once (a month's report sent, a year's review pack sent) is the system's to record: a
// person who tries is told which record it is and who keeps it.
const NOW = '2026-12-01T09:00:00+06:00';

describe('a record kept once, tried by a person', () => {
  it('refuses the admin recording the month’s report as sent, saying the system records it', () => {
    const byAdmin: RecordMonthlyReportSent = {
      type: 'RecordMonthlyReportSent',
      data: { month: '2026-11', recipients: ['head'], sesMessageIds: ['ses-1'] },
      metadata: { now: NOW, actor: as('ict.head') },
    };
    DeciderSpecification.for(monthlyReportRecord)
      .given([])
      .when(byAdmin)
      .thenThrows('FORBIDDEN', /^RecordMonthlyReportSent is recorded by the system$/);
  });

  it('refuses the head of agency recording the review pack as sent, saying the system records it', () => {
    const bySecretary: RecordReviewPackSent = {
      type: 'RecordReviewPackSent',
      data: { year: 2026, recipients: ['ict.head'], sesMessageIds: ['ses-2'] },
      metadata: { now: NOW, actor: as('secretary') },
    };
    DeciderSpecification.for(reviewPackRecord)
      .given([])
      .when(bySecretary)
      .thenThrows('FORBIDDEN', /^RecordReviewPackSent is recorded by the system$/);
  });
});
