import { describe, expect, it } from '@jest/globals';
import type { WebsiteAttachment } from '../../../events/website-events.js';
import type { DomainError } from '../../../domain/shared/errors.js';
import {
  givenWebsite,
  ictConfirmsComplete,
  ictPublishes,
  ictReturnsIt,
  legalReportsItsWorkshop,
  legalResubmits,
  playWebsite,
  ppdProposesAirQualityData,
  websiteCommand,
} from '../../support/website-spec.js';
import { plainCalendar } from '../../support/agency.js';

const photos: WebsiteAttachment = {
  filename: 'workshop.jpg',
  contentType: 'image/jpeg',
  sizeBytes: 20480,
  sha256: 'a'.repeat(64),
  storageKey: 'website/WEB-2026-00001/workshop.jpg',
  publishable: true,
};

const legalWithdraws = (now = '2026-11-23T12:00:00+06:00', reason = 'Workshop postponed') =>
  websiteCommand('WithdrawWebsiteUpdate', { reason }, 'legal.chief', now);

describe('submitting a website update', () => {
  it('carries its files to ICT', () => {
    const submit = websiteCommand(
      'SubmitWebsiteUpdate',
      { ...legalReportsItsWorkshop().data, attachments: [photos] },
      'legal.officer',
      '2026-11-23T10:00:00+06:00',
    );
    const { result } = givenWebsite([]).when(submit);
    expect(result).toEqual([expect.objectContaining({ data: expect.objectContaining({ attachments: [photos] }) })]);
  });

  it('is refused a second time for the same update', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop()]))
      .when(legalReportsItsWorkshop('2026-11-23T10:05:00+06:00'))
      .thenRefused('REQUEST_ALREADY_EXISTS', /website update WEB-2026-00001 already exists/);
  });

  it('is refused from an officer whose division the agency does not know', () => {
    const stranger = {
      kind: 'user',
      userId: 'forest.officer',
      roles: ['division_officer'],
      division: 'forestry',
    } as const;
    givenWebsite([])
      .when(
        websiteCommand('SubmitWebsiteUpdate', legalReportsItsWorkshop().data, stranger, '2026-11-23T10:00:00+06:00'),
      )
      .thenRefused('UNKNOWN_DIVISION', /a website update comes from a division/);
  });

  it('accepts an event up to a year ahead (366 days), and refuses one further ahead', () => {
    givenWebsite([])
      .when(legalReportsItsWorkshop('2026-11-23T10:00:00+06:00', '2027-11-24'))
      .then([expect.objectContaining({ type: 'WebsiteUpdateSubmitted' })]);
    givenWebsite([])
      .when(legalReportsItsWorkshop('2026-11-23T10:00:00+06:00', '2027-11-25'))
      .thenRefused('INVALID_INPUT', /eventDate is more than a year ahead/);
  });
});

describe('a proposal from common requests', () => {
  const propose = ppdProposesAirQualityData;

  it('is refused when no archived request has the topic, naming it', () => {
    givenWebsite([])
      .when(propose([]))
      .thenRefused('INVALID_INPUT', /no archived request has the topic "air quality"/);
  });

  it('is information for the website, with the files shared in the responses', () => {
    const { result } = givenWebsite([]).when(propose(['NECS-2026-00001'], [photos]));
    expect(result).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ kind: 'information', title: 'Air quality data', attachments: [photos] }),
      }),
    ]);
  });
});

describe('acting on an update that does not exist', () => {
  it('is refused as not found', () => {
    givenWebsite([])
      .when(ictConfirmsComplete())
      .thenRefused('WEBSITE_UPDATE_NOT_FOUND', /no such website update/);
  });
});

describe('ICT confirming the information complete', () => {
  it('records nothing when it is already complete', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete()]))
      .when(ictConfirmsComplete('2026-11-23T16:00:00+06:00'))
      .thenNothingHappens();
  });

  it('is refused once published, saying what the update is', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), ictPublishes()]))
      .when(ictConfirmsComplete('2026-11-24T12:00:00+06:00'))
      .thenRefused('INVALID_TRANSITION', /^cannot confirm it complete: website update WEB-2026-00001 is published$/);
  });

  it('tells the caller which statuses it could be done in', () => {
    const { result } = givenWebsite(
      playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), ictPublishes()]),
    ).when(ictConfirmsComplete('2026-11-24T12:00:00+06:00'));
    expect((result as DomainError).details).toStrictEqual({ status: 'published', allowedStatuses: ['submitted'] });
  });
});

describe('returning an update as incomplete', () => {
  it('records the reason ICT gave', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop()]))
      .when(ictReturnsIt('2026-11-23T11:00:00+06:00', 'No date for the workshop'))
      .then([
        {
          type: 'WebsiteUpdateReturned',
          schemaVersion: 1,
          occurredAt: '2026-11-23T11:00:00+06:00',
          actor: { kind: 'user', userId: 'ict.officer', role: 'intake_officer' },
          data: { reason: 'No date for the workshop' },
        },
      ]);
  });

  it('is refused once published', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), ictPublishes()]))
      .when(ictReturnsIt('2026-11-24T12:00:00+06:00'))
      .thenRefused(
        'INVALID_TRANSITION',
        /^cannot return it as incomplete: website update WEB-2026-00001 is published$/,
      );
  });
});

describe('resubmitting a returned update', () => {
  it('is refused while the update is not back with the division', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop()]))
      .when(legalResubmits('2026-11-23T12:00:00+06:00'))
      .thenRefused('INVALID_TRANSITION', /^cannot resubmit: website update WEB-2026-00001 is submitted$/);
  });

  it('carries the new files, and gives ICT no clock when it had not confirmed the update before', () => {
    const history = playWebsite([legalReportsItsWorkshop(), ictReturnsIt('2026-11-23T11:00:00+06:00')]);
    givenWebsite(history)
      .when(
        websiteCommand(
          'ResubmitWebsiteUpdate',
          { attachments: [photos] },
          'legal.officer',
          '2026-11-23T16:00:00+06:00',
        ),
      )
      .then([
        {
          type: 'WebsiteUpdateResubmitted',
          schemaVersion: 1,
          occurredAt: '2026-11-23T16:00:00+06:00',
          actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
          data: { attachments: [photos] },
        },
      ]);
  });

  it('after a second return, resumes ICT’s clock with only the time left before that return', () => {
    // Confirmed Monday 14:00 (due Tuesday 17:00); returned Monday 15:00; resubmitted Wednesday 10:00:
    // due Thursday 17:00. Returned again Wednesday 11:00 and resubmitted Monday 30 November 10:00: the
    // first pause stays Monday–Wednesday, and one working day is left: due Tuesday 1 December.
    const history = playWebsite([
      legalReportsItsWorkshop(),
      ictConfirmsComplete(),
      ictReturnsIt(),
      legalResubmits('2026-11-25T10:00:00+06:00'),
      ictReturnsIt('2026-11-25T11:00:00+06:00'),
    ]);
    givenWebsite(history)
      .when(legalResubmits('2026-11-30T10:00:00+06:00'))
      .then([
        expect.objectContaining({
          type: 'WebsiteUpdateResubmitted',
          data: { body: { inline: 'With photographs.' }, publicationDueAt: '2026-12-01T17:00:00+06:00' },
        }),
      ]);
  });
});

describe('recording an update published', () => {
  it('is refused with another address once published', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), ictPublishes()]))
      .when(ictPublishes('2026-11-24T12:00:00+06:00', 'https://www.necs.example/news/other'))
      .thenRefused('INVALID_TRANSITION', /^cannot record it published: website update WEB-2026-00001 is published$/);
  });
});

describe('withdrawing an update', () => {
  it('records who withdrew it and why', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop()]))
      .when(legalWithdraws())
      .then([
        {
          type: 'WebsiteUpdateWithdrawn',
          schemaVersion: 1,
          occurredAt: '2026-11-23T12:00:00+06:00',
          actor: { kind: 'user', userId: 'legal.chief', role: 'division_chief' },
          data: { reason: 'Workshop postponed' },
        },
      ]);
  });

  it('is refused once published', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), ictPublishes()]))
      .when(legalWithdraws('2026-11-24T12:00:00+06:00'))
      .thenRefused('INVALID_TRANSITION', /^cannot withdraw it: website update WEB-2026-00001 is published$/);
  });
});

describe('a breach alert about an update', () => {
  const alertSent = (now = '2026-11-25T09:05:00+06:00') =>
    websiteCommand(
      'RecordWebsiteBreachAlert',
      { digestId: 'digest-1', kind: 'breached', recipients: ['ict.head'], dueAt: '2026-11-24T17:00:00+06:00' },
      { kind: 'system', component: 'notifier' },
      now,
    );

  it('is recorded with its recipients, once per digest', () => {
    const history = playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete()]);
    givenWebsite(history)
      .when(alertSent())
      .then([
        {
          type: 'WebsiteBreachAlertSent',
          schemaVersion: 1,
          occurredAt: '2026-11-25T09:05:00+06:00',
          actor: { kind: 'system', component: 'notifier' },
          data: {
            digestId: 'digest-1',
            kind: 'breached',
            recipients: ['ict.head'],
            dueAt: '2026-11-24T17:00:00+06:00',
          },
        },
      ]);
    givenWebsite(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), alertSent()]))
      .when(alertSent('2026-11-25T09:10:00+06:00'))
      .thenNothingHappens();
  });
});

describe('a holiday declared while the update waits for ICT to check it', () => {
  it('moves the division’s due date too', () => {
    const snowDay = plainCalendar().withHoliday({ date: '2026-11-24', name: 'Snow day' });
    const { result } = givenWebsite(playWebsite([legalReportsItsWorkshop()]), snowDay).when(
      websiteCommand(
        'RecalculateWebsiteDueDate',
        { cause: { kind: 'holiday_declared', date: '2026-11-24', name: 'Snow day' } },
        { kind: 'system', component: 'calendar' },
        '2026-11-23T16:00:00+06:00',
      ),
    );
    expect(result).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          clock: 'submission',
          previousDueAt: '2026-11-24T17:00:00+06:00',
          dueAt: '2026-11-25T17:00:00+06:00',
        }),
      }),
    ]);
  });
});
