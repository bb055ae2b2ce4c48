import { describe, expect, it } from '@jest/globals';
import { foldWebsite } from '../../../domain/website/state.js';
import type { WebsiteEvent } from '../../../events/website-events.js';
import {
  UPDATE,
  ictConfirmsComplete,
  ictPublishes,
  ictReturnsIt,
  legalReportsItsWorkshop,
  legalResubmits,
  playWebsite,
  ppdProposesAirQualityData,
  scanAt,
  websiteCommand,
} from '../../support/website-spec.js';

const legalOfficer = { kind: 'user', userId: 'legal.officer', role: 'division_officer' } as const;

describe('what an update shows as it goes', () => {
  it('starts submitted, with no returns, flags or alerts', () => {
    expect(foldWebsite(playWebsite([legalReportsItsWorkshop()]))).toStrictEqual({
      status: 'submitted',
      id: UPDATE,
      division: 'legal',
      kind: 'event',
      title: 'Workshop on the Environmental Assessment Act',
      eventDate: '2026-11-20',
      submittedAt: '2026-11-23T10:00:00+06:00',
      submittedBy: legalOfficer,
      attachments: [],
      submissionDueAt: '2026-11-24T17:00:00+06:00',
      lastSubmittedAt: '2026-11-23T10:00:00+06:00',
      adjustments: [],
      returns: [],
      flaggedAtRisk: [],
      flaggedBreached: [],
      alertDigests: [],
      lastEventAt: '2026-11-23T10:00:00+06:00',
    });
  });

  it('keeps where a proposal came from', () => {
    const propose = ppdProposesAirQualityData();
    expect(foldWebsite(playWebsite([propose]))).toMatchObject({
      origin: { topic: 'air quality', requestIds: ['NECS-2026-00001'] },
    });
  });

  it('is no update at all when its stream holds only events that come after a submission', () => {
    const [, completed] = playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete()]);
    expect(foldWebsite([completed as WebsiteEvent])).toStrictEqual({ status: 'none' });
  });

  it('ignores a second submission: the first one stands', () => {
    const [submitted] = playWebsite([legalReportsItsWorkshop()]);
    const again = { ...submitted, occurredAt: '2026-11-23T12:00:00+06:00' } as WebsiteEvent;
    expect(foldWebsite([submitted as WebsiteEvent, again])).toStrictEqual(foldWebsite([submitted as WebsiteEvent]));
  });

  it('lists each return with its reason; a return before confirmation stops no clock of ICT', () => {
    const state = foldWebsite(
      playWebsite([
        legalReportsItsWorkshop(),
        ictReturnsIt('2026-11-23T11:00:00+06:00', 'No date'),
        legalResubmits('2026-11-23T12:00:00+06:00'),
        ictReturnsIt('2026-11-23T13:00:00+06:00', 'No photographs'),
      ]),
    );
    expect(state).toMatchObject({
      status: 'returned',
      returns: [
        { at: '2026-11-23T11:00:00+06:00', reason: 'No date' },
        { at: '2026-11-23T13:00:00+06:00', reason: 'No photographs' },
      ],
      adjustments: [],
    });
    expect(state).not.toHaveProperty('pausedAt');
  });

  it('goes back to ICT to check after a return before confirmation, with no complete information yet', () => {
    const state = foldWebsite(
      playWebsite([
        legalReportsItsWorkshop(),
        ictReturnsIt('2026-11-23T11:00:00+06:00'),
        legalResubmits('2026-11-23T12:00:00+06:00'),
      ]),
    );
    expect(state).toMatchObject({ status: 'submitted', lastSubmittedAt: '2026-11-23T12:00:00+06:00' });
    expect(state).not.toHaveProperty('informationCompleteAt');
  });

  it('keeps each stop of ICT’s clock with when it ended, and the files last sent', () => {
    const resubmitWithPhotos = websiteCommand(
      'ResubmitWebsiteUpdate',
      {
        attachments: [
          {
            filename: 'workshop.jpg',
            contentType: 'image/jpeg',
            sizeBytes: 20480,
            sha256: 'a'.repeat(64),
            storageKey: 'website/WEB-2026-00001/workshop.jpg',
            publishable: true,
          },
        ],
      },
      'legal.officer',
      '2026-11-25T10:00:00+06:00',
    );
    const state = foldWebsite(
      playWebsite([
        legalReportsItsWorkshop(),
        ictConfirmsComplete(),
        ictReturnsIt(),
        resubmitWithPhotos,
        ictReturnsIt('2026-11-25T11:00:00+06:00'),
        legalResubmits('2026-11-30T10:00:00+06:00'),
      ]),
    );
    expect(state).toMatchObject({
      status: 'complete',
      informationCompleteAt: '2026-11-30T10:00:00+06:00',
      completedAt: '2026-11-23T14:00:00+06:00',
      publicationDueAt: '2026-12-01T17:00:00+06:00',
      attachments: [expect.objectContaining({ filename: 'workshop.jpg' })],
    });
    expect(state).toHaveProperty('adjustments', [
      { kind: 'pause', from: '2026-11-23T15:00:00+06:00', to: '2026-11-25T10:00:00+06:00' },
      { kind: 'pause', from: '2026-11-25T11:00:00+06:00', to: '2026-11-30T10:00:00+06:00' },
    ]);
  });

  it('shows when and why it was withdrawn', () => {
    const state = foldWebsite(
      playWebsite([
        legalReportsItsWorkshop(),
        websiteCommand('WithdrawWebsiteUpdate', { reason: 'Postponed' }, 'legal.chief', '2026-11-23T12:00:00+06:00'),
      ]),
    );
    expect(state).toMatchObject({
      status: 'withdrawn',
      withdrawn: { at: '2026-11-23T12:00:00+06:00', reason: 'Postponed' },
      lastEventAt: '2026-11-23T12:00:00+06:00',
    });
  });

  it('shows where it was published', () => {
    expect(foldWebsite(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), ictPublishes()]))).toMatchObject({
      status: 'published',
      publishedAt: '2026-11-24T11:00:00+06:00',
      url: 'https://www.necs.example/news/eaa-workshop',
    });
  });

  it('moves only the clock a recalculation names', () => {
    const [submitted, completed] = playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete()]);
    const moved: WebsiteEvent = {
      type: 'WebsiteDueDateRecalculated',
      schemaVersion: 1,
      occurredAt: '2026-11-23T16:00:00+06:00',
      actor: { kind: 'system', component: 'calendar' },
      data: {
        clock: 'publication',
        previousDueAt: '2026-11-24T17:00:00+06:00',
        dueAt: '2026-11-25T17:00:00+06:00',
        cause: { kind: 'holiday_declared', date: '2026-11-24', name: 'Snow day' },
      },
    };
    expect(foldWebsite([submitted as WebsiteEvent, completed as WebsiteEvent, moved])).toMatchObject({
      submissionDueAt: '2026-11-24T17:00:00+06:00',
      publicationDueAt: '2026-11-25T17:00:00+06:00',
    });
  });

  it('remembers each clock flagged at risk and breached, by clock and due date, and each alert sent', () => {
    const alert = websiteCommand(
      'RecordWebsiteBreachAlert',
      { digestId: 'digest-1', kind: 'breached', recipients: ['ict.head'], dueAt: '2026-11-24T17:00:00+06:00' },
      { kind: 'system', component: 'notifier' },
      '2026-11-25T09:05:00+06:00',
    );
    const state = foldWebsite(
      playWebsite([
        legalReportsItsWorkshop(),
        ictReturnsIt('2026-11-23T11:00:00+06:00'),
        scanAt('2026-11-24T09:00:00+06:00'),
        legalResubmits('2026-11-24T10:00:00+06:00'),
        ictConfirmsComplete('2026-11-24T11:00:00+06:00'),
        scanAt('2026-11-25T09:00:00+06:00'),
        scanAt('2026-11-26T09:00:00+06:00'),
        alert,
      ]),
    );
    expect(state).toMatchObject({
      flaggedAtRisk: ['submission@2026-11-24T17:00:00+06:00', 'publication@2026-11-25T17:00:00+06:00'],
      flaggedBreached: ['publication@2026-11-25T17:00:00+06:00'],
      alertDigests: ['digest-1'],
    });
  });
});
