import { describe, expect, it } from '@jest/globals';
import { foldWebsite } from '../../../domain/website/state.js';
import type { WebsiteEvent } from '../../../events/website-events.js';
import { plainCalendar } from '../../support/agency.js';
import {
  UPDATE,
  givenWebsite,
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
const ictOfficer = { kind: 'user', userId: 'ict.officer', role: 'intake_officer' } as const;

describe('a division submits an update for the website', () => {
  it('owes it within two working days of the event: an event on Friday is due Tuesday at close of office', () => {
    givenWebsite([])
      .when(legalReportsItsWorkshop())
      .then([
        {
          type: 'WebsiteUpdateSubmitted',
          schemaVersion: 1,
          occurredAt: '2026-11-23T10:00:00+06:00',
          actor: legalOfficer,
          data: {
            updateId: UPDATE,
            division: 'legal',
            kind: 'event',
            title: 'Workshop on the Environmental Assessment Act',
            body: { inline: 'Held on Friday in Thimphu.' },
            eventDate: '2026-11-20',
            attachments: [],
            submissionDueAt: '2026-11-24T17:00:00+06:00',
          },
        },
      ]);
  });

  it('owes it at once when the update has no event date', () => {
    const { result } = givenWebsite([]).when(legalReportsItsWorkshop('2026-11-23T10:00:00+06:00', null));
    expect(result).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ submissionDueAt: '2026-11-23T10:00:00+06:00' }) }),
    ]);
  });

  it('counts from the next working day when the event fell on a weekend', () => {
    const { result } = givenWebsite([]).when(legalReportsItsWorkshop('2026-11-23T10:00:00+06:00', '2026-11-22'));
    expect(result).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ submissionDueAt: '2026-11-25T17:00:00+06:00' }) }),
    ]);
  });

  it('is refused from someone with no division', () => {
    givenWebsite([])
      .when(
        websiteCommand('SubmitWebsiteUpdate', legalReportsItsWorkshop().data, 'secretary', '2026-11-23T10:00:00+06:00'),
      )
      .thenRefused('FORBIDDEN');
  });
});

describe('ICT services confirm the information complete', () => {
  it('starts their clock: published within one working day', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop()]))
      .when(ictConfirmsComplete())
      .then([
        {
          type: 'WebsiteUpdateCompleted',
          schemaVersion: 1,
          occurredAt: '2026-11-23T14:00:00+06:00',
          actor: ictOfficer,
          data: { publicationDueAt: '2026-11-24T17:00:00+06:00' },
        },
      ]);
  });

  it('is for ICT services only, not for the division that sent it', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop()]))
      .when(websiteCommand('ConfirmComplete', {}, 'legal.chief', '2026-11-23T14:00:00+06:00'))
      .thenRefused('FORBIDDEN', /ICT services/);
  });

  it('records where it went live, once', () => {
    const history = playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete()]);
    givenWebsite(history)
      .when(ictPublishes())
      .then([
        {
          type: 'WebsiteUpdatePublished',
          schemaVersion: 1,
          occurredAt: '2026-11-24T11:00:00+06:00',
          actor: { kind: 'user', userId: 'ict.head', role: 'division_chief' },
          data: { url: 'https://www.necs.example/news/eaa-workshop' },
        },
      ]);
    givenWebsite(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), ictPublishes()]))
      .when(ictPublishes('2026-11-24T12:00:00+06:00'))
      .thenNothingHappens();
  });

  it('cannot publish what is not confirmed complete', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop()]))
      .when(ictPublishes())
      .thenRefused('INVALID_TRANSITION', /submitted/);
  });
});

describe('returned as incomplete', () => {
  it('stops ICT’s clock until the division resubmits, then resumes it with the time that was left', () => {
    // Confirmed Monday 14:00 (due Tuesday 17:00), returned Monday 15:00 with one working day left,
    // resubmitted Wednesday 10:00: due Thursday 17:00.
    const history = playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), ictReturnsIt()]);
    expect(foldWebsite(history)).toMatchObject({ status: 'returned', pausedAt: '2026-11-23T15:00:00+06:00' });
    givenWebsite(history)
      .when(legalResubmits())
      .then([
        expect.objectContaining({
          type: 'WebsiteUpdateResubmitted',
          data: { body: { inline: 'With photographs.' }, publicationDueAt: '2026-11-26T17:00:00+06:00' },
        }),
      ]);
  });

  it('sends an update returned before confirmation back to ICT to check, with no clock of theirs running', () => {
    const events = playWebsite([
      legalReportsItsWorkshop(),
      ictReturnsIt('2026-11-23T11:00:00+06:00'),
      legalResubmits('2026-11-23T16:00:00+06:00'),
    ]);
    const state = foldWebsite(events);
    expect(state).toMatchObject({ status: 'submitted', lastSubmittedAt: '2026-11-23T16:00:00+06:00' });
    expect(state).not.toHaveProperty('publicationDueAt');
  });

  it('runs the division’s clock while it is back with them', () => {
    const history = playWebsite([legalReportsItsWorkshop(), ictReturnsIt('2026-11-23T11:00:00+06:00')]);
    givenWebsite(history)
      .when(scanAt('2026-11-25T09:00:00+06:00'))
      .then([
        {
          type: 'WebsiteSlaBreached',
          schemaVersion: 1,
          occurredAt: '2026-11-25T09:00:00+06:00',
          actor: { kind: 'system', component: 'sla-scan' },
          data: { clock: 'submission', dueAt: '2026-11-24T17:00:00+06:00' },
        },
      ]);
  });

  it('can only be resubmitted by the division that owes it', () => {
    const history = playWebsite([legalReportsItsWorkshop(), ictReturnsIt()]);
    givenWebsite(history)
      .when(websiteCommand('ResubmitWebsiteUpdate', {}, 'ppd.officer', '2026-11-24T10:00:00+06:00'))
      .thenRefused('FORBIDDEN', /only staff of legal/);
  });
});

describe('the breach scan on website updates', () => {
  it('flags ICT’s clock at risk on the due day and breached after it, once per due date', () => {
    const history = playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete()]);
    givenWebsite(history)
      .when(scanAt('2026-11-24T09:00:00+06:00'))
      .then([
        expect.objectContaining({
          type: 'WebsiteSlaAtRisk',
          data: { clock: 'publication', dueAt: '2026-11-24T17:00:00+06:00' },
        }),
      ]);
    const breached = playWebsite([
      legalReportsItsWorkshop(),
      ictConfirmsComplete(),
      scanAt('2026-11-25T09:00:00+06:00'),
    ]);
    expect(breached.at(-1)).toMatchObject({ type: 'WebsiteSlaBreached', data: { clock: 'publication' } });
    givenWebsite(breached).when(scanAt('2026-11-25T10:00:00+06:00')).thenNothingHappens();
  });

  it('leaves an update waiting for ICT to check, or published, alone', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop()]))
      .when(scanAt('2026-12-10T09:00:00+06:00'))
      .thenNothingHappens();
    givenWebsite(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), ictPublishes()]))
      .when(scanAt('2026-12-10T09:00:00+06:00'))
      .thenNothingHappens();
  });

  it('is the system’s to run, not a person’s', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop()]))
      .when(websiteCommand('CheckWebsiteSla', {}, 'ict.head', '2026-11-24T09:00:00+06:00'))
      .thenRefused('FORBIDDEN');
  });
});

describe('a proposal from common requests', () => {
  it('goes to ICT services with the topic and the requests it came from, due at once', () => {
    const propose = ppdProposesAirQualityData();
    const { result } = givenWebsite([]).when(propose);
    expect(result).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          division: 'ict',
          kind: 'information',
          origin: { topic: 'air quality', requestIds: ['NECS-2026-00001'] },
          submissionDueAt: '2026-11-23T10:00:00+06:00',
        }),
      }),
    ]);
  });
});

describe('a holiday declared while a due date is pending', () => {
  const calendarChanges = (now: string) =>
    websiteCommand(
      'RecalculateWebsiteDueDate',
      { cause: { kind: 'holiday_declared', date: '2026-11-24', name: 'Snow day' } },
      { kind: 'system', component: 'calendar' },
      now,
    );
  const snowDay = () => plainCalendar().withHoliday({ date: '2026-11-24', name: 'Snow day' });

  it('moves ICT’s publication due date past the holiday, naming the cause', () => {
    const history = playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete()]);
    givenWebsite(history, snowDay())
      .when(calendarChanges('2026-11-23T16:00:00+06:00'))
      .then([
        {
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
        },
      ]);
  });

  it('moves the division’s due date while the update is back with them, and the scan then holds off', () => {
    const history = playWebsite([legalReportsItsWorkshop(), ictReturnsIt('2026-11-23T11:00:00+06:00')]);
    const { result } = givenWebsite(history, snowDay()).when(calendarChanges('2026-11-23T16:00:00+06:00'));
    expect(result).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          clock: 'submission',
          previousDueAt: '2026-11-24T17:00:00+06:00',
          dueAt: '2026-11-25T17:00:00+06:00',
        }),
      }),
    ]);
    const moved = [...history, ...(result as WebsiteEvent[])];
    // Wednesday morning: no longer breached (it was due Tuesday), only at risk.
    givenWebsite(moved, snowDay())
      .when(scanAt('2026-11-25T09:00:00+06:00'))
      .then([
        expect.objectContaining({
          type: 'WebsiteSlaAtRisk',
          data: { clock: 'submission', dueAt: '2026-11-25T17:00:00+06:00' },
        }),
      ]);
  });

  it('records nothing when the date does not move, or once the update is published', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete()]))
      .when(calendarChanges('2026-11-23T16:00:00+06:00'))
      .thenNothingHappens();
    givenWebsite(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), ictPublishes()]), snowDay())
      .when(calendarChanges('2026-11-24T16:00:00+06:00'))
      .thenNothingHappens();
  });

  it('is the calendar’s to run, not a person’s', () => {
    givenWebsite(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete()]))
      .when(
        websiteCommand(
          'RecalculateWebsiteDueDate',
          { cause: { kind: 'holiday_declared', date: '2026-11-24' } },
          'ict.head',
          '2026-11-23T16:00:00+06:00',
        ),
      )
      .thenRefused('FORBIDDEN');
  });
});
