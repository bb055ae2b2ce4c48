import { describe, expect, it } from '@jest/globals';
import type * as z from 'zod';
import { SocialAccountEvent, SocialIncidentEvent } from '../../../events/social-events.js';
import {
  anActiveAccount,
  givenAccount,
  givenIncident,
  INCIDENT,
  legalProposesFacebookPage,
  onAccount,
  onIncident,
  playAccount,
  playIncident,
  ACCOUNT,
} from '../../support/social-spec.js';

const post = (by: string, data: Partial<{ kind: 'post' | 'reply' | 'takedown'; reason: string }> = {}) =>
  onAccount(
    'RecordPost',
    {
      kind: data.kind ?? 'post',
      text: 'Air quality in Thimphu is moderate today',
      url: 'https://www.facebook.com/NECSBhutan/posts/1',
      publishedAt: '2026-11-25T08:00:00+06:00',
      ...(data.reason !== undefined ? { reason: data.reason } : {}),
    },
    by,
    '2026-11-25T09:00:00+06:00',
  );

describe('the record trail', () => {
  it('the Lead records what the account shared, numbered in the trail, with who recorded it', () => {
    givenAccount(anActiveAccount())
      .when(post('comms.officer'))
      .then([
        expect.objectContaining({
          type: 'SocialPostRecorded',
          actor: { kind: 'user', userId: 'comms.officer', role: 'social_media_lead' },
          data: expect.objectContaining({ postNumber: 1, kind: 'post', publishedAt: '2026-11-25T08:00:00+06:00' }),
        }),
      ]);
  });

  it('a takedown without a reason is refused', () => {
    givenAccount(anActiveAccount())
      .when(post('comms.officer', { kind: 'takedown' }))
      .thenRefused('INVALID_INPUT', /reason/);
    givenAccount(anActiveAccount())
      .when(post('comms.officer', { kind: 'takedown', reason: 'Abusive comment (moderation policy 3.2)' }))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ kind: 'takedown', reason: 'Abusive comment (moderation policy 3.2)' }),
        }),
      ]);
  });

  it('staff record for an account only once the Lead names them', () => {
    givenAccount(anActiveAccount()).when(post('ppd.officer')).thenRefused('FORBIDDEN', /named/);
    const named = [
      ...anActiveAccount(),
      ...(givenAccount(anActiveAccount()).when(
        onAccount('NameRecorders', { recorders: ['ppd.officer'] }, 'comms.officer', '2026-11-24T10:00:00+06:00'),
      ).result as never[]),
    ];
    givenAccount(named)
      .when(post('ppd.officer'))
      .then([expect.objectContaining({ actor: { kind: 'user', userId: 'ppd.officer', role: 'division_officer' } })]);
  });

  it('nothing is recorded for an account not yet active', () => {
    givenAccount(playAccount([legalProposesFacebookPage()]))
      .when(post('comms.officer'))
      .thenRefused('INVALID_TRANSITION');
  });

  it('what was shared is in the past', () => {
    givenAccount(anActiveAccount())
      .when({
        ...post('comms.officer'),
        data: { kind: 'post', text: 'x', publishedAt: '2026-11-26T08:00:00+06:00' },
      } as never)
      .thenRefused('INVALID_INPUT', /future/);
  });
});

describe('incidents', () => {
  const open = (by = 'ppd.officer') =>
    onIncident(
      'OpenIncident',
      {
        incidentId: INCIDENT,
        account: ACCOUNT,
        severity: 'high',
        title: 'Fake NECS page',
        description: 'A page copies our logo',
      },
      by,
      '2026-11-25T10:00:00+06:00',
    );

  it('any staff member opens an incident with its severity', () => {
    givenIncident([])
      .when(open())
      .then([
        expect.objectContaining({ type: 'SocialIncidentOpened', data: expect.objectContaining({ severity: 'high' }) }),
      ]);
    givenIncident([]).when(open('auditor')).thenRefused('FORBIDDEN');
  });

  it('actions are recorded while it is open; once closed it takes no more', () => {
    const opened = playIncident([open()]);
    givenIncident(opened)
      .when(
        onIncident('RecordIncidentAction', { text: 'Reported to Meta' }, 'comms.officer', '2026-11-25T11:00:00+06:00'),
      )
      .then([expect.objectContaining({ type: 'SocialIncidentActionRecorded', data: { text: 'Reported to Meta' } })]);
    const closed = playIncident([
      open(),
      onIncident('CloseIncident', { resolution: 'Page removed by Meta' }, 'comms.officer', '2026-11-26T11:00:00+06:00'),
    ]);
    givenIncident(closed)
      .when(onIncident('RecordIncidentAction', { text: 'late' }, 'comms.officer', '2026-11-27T11:00:00+06:00'))
      .thenRefused('INVALID_TRANSITION', /closed/);
    givenIncident(closed)
      .when(onIncident('CloseIncident', {}, 'comms.officer', '2026-11-27T11:00:00+06:00'))
      .thenNothingHappens();
  });

  it('an action on no incident is a not-found', () => {
    givenIncident([])
      .when(onIncident('RecordIncidentAction', { text: 'x' }, 'comms.officer', '2026-11-25T11:00:00+06:00'))
      .thenRefused('INCIDENT_NOT_FOUND');
  });
});

describe('the stored events', () => {
  it('never carry an empty data object (a stream image drops an empty map, and the mail dispatcher could not read the record)', () => {
    const empty = [...SocialAccountEvent.unwrap().options, ...SocialIncidentEvent.unwrap().options]
      .filter((o) => Object.values(o.shape.data.shape).every((f) => (f as z.ZodType).safeParse(undefined).success))
      .map((o) => o.shape.type.value);
    expect(empty).toEqual([]);
  });

  it('closing an incident says how many actions were recorded', () => {
    givenIncident(
      playIncident([
        onIncident(
          'OpenIncident',
          { incidentId: INCIDENT, account: ACCOUNT, severity: 'low', title: 'Spam thread', description: 'Bots' },
          'ppd.officer',
          '2026-11-25T10:00:00+06:00',
        ),
        onIncident('RecordIncidentAction', { text: 'Hidden the thread' }, 'comms.officer', '2026-11-25T11:00:00+06:00'),
      ]),
    )
      .when(onIncident('CloseIncident', {}, 'comms.officer', '2026-11-25T12:00:00+06:00'))
      .then([expect.objectContaining({ type: 'SocialIncidentClosed', data: { actionsRecorded: 1 } })]);
  });
});
