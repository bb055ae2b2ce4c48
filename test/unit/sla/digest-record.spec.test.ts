import { describe, it } from '@jest/globals';
import { alertDigestRecord, type RecordAlertDigestSent } from '../../../domain/sla/digest-record.js';
import { as, system } from '../../support/agency.js';
import { DeciderSpecification, playWith } from '../../support/decider-spec.js';

// A person's daily digest goes out once a day: the record says it went.
const NOW = '2026-11-27T10:00:00+06:00';
const notifier = system('notifier');
const digestSent = (sesMessageId = 'ses-1'): RecordAlertDigestSent => ({
  type: 'RecordAlertDigestSent',
  data: { recipient: 'legal.officer', day: '2026-11-27', requestIds: ['NECS-2026-00001'], sesMessageId },
  metadata: { now: NOW, actor: notifier },
});

describe('the daily digest’s record', () => {
  const digest = DeciderSpecification.for(alertDigestRecord);

  it('records the day’s digest as sent, to whom, naming the requests it covered', () => {
    digest
      .given([])
      .when(digestSent())
      .then([
        {
          type: 'AlertDigestSent',
          schemaVersion: 1,
          occurredAt: NOW,
          actor: notifier,
          data: {
            recipient: 'legal.officer',
            day: '2026-11-27',
            requestIds: ['NECS-2026-00001'],
            sesMessageId: 'ses-1',
          },
        },
      ]);
  });

  it('records nothing the second time: another delivery raced past the check and sent it too', () => {
    digest
      .given(playWith(alertDigestRecord, [digestSent()]))
      .when(digestSent('ses-2'))
      .thenNothingHappens();
  });

  it('is the system’s to record', () => {
    digest
      .given([])
      .when({ ...digestSent(), metadata: { now: NOW, actor: as('ict.head') } })
      .thenThrows('FORBIDDEN');
  });
});
