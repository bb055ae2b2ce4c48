import { describe, it } from '@jest/globals';
import { monthlyReportRecord, type RecordMonthlyReportSent } from '../../../domain/reports/monthly-record.js';
import { reviewPackRecord, type RecordReviewPackSent } from '../../../domain/website/review-record.js';
import { as, system } from '../../support/agency.js';
import { DeciderSpecification, playWith } from '../../support/decider-spec.js';

// The monthly report and the yearly review pack go out once: the record says they went.
const NOW = '2026-12-01T09:00:00+06:00';
const scheduler = system('monthly-report');
const novemberSent = (): RecordMonthlyReportSent => ({
  type: 'RecordMonthlyReportSent',
  data: { month: '2026-11', recipients: ['head'], sesMessageIds: ['ses-1'] },
  metadata: { now: NOW, actor: scheduler },
});
const packSent = (): RecordReviewPackSent => ({
  type: 'RecordReviewPackSent',
  data: { year: 2026, recipients: ['ict.head'], sesMessageIds: ['ses-2'] },
  metadata: { now: NOW, actor: system('website-review') },
});

describe('the monthly report’s record', () => {
  const report = DeciderSpecification.for(monthlyReportRecord);

  it('records the month’s report as sent, to whom', () => {
    report
      .given([])
      .when(novemberSent())
      .then([
        {
          type: 'MonthlyReportSent',
          schemaVersion: 1,
          occurredAt: NOW,
          actor: scheduler,
          data: { month: '2026-11', recipients: ['head'], sesMessageIds: ['ses-1'] },
        },
      ]);
  });

  it('records nothing the second time: a second run raced past the check', () => {
    report.given(playWith(monthlyReportRecord, [novemberSent()])).when(novemberSent()).thenNothingHappens();
  });

  it('is the system’s to record', () => {
    report
      .given([])
      .when({ ...novemberSent(), metadata: { now: NOW, actor: as('ict.head') } })
      .thenThrows('FORBIDDEN');
  });
});

describe('the yearly review pack’s record', () => {
  const review = DeciderSpecification.for(reviewPackRecord);

  it('records the year’s pack as sent once', () => {
    const sent = playWith(reviewPackRecord, [packSent()]);
    review.given([]).when(packSent()).then(sent);
    review.given(sent).when(packSent()).thenNothingHappens();
  });
});
