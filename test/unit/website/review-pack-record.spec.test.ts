import { describe, it } from '@jest/globals';
import { reviewPackRecord, type RecordReviewPackSent } from '../../../domain/website/review-record.js';
import { system } from '../../support/agency.js';
import { DeciderSpecification } from '../../support/decider-spec.js';

const packSent = (): RecordReviewPackSent => ({
  type: 'RecordReviewPackSent',
  data: {
    year: 2026,
    recipients: ['secretary', 'legal.chief', 'ict.head'],
    sesMessageIds: ['ses-1', 'ses-2', 'ses-3'],
  },
  metadata: { now: '2027-01-04T09:00:00+06:00', actor: system('website-review') },
});

describe('the yearly website review pack’s record', () => {
  it('says which year’s pack went, when, to whom, and under which mail ids', () => {
    DeciderSpecification.for(reviewPackRecord)
      .given([])
      .when(packSent())
      .then([
        {
          type: 'WebsiteReviewPackSent',
          schemaVersion: 1,
          occurredAt: '2027-01-04T09:00:00+06:00',
          actor: { kind: 'system', component: 'website-review' },
          data: {
            year: 2026,
            recipients: ['secretary', 'legal.chief', 'ict.head'],
            sesMessageIds: ['ses-1', 'ses-2', 'ses-3'],
          },
        },
      ]);
  });
});
