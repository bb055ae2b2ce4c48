import { describe, expect, it } from '@jest/globals';
import { foldWith } from '../../../domain/shared/decider.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { socialIncidentDecider } from '../../../domain/social/incident.js';
import type { SocialIncidentEvent } from '../../../events/social-events.js';
import { ACCOUNT, givenIncident, INCIDENT, onIncident, playIncident } from '../../support/social-spec.js';

const OPENED_AT = '2026-11-25T10:00:00+06:00';

const open = (data: Partial<{ title: string; description: string }> = {}) =>
  onIncident(
    'OpenIncident',
    {
      incidentId: INCIDENT,
      account: ACCOUNT,
      severity: 'high',
      title: data.title ?? 'Fake NECS page',
      description: data.description ?? 'A page copies our logo and answers citizens in our name',
    },
    'ppd.officer',
    OPENED_AT,
  );
const act = (text: string, now = '2026-11-25T11:00:00+06:00') =>
  onIncident('RecordIncidentAction', { text }, 'comms.officer', now);
const close = (resolution?: string, now = '2026-11-26T09:00:00+06:00') =>
  onIncident('CloseIncident', resolution === undefined ? {} : { resolution }, 'comms.officer', now);

/** The incident as its page in the console shows it: the events of its stream, folded. */
const incidentPage = (events: readonly SocialIncidentEvent[]) => foldWith(socialIncidentDecider)(events);

describe('opening an incident', () => {
  it('is refused for an incident number already in use, naming it', () => {
    givenIncident(playIncident([open()]))
      .when(open())
      .thenRefused('ALREADY_EXISTS', /^incident INC-2026-00001 already exists$/);
  });

  it('needs a title and what happened, not blanks', () => {
    givenIncident([])
      .when(open({ title: '   ' }))
      .thenRefused('INVALID_INPUT', /has a title and says what happened/);
    givenIncident([])
      .when(open({ description: ' \n ' }))
      .thenRefused('INVALID_INPUT', /has a title and says what happened/);
    givenIncident([])
      .when(open({ title: ' Fake page ', description: ' Copies our logo ' }))
      .then([
        expect.objectContaining({
          type: 'SocialIncidentOpened',
          data: expect.objectContaining({ title: ' Fake page ', description: ' Copies our logo ' }),
        }),
      ]);
  });

  it('shows the open incident with what was reported, by whom and when, and no actions yet', () => {
    // Act
    const page = incidentPage(playIncident([open()]));
    // Assess
    expect(page).toStrictEqual({
      status: 'open',
      id: INCIDENT,
      account: ACCOUNT,
      severity: 'high',
      title: 'Fake NECS page',
      description: 'A page copies our logo and answers citizens in our name',
      openedAt: OPENED_AT,
      openedBy: 'ppd.officer',
      actions: [],
      lastEventAt: OPENED_AT,
    });
  });

  it('an opening read again (a redelivered event) changes nothing on the page', () => {
    // Arrange
    const events = playIncident([open(), act('Reported to Meta')]);
    // Act
    const page = incidentPage([...events, events[0]!]);
    // Assess
    expect(page).toStrictEqual(incidentPage(events));
  });

  it('a stream whose opening is missing shows no incident, and takes no action', () => {
    // Arrange
    const [, recorded] = playIncident([open(), act('Reported to Meta')]);
    // Act
    const page = incidentPage([recorded!]);
    // Assess
    expect(page).toStrictEqual({ status: 'none' });
    givenIncident([recorded!]).when(act('Reported again')).thenRefused('INCIDENT_NOT_FOUND');
  });
});

describe('recording what was done', () => {
  it('lists each action with when, by whom and what, in order', () => {
    // Act
    const page = incidentPage(
      playIncident([open(), act('Reported to Meta'), act('Warned followers', '2026-11-25T15:00:00+06:00')]),
    );
    // Assess
    expect(page).toMatchObject({
      status: 'open',
      lastEventAt: '2026-11-25T15:00:00+06:00',
      actions: [
        { at: '2026-11-25T11:00:00+06:00', by: 'comms.officer', text: 'Reported to Meta' },
        { at: '2026-11-25T15:00:00+06:00', by: 'comms.officer', text: 'Warned followers' },
      ],
    });
  });

  it('an action that says nothing is refused', () => {
    givenIncident(playIncident([open()]))
      .when(act('  \t '))
      .thenRefused('INVALID_INPUT', /says what was done/);
  });

  it('an action on no incident is refused as not found', () => {
    givenIncident([])
      .when(act('Reported to Meta'))
      .thenRefused('INCIDENT_NOT_FOUND', /no such incident/);
  });

  it('an action on a closed incident is refused, saying it is closed', () => {
    // Act
    const result = socialIncidentDecider.decide(
      act('late', '2026-11-27T09:00:00+06:00'),
      incidentPage(playIncident([open(), close()])),
    );
    // Assess
    expect(result).toBeInstanceOf(DomainError);
    expect(result).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'incident INC-2026-00001 is closed',
      details: { status: 'closed' },
    });
  });
});

describe('closing an incident', () => {
  it('keeps its resolution, in the event and on the page, with who closed it and when', () => {
    // Arrange
    const history = playIncident([open(), act('Reported to Meta')]);
    // Act / Assess
    givenIncident(history)
      .when(close('Page removed by Meta'))
      .then([
        expect.objectContaining({
          type: 'SocialIncidentClosed',
          occurredAt: '2026-11-26T09:00:00+06:00',
          data: { actionsRecorded: 1, resolution: 'Page removed by Meta' },
        }),
      ]);
    const page = incidentPage(playIncident([open(), act('Reported to Meta'), close('Page removed by Meta')]));
    expect(page).toMatchObject({
      status: 'closed',
      lastEventAt: '2026-11-26T09:00:00+06:00',
      closed: { at: '2026-11-26T09:00:00+06:00', by: 'comms.officer', resolution: 'Page removed by Meta' },
    });
  });

  it('without a resolution says none', () => {
    // Act
    const page = incidentPage(playIncident([open(), close()]));
    // Assess
    expect(page).toMatchObject({ status: 'closed' });
    expect((page as { closed: object }).closed).toStrictEqual({ at: '2026-11-26T09:00:00+06:00', by: 'comms.officer' });
  });

  it('an incident that does not exist cannot be closed', () => {
    givenIncident([])
      .when(close('Done'))
      .thenRefused('INCIDENT_NOT_FOUND', /no such incident/);
  });
});
