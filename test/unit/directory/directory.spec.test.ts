import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../../domain/agency/actor.js';
import {
  createDirectoryDecider,
  directoryAt,
  foldDirectory,
  seedEvents,
  type DirectoryCommand,
} from '../../../domain/directory/index.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { authorize } from '../../../domain/request/policy.js';
import {
  decideCalendar,
  initialCalendarState,
  type CalendarCommand,
} from '../../../domain/calendar/calendar-decider.js';
import { fold } from '../../../domain/request/state.js';
import type { DirectoryEvent } from '../../../events/directory-events.js';
import { necs } from '../../support/agency.js';
import { DeciderSpecification, playWith } from '../../support/decider-spec.js';
import { assignedToLegal, deciderWith, play, receivedByEmail } from '../../support/request-spec.js';

const SEEDED_AT = '2026-01-05T09:00:00+06:00';
const seeded = (): DirectoryEvent[] => seedEvents(necs.config, SEEDED_AT);
const admin: Actor = { kind: 'user', userId: 'ict.head', roles: ['division_chief', 'admin'], division: 'ict' };
const ppdChief: Actor = { kind: 'user', userId: 'ppd.chief', roles: ['division_chief'], division: 'ppd' };

const directoryDecider = createDirectoryDecider(necs.config);
const asCommand = (
  type: DirectoryCommand['type'],
  data: DirectoryCommand['data'],
  now: string,
  actor: Actor = admin,
): DirectoryCommand => ({ type, data, metadata: { now, actor } }) as DirectoryCommand;

/** Given these directory events, when this command (at `now`, by `actor`), then these events or this refusal. */
const given = (history: readonly DirectoryEvent[]) => ({
  when: (type: DirectoryCommand['type'], data: DirectoryCommand['data'], now: string, actor: Actor = admin) => {
    const then = DeciderSpecification.for(directoryDecider)
      .given(history)
      .when(asCommand(type, data, now, actor));
    return { ...then, thenRefused: then.thenThrows };
  },
});

/** Plays commands one after another onto `history`; a refusal fails the test. */
const playDirectory = (
  history: DirectoryEvent[],
  ...steps: [DirectoryCommand['type'], DirectoryCommand['data'], string, Actor?][]
): DirectoryEvent[] =>
  playWith(
    directoryDecider,
    steps.map(([type, data, now, actor]) => asCommand(type, data, now, actor)),
    history,
  );

describe('seeding the directory from agency.json', () => {
  it('gives the contract sample users their roles and divisions from the start of the record', () => {
    const directory = directoryAt(foldDirectory(seeded()), '2026-03-04T12:00:00+06:00', necs.config);
    expect(directory.chiefsOf('ppd').map((u) => u.id)).toEqual(['ppd.chief']);
    expect(directory.actorFor('ict.head')).toEqual(necs.directory.actorFor('ict.head'));
    expect(directory.allUsers()).toHaveLength(necs.config.users.length);
    expect(directory.allDivisions().map((d) => d.id)).toEqual(['ict', 'legal', 'ppd']);
  });
});

describe('seeding the directory is the system’s, once', () => {
  const system: Actor = { kind: 'system', component: 'directory-seed' };

  it('fills an empty directory with the configured divisions and people', () => {
    given([]).when('SeedDirectory', {}, SEEDED_AT, system).then(seeded());
  });

  it('changes nothing on a directory that has anything recorded: a second process starting finds it seeded', () => {
    given(seeded()).when('SeedDirectory', {}, '2026-11-23T10:00:00+06:00', system).thenNothingHappens();
  });

  it('is not something a person asks, not even an admin', () => {
    given([]).when('SeedDirectory', {}, SEEDED_AT, admin).thenRefused('FORBIDDEN');
  });
});

describe('adding people and divisions', () => {
  it('records a new person, who can act at once', () => {
    const now = '2026-11-23T10:00:00+06:00';
    const { result } = given(seeded()).when(
      'AddPerson',
      {
        personId: 'env.officer',
        name: 'Pema',
        email: 'env.officer@necs.example',
        roles: ['division_officer'],
        division: 'ppd',
      },
      now,
    );
    expect(result).toEqual([
      {
        type: 'PersonAdded',
        schemaVersion: 1,
        occurredAt: now,
        actor: { kind: 'user', userId: 'ict.head', role: 'admin' },
        data: {
          personId: 'env.officer',
          name: 'Pema',
          email: 'env.officer@necs.example',
          roles: ['division_officer'],
          division: 'ppd',
          effectiveFrom: now,
        },
      },
    ]);
    const after = directoryAt(foldDirectory([...seeded(), ...(result as DirectoryEvent[])]), now, necs.config);
    expect(after.actorFor('env.officer')).toEqual({
      kind: 'user',
      userId: 'env.officer',
      roles: ['division_officer'],
      division: 'ppd',
    });
  });

  it('refuses anyone but an admin', () => {
    given(seeded())
      .when('AddDivision', { divisionId: 'climate', name: 'Climate Change Division' }, SEEDED_AT, ppdChief)
      .thenRefused('FORBIDDEN', /only admins/);
  });

  it('refuses a person id or an address already taken, and a division role without a division', () => {
    const now = '2026-11-23T10:00:00+06:00';
    given(seeded())
      .when('AddPerson', { personId: 'ppd.chief', name: 'X', email: 'x@necs.example', roles: ['auditor'] }, now)
      .thenRefused('ALREADY_EXISTS');
    given(seeded())
      .when('AddPerson', { personId: 'x', name: 'X', email: 'PPD.chief@necs.example', roles: ['auditor'] }, now)
      .thenRefused('ALREADY_EXISTS', /ppd.chief/);
    given(seeded())
      .when('AddPerson', { personId: 'x', name: 'X', email: 'x@necs.example', roles: ['division_chief'] }, now)
      .thenRefused('INVALID_INPUT', /needs a division/);
    given(seeded())
      .when(
        'AddPerson',
        { personId: 'x', name: 'X', email: 'x@necs.example', roles: ['division_officer'], division: 'climate' },
        now,
      )
      .thenRefused('UNKNOWN_DIVISION');
  });

  it('adds a division once; the same again changes nothing', () => {
    const events = playDirectory(seeded(), [
      'AddDivision',
      { divisionId: 'climate', name: 'Climate Change Division' },
      SEEDED_AT,
    ]);
    given(events).when('AddDivision', { divisionId: 'climate', name: 'Climate Change Division' }, SEEDED_AT).then([]);
    given(events)
      .when('AddDivision', { divisionId: 'climate', name: 'Another name' }, SEEDED_AT)
      .thenRefused('ALREADY_EXISTS');
  });
});

describe('appointments by office order', () => {
  it('makes a new PPD chief from the effective date, and the old one an officer', () => {
    const events = playDirectory(
      seeded(),
      [
        'AppointPerson',
        {
          personId: 'ppd.officer',
          roles: ['division_chief'],
          effectiveFrom: '2026-03-01T09:00:00+06:00',
          order: 'NECS/ADM/2026/14',
        },
        '2026-02-20T10:00:00+06:00',
      ],
      [
        'AppointPerson',
        {
          personId: 'ppd.chief',
          roles: ['division_officer'],
          effectiveFrom: '2026-03-01T09:00:00+06:00',
          order: 'NECS/ADM/2026/14',
        },
        '2026-02-20T10:05:00+06:00',
      ],
    );
    const state = foldDirectory(events);
    expect(
      directoryAt(state, '2026-02-27T12:00:00+06:00', necs.config)
        .chiefsOf('ppd')
        .map((u) => u.id),
    ).toEqual(['ppd.chief']);
    const march4 = directoryAt(state, '2026-03-04T12:00:00+06:00', necs.config);
    expect(march4.chiefsOf('ppd').map((u) => u.id)).toEqual(['ppd.officer']);
    expect(march4.person('ppd.officer')).toMatchObject({
      appointedFrom: '2026-03-01T09:00:00+06:00',
      order: 'NECS/ADM/2026/14',
    });
  });

  it('keeps the division when an appointment names none, and refuses a deactivated person', () => {
    const now = '2026-11-23T10:00:00+06:00';
    const events = playDirectory(seeded(), [
      'AppointPerson',
      { personId: 'legal.officer', roles: ['division_chief'] },
      now,
    ]);
    expect(events.at(-1)).toMatchObject({
      data: { personId: 'legal.officer', roles: ['division_chief'], division: 'legal', effectiveFrom: now },
    });
    const gone = playDirectory(seeded(), ['DeactivatePerson', { personId: 'auditor', reason: 'retired' }, now]);
    given(gone)
      .when('AppointPerson', { personId: 'auditor', roles: ['auditor'] }, now)
      .thenRefused('PERSON_INACTIVE');
    given(gone)
      .when('AppointPerson', { personId: 'nobody', roles: ['auditor'] }, now)
      .thenRefused('PERSON_NOT_FOUND');
  });

  it('never leaves the agency without an admin', () => {
    const now = '2026-11-23T10:00:00+06:00';
    given(seeded())
      .when('AppointPerson', { personId: 'ict.head', roles: ['division_chief'] }, now)
      .thenRefused('INVALID_INPUT', /last active admin/);
    given(seeded())
      .when('DeactivatePerson', { personId: 'ict.head', reason: 'left' }, now, {
        kind: 'user',
        userId: 'x',
        roles: ['admin'],
      })
      .thenRefused('INVALID_INPUT', /last active admin/);
  });
});

describe('leave with a delegate', () => {
  const leave = {
    personId: 'spokesperson.ppd',
    from: '2026-11-24T00:00:00+06:00',
    to: '2026-11-28T00:00:00+06:00',
    delegateTo: 'ppd.officer',
  };

  it('may be recorded by the person themself, not by a colleague', () => {
    given(seeded())
      .when('GrantLeave', leave, '2026-11-23T10:00:00+06:00', {
        kind: 'user',
        userId: 'spokesperson.ppd',
        roles: ['spokesperson'],
        division: 'ppd',
      })
      .then([
        expect.objectContaining({
          type: 'LeaveGranted',
          actor: { kind: 'user', userId: 'spokesperson.ppd', role: 'spokesperson' },
          data: leave,
        }),
      ]);
    given(seeded()).when('GrantLeave', leave, '2026-11-23T10:00:00+06:00', ppdChief).thenRefused('FORBIDDEN');
  });

  it('sends their alerts to the delegate while away, and ends by itself at `to`', () => {
    const state = foldDirectory(playDirectory(seeded(), ['GrantLeave', leave, '2026-11-23T10:00:00+06:00']));
    const during = directoryAt(state, '2026-11-25T10:00:00+06:00', necs.config);
    expect(during.standIn('spokesperson.ppd')).toBe('ppd.officer');
    expect(during.actorFor('ppd.officer')).toMatchObject({
      actingFor: [{ userId: 'spokesperson.ppd', roles: ['spokesperson'], division: 'ppd' }],
    });
    const back = directoryAt(state, '2026-11-28T00:00:00+06:00', necs.config);
    expect(back.standIn('spokesperson.ppd')).toBe('spokesperson.ppd');
    expect(back.actorFor('ppd.officer')).not.toHaveProperty('actingFor');
  });

  it('lets the delegate act in their own name: the history shows "X, acting for Y"', () => {
    const state = foldDirectory(
      playDirectory(seeded(), [
        'GrantLeave',
        { ...leave, personId: 'legal.chief', delegateTo: 'legal.officer' },
        '2026-11-23T10:00:00+06:00',
      ]),
    );
    const delegate = directoryAt(state, '2026-11-25T10:00:00+06:00', necs.config).actorFor('legal.officer') as Actor;
    const request = fold(play([receivedByEmail(), assignedToLegal()]));
    expect(authorize(delegate, request, 'ExtendDeadline')).toEqual({
      kind: 'user',
      userId: 'legal.officer',
      role: 'division_chief',
      actingFor: 'legal.chief',
    });
    const afterwards = directoryAt(state, '2026-12-01T10:00:00+06:00', necs.config).actorFor('legal.officer') as Actor;
    expect(authorize(afterwards, request, 'ExtendDeadline')).toBeInstanceOf(DomainError);
  });

  it('refuses a delegate who is away too, oneself, someone unknown, and leave already over', () => {
    const events = playDirectory(seeded(), [
      'GrantLeave',
      { ...leave, personId: 'ppd.officer', delegateTo: 'ppd.chief' },
      '2026-11-23T10:00:00+06:00',
    ]);
    given(events)
      .when('GrantLeave', leave, '2026-11-23T10:00:00+06:00')
      .thenRefused('INVALID_INPUT', /ppd.officer is away/);
    given(seeded())
      .when('GrantLeave', { ...leave, delegateTo: 'spokesperson.ppd' }, '2026-11-23T10:00:00+06:00')
      .thenRefused('INVALID_INPUT');
    given(seeded())
      .when('GrantLeave', { ...leave, delegateTo: 'nobody' }, '2026-11-23T10:00:00+06:00')
      .thenRefused('UNKNOWN_PERSON');
    given(seeded())
      .when('GrantLeave', leave, '2026-11-29T10:00:00+06:00')
      .thenRefused('INVALID_INPUT', /already over/);
  });
});

describe('a stand-in for an admin on leave', () => {
  // Given: the ICT chief, the agency's admin, is away for three days; a PPD officer stands in.
  const adminAway = {
    personId: 'ict.head',
    from: '2026-11-24T00:00:00+06:00',
    to: '2026-11-27T00:00:00+06:00',
    delegateTo: 'ppd.officer',
  };
  const during = '2026-11-25T10:00:00+06:00';
  const withAdminAway = () => playDirectory(seeded(), ['GrantLeave', adminAway, '2026-11-23T10:00:00+06:00']);
  const standIn = () =>
    directoryAt(foldDirectory(withAdminAway()), during, necs.config).actorFor('ppd.officer') as Actor;

  it('does the admin’s work on requests, in their own name, acting for the admin', () => {
    const unassigned = fold(play([receivedByEmail()]));
    expect(authorize(standIn(), unassigned, 'AssignRequest')).toEqual({
      kind: 'user',
      userId: 'ppd.officer',
      role: 'division_chief',
      actingFor: 'ict.head',
    });
  });

  it('cannot make themself admin, nor anyone else, so nothing outlives the leave', () => {
    given(withAdminAway())
      .when('AppointPerson', { personId: 'ppd.officer', roles: ['division_officer', 'admin'] }, during, standIn())
      .thenRefused('FORBIDDEN', /not their power to change people/);
    given(withAdminAway())
      .when(
        'AddPerson',
        { personId: 'shadow.admin', name: 'Shadow', email: 'shadow@necs.example', roles: ['admin'] },
        during,
        standIn(),
      )
      .thenRefused('FORBIDDEN');
  });

  it('cannot add divisions or deactivate people', () => {
    given(withAdminAway())
      .when('AddDivision', { divisionId: 'climate', name: 'Climate Change Division' }, during, standIn())
      .thenRefused('FORBIDDEN');
    given(withAdminAway())
      .when('DeactivatePerson', { personId: 'ppd.chief', reason: 'transferred' }, during, standIn())
      .thenRefused('FORBIDDEN');
  });

  it('cannot pass the delegation on: neither the admin’s leave nor anyone else’s is theirs to record', () => {
    given(withAdminAway())
      .when('GrantLeave', { ...adminAway, from: during, delegateTo: 'legal.officer' }, during, standIn())
      .thenRefused('FORBIDDEN');
    given(withAdminAway())
      .when(
        'GrantLeave',
        { personId: 'legal.chief', from: during, to: '2026-11-26T00:00:00+06:00', delegateTo: 'legal.officer' },
        during,
        standIn(),
      )
      .thenRefused('FORBIDDEN');
  });

  it('still records their own leave, as anyone may', () => {
    given(withAdminAway())
      .when(
        'GrantLeave',
        {
          personId: 'ppd.officer',
          from: '2026-11-30T00:00:00+06:00',
          to: '2026-12-01T00:00:00+06:00',
          delegateTo: 'ppd.chief',
        },
        during,
        standIn(),
      )
      .then([
        expect.objectContaining({
          type: 'LeaveGranted',
          actor: { kind: 'user', userId: 'ppd.officer', role: 'division_officer' },
        }),
      ]);
  });

  it('cannot change the agency calendar', () => {
    const refused = decideCalendar(
      {
        type: 'DeclareHoliday',
        data: { date: '2026-11-26', name: 'Invented day' },
        metadata: { now: during, actor: standIn() },
      } as CalendarCommand,
      initialCalendarState(necs.calendar),
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('FORBIDDEN');
  });
});

describe('deactivation', () => {
  it('stops a person signing in or receiving alerts, keeps them on record, and is done once', () => {
    const now = '2026-11-23T10:00:00+06:00';
    const events = playDirectory(seeded(), [
      'DeactivatePerson',
      { personId: 'ppd.chief', reason: 'transferred to MoENR' },
      now,
    ]);
    const after = directoryAt(foldDirectory(events), now, necs.config);
    expect(after.actorFor('ppd.chief')).toBeUndefined();
    expect(after.chiefsOf('ppd')).toEqual([]);
    expect(after.person('ppd.chief')).toMatchObject({ active: false, deactivatedAt: now, roles: ['division_chief'] });
    expect(
      directoryAt(foldDirectory(events), '2026-11-20T10:00:00+06:00', necs.config).actorFor('ppd.chief'),
    ).toBeDefined();
    given(events).when('DeactivatePerson', { personId: 'ppd.chief', reason: 'again' }, now).then([]);
  });
});

describe('a spokesperson on leave', () => {
  it('has their consultation recorded by their delegate, in the delegate’s name, acting for them', () => {
    // Prepare: spokesperson.legal away, ppd.officer standing in; a request Legal holds
    const state = foldDirectory(
      playDirectory(seeded(), [
        'GrantLeave',
        {
          personId: 'spokesperson.legal',
          from: '2026-11-20T00:00:00+06:00',
          to: '2026-11-28T00:00:00+06:00',
          delegateTo: 'ppd.officer',
        },
        '2026-11-19T10:00:00+06:00',
      ]),
    );
    const delegate = directoryAt(state, '2026-11-23T10:00:00+06:00', necs.config).actorFor('ppd.officer') as Actor;
    const history = play([receivedByEmail(), assignedToLegal()]);
    // Act
    const result = deciderWith().decide(
      {
        type: 'RecordConsultation',
        data: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
        metadata: { now: '2026-11-23T10:00:00+06:00', actor: delegate },
      },
      fold(history),
    );
    // Assess
    expect(result).toEqual([
      expect.objectContaining({
        type: 'ConsultationRecorded',
        actor: { kind: 'user', userId: 'ppd.officer', role: 'spokesperson', actingFor: 'spokesperson.legal' },
      }),
    ]);
  });
});
