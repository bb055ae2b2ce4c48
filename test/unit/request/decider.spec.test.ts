import { describe, expect, it } from '@jest/globals';
import { Directory, type PersonView } from '../../../domain/agency/directory.js';
import { createRequestDecider } from '../../../domain/request/decider.js';
import { exists, fold, pendingAsks } from '../../../domain/request/state.js';
import { necs, system } from '../../support/agency.js';
import {
  FRIDAY_MORNING,
  REF,
  answeredRequest,
  assignedRequest,
  assignedToLegal,
  clarificationAsked,
  command,
  divisionAdvised,
  fullResponse,
  given,
  play,
  readyToAnswer,
  receivedByEmail,
  requesterAnswered,
  spokespersonAsked,
  spokespersonCleared,
} from '../../support/request-spec.js';

const officer = { kind: 'user', userId: 'legal.officer', role: 'division_officer' } as const;
const intake = { kind: 'user', userId: 'ict.officer', role: 'intake_officer' } as const;

describe('receiving a request', () => {
  it('opens it with the due date five working days after day 0', () => {
    given([])
      .when(receivedByEmail())
      .then([
        {
          type: 'RequestReceived',
          schemaVersion: 1,
          occurredAt: FRIDAY_MORNING,
          actor: { kind: 'system', component: 'email-intake' },
          data: expect.objectContaining({
            requestId: REF,
            receivedAt: FRIDAY_MORNING,
            responseWorkingDays: 5,
            dueAt: '2026-11-27T17:00:00+06:00',
          }),
        },
      ]);
  });

  it('lets an intake officer register a walk-in request', () => {
    const walkIn = command(
      'ReceiveRequest',
      {
        requestId: REF,
        channel: 'walk_in',
        requester: { name: 'Dorji', kind: 'public' },
        subject: 'EIA report',
        body: { inline: 'copy please' },
        attachments: [],
        receivedAt: '2026-11-20T16:59:00+06:00',
      },
      'ict.officer',
      '2026-11-20T17:10:00+06:00',
    );
    const { result } = given([]).when(walkIn);
    expect(result).toEqual([
      expect.objectContaining({
        actor: intake,
        data: expect.objectContaining({ channel: 'walk_in', dueAt: '2026-11-27T17:00:00+06:00' }),
      }),
    ]);
  });

  it('refuses registration by a division officer', () => {
    const byOfficer = {
      ...receivedByEmail(),
      metadata: { ...receivedByEmail().metadata, actor: necs.directory.actorFor('legal.officer')! },
    };
    given([]).when(byOfficer).thenRefused('FORBIDDEN');
  });

  it('refuses the same reference twice', () => {
    given(play([receivedByEmail()]))
      .when(receivedByEmail())
      .thenRefused('REQUEST_ALREADY_EXISTS');
  });

  it('refuses a receipt time in the future', () => {
    const future = receivedByEmail();
    given([])
      .when({ ...future, metadata: { ...future.metadata, now: '2026-11-20T09:00:00+06:00' } })
      .thenRefused('INVALID_INPUT', /future/);
  });

  it('refuses any other command on a request that does not exist', () => {
    given([]).when(assignedToLegal()).thenRefused('REQUEST_NOT_FOUND');
  });
});

describe('assigning a request', () => {
  it('gives it to a division and an officer', () => {
    given(play([receivedByEmail()]))
      .when(assignedToLegal())
      .then([
        {
          type: 'RequestAssigned',
          schemaVersion: 1,
          occurredAt: '2026-11-20T11:00:00+06:00',
          actor: intake,
          data: { division: 'legal', assignee: 'legal.officer' },
        },
      ]);
  });

  it('lets a division chief take an unassigned request for their division', () => {
    const take = command('AssignRequest', { division: 'ppd' }, 'ppd.chief', '2026-11-20T11:00:00+06:00');
    given(play([receivedByEmail()]))
      .when(take)
      .then([
        expect.objectContaining({
          actor: { kind: 'user', userId: 'ppd.chief', role: 'division_chief' },
          data: { division: 'ppd' },
        }),
      ]);
  });

  it('does not let another division’s chief take a request Legal holds', () => {
    given(assignedRequest())
      .when(command('AssignRequest', { division: 'ppd' }, 'ppd.chief', '2026-11-20T12:00:00+06:00'))
      .thenRefused('FORBIDDEN', /own division/);
  });

  it('records where a reassigned request came from', () => {
    const reassign = command(
      'AssignRequest',
      { division: 'ppd', assignee: 'ppd.officer' },
      'legal.chief',
      '2026-11-20T12:00:00+06:00',
    );
    given(assignedRequest())
      .when(reassign)
      .then([
        expect.objectContaining({ data: { division: 'ppd', assignee: 'ppd.officer', previousDivision: 'legal' } }),
      ]);
  });

  it('refuses an unknown division and an assignee from another division', () => {
    given(play([receivedByEmail()]))
      .when(command('AssignRequest', { division: 'finance' }, 'ict.officer', FRIDAY_MORNING))
      .thenRefused('UNKNOWN_DIVISION');
    given(play([receivedByEmail()]))
      .when(command('AssignRequest', { division: 'legal', assignee: 'ppd.officer' }, 'ict.officer', FRIDAY_MORNING))
      .thenRefused('UNKNOWN_PERSON');
  });

  it('changes nothing when assigned again the same way', () => {
    given(assignedRequest()).when(assignedToLegal('2026-11-20T13:00:00+06:00')).thenNothingHappens();
  });
});

describe('consulting', () => {
  it('records a spokesperson’s clearance, in their own name, and puts the request in consultation', () => {
    const events = assignedRequest();
    given(events)
      .when(spokespersonCleared())
      .then([
        {
          type: 'ConsultationRecorded',
          schemaVersion: 2,
          occurredAt: '2026-11-23T10:00:00+06:00',
          actor: { kind: 'user', userId: 'spokesperson.legal', role: 'spokesperson' },
          data: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
        },
      ]);
    expect(fold(readyToAnswer()).status).toBe('in_consultation');
  });

  it('lets any spokesperson record their own consultation', () => {
    const own = command(
      'RecordConsultation',
      { with: 'spokesperson', person: 'spokesperson.ppd', outcome: 'concerns', note: 'names of individuals' },
      'spokesperson.ppd',
      '2026-11-23T10:00:00+06:00',
    );
    given(assignedRequest())
      .when(own)
      .then([expect.objectContaining({ actor: { kind: 'user', userId: 'spokesperson.ppd', role: 'spokesperson' } })]);
  });

  it('does not let an officer record that the spokesperson cleared it: only the spokesperson’s own word counts', () => {
    const onTheirBehalf = command(
      'RecordConsultation',
      { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
      'legal.officer',
      '2026-11-23T10:00:00+06:00',
    );
    given(assignedRequest())
      .when(onTheirBehalf)
      .thenRefused('FORBIDDEN', /recorded by the spokesperson themself/);
    const byTheChief = command(
      'RecordConsultation',
      { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
      'legal.chief',
      '2026-11-23T10:00:00+06:00',
    );
    given(assignedRequest()).when(byTheChief).thenRefused('FORBIDDEN');
  });

  it('does not let one spokesperson record another’s clearance', () => {
    const forTheOther = command(
      'RecordConsultation',
      { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
      'spokesperson.ppd',
      '2026-11-23T10:00:00+06:00',
    );
    given(assignedRequest())
      .when(forTheOther)
      .thenRefused('FORBIDDEN', /only spokesperson\.legal/);
  });

  it('lets the division’s staff, and only them, record a division consultation', () => {
    given(assignedRequest())
      .when(divisionAdvised())
      .then([
        expect.objectContaining({
          actor: officer,
          data: { with: 'division', person: 'legal.chief', outcome: 'advice' },
        }),
      ]);
    const bySpokesperson = command(
      'RecordConsultation',
      { with: 'division', person: 'legal.chief', outcome: 'advice' },
      'spokesperson.legal',
      '2026-11-23T10:00:00+06:00',
    );
    given(assignedRequest())
      .when(bySpokesperson)
      .thenRefused('FORBIDDEN', /staff of the division/);
  });

  it('does not let another division’s officer record a consultation', () => {
    const other = command(
      'RecordConsultation',
      { with: 'division', person: 'legal.chief', outcome: 'cleared' },
      'ppd.officer',
      '2026-11-23T10:00:00+06:00',
    );
    given(assignedRequest()).when(other).thenRefused('FORBIDDEN');
  });

  it('refuses a "spokesperson" who is not one, and a division colleague from elsewhere', () => {
    given(assignedRequest())
      .when(
        command(
          'RecordConsultation',
          { with: 'spokesperson', person: 'legal.chief', outcome: 'cleared' },
          'legal.officer',
          FRIDAY_MORNING,
        ),
      )
      .thenRefused('UNKNOWN_PERSON', /not a media spokesperson/);
    given(assignedRequest())
      .when(
        command(
          'RecordConsultation',
          { with: 'division', person: 'ppd.chief', outcome: 'cleared' },
          'legal.officer',
          FRIDAY_MORNING,
        ),
      )
      .thenRefused('UNKNOWN_PERSON', /not in legal/);
  });

  it('cannot happen before a division holds the request', () => {
    given(play([receivedByEmail()]))
      .when(divisionAdvised())
      .thenRefused('FORBIDDEN');
    const bySpokesperson = command(
      'RecordConsultation',
      { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
      'spokesperson.legal',
      FRIDAY_MORNING,
    );
    given(play([receivedByEmail()]))
      .when(bySpokesperson)
      .thenRefused('INVALID_TRANSITION', /received/);
  });
});

describe('asking for a view', () => {
  it('asks the spokesperson, tells them, and puts the request in consultation', () => {
    given(assignedRequest())
      .when(spokespersonAsked())
      .then([
        {
          type: 'ConsultationRequested',
          schemaVersion: 1,
          occurredAt: '2026-11-23T09:00:00+06:00',
          actor: officer,
          data: {
            with: 'spokesperson',
            person: 'spokesperson.legal',
            question: 'May we share the 2025 readings?',
            notify: ['spokesperson.legal'],
          },
        },
      ]);
    const asked = fold(play([receivedByEmail(), assignedToLegal(), spokespersonAsked()]));
    expect(asked.status).toBe('in_consultation');
    expect(exists(asked) && pendingAsks(asked).map((a) => a.person)).toEqual(['spokesperson.legal']);
  });

  it('asks a colleague of the division as a division consultation', () => {
    const askChief = command(
      'RequestConsultation',
      { person: 'legal.chief', question: 'Anything confidential in the 2025 series?' },
      'legal.officer',
      FRIDAY_MORNING,
    );
    given(assignedRequest())
      .when(askChief)
      .then([
        expect.objectContaining({
          type: 'ConsultationRequested',
          data: expect.objectContaining({ with: 'division', person: 'legal.chief' }),
        }),
      ]);
  });

  it('tells the stand-in too while the spokesperson is on leave', () => {
    const away: PersonView[] = necs.directory.everyone().map((p) =>
      p.id === 'spokesperson.legal'
        ? {
            ...p,
            leave: {
              from: '2026-11-20T00:00:00+06:00',
              to: '2026-11-28T00:00:00+06:00',
              delegateTo: 'spokesperson.ppd',
            },
          }
        : p,
    );
    const directory = new Directory(necs.config, { people: away, divisions: necs.directory.allDivisions() });
    const result = createRequestDecider({ calendar: necs.calendar, directory }).decide(
      spokespersonAsked(),
      fold(assignedRequest()),
    );
    expect(result).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          person: 'spokesperson.legal',
          notify: ['spokesperson.legal', 'spokesperson.ppd'],
        }),
      }),
    ]);
  });

  it('still refuses the response while the spokesperson has only been asked', () => {
    given(play([receivedByEmail(), assignedToLegal(), spokespersonAsked()]))
      .when(fullResponse())
      .thenRefused('SPOKESPERSON_NOT_CONSULTED');
  });

  it('is answered when the spokesperson records their own outcome', () => {
    const answered = fold(play([receivedByEmail(), assignedToLegal(), spokespersonAsked(), spokespersonCleared()]));
    expect(exists(answered) && pendingAsks(answered)).toEqual([]);
    expect(exists(answered) && answered.consultationAsks[0]?.answeredAt).toBe('2026-11-23T10:00:00+06:00');
  });

  it('changes nothing when the same question is asked again before they answer', () => {
    given(play([receivedByEmail(), assignedToLegal(), spokespersonAsked()]))
      .when(spokespersonAsked('2026-11-23T09:05:00+06:00'))
      .thenNothingHappens();
  });

  it('refuses someone the agency does not know, and someone of another division who is no spokesperson', () => {
    given(assignedRequest())
      .when(command('RequestConsultation', { person: 'nobody', question: 'ok?' }, 'legal.officer', FRIDAY_MORNING))
      .thenRefused('UNKNOWN_PERSON', /not an active member/);
    given(assignedRequest())
      .when(command('RequestConsultation', { person: 'ppd.chief', question: 'ok?' }, 'legal.officer', FRIDAY_MORNING))
      .thenRefused('UNKNOWN_PERSON', /neither a media spokesperson nor in legal/);
  });

  it('is for the division’s staff: a spokesperson or another division cannot ask', () => {
    given(assignedRequest())
      .when(
        command(
          'RequestConsultation',
          { person: 'spokesperson.legal', question: 'ok?' },
          'spokesperson.ppd',
          FRIDAY_MORNING,
        ),
      )
      .thenRefused('FORBIDDEN');
    given(assignedRequest())
      .when(
        command(
          'RequestConsultation',
          { person: 'spokesperson.legal', question: 'ok?' },
          'ppd.officer',
          FRIDAY_MORNING,
        ),
      )
      .thenRefused('FORBIDDEN');
  });

  it('cannot happen before a division holds the request, nor after it was answered', () => {
    given(play([receivedByEmail()]))
      .when(spokespersonAsked())
      .thenRefused('FORBIDDEN');
    given(answeredRequest())
      .when(spokespersonAsked('2026-11-25T09:00:00+06:00'))
      .thenRefused('INVALID_TRANSITION', /responded/);
  });
});

describe('asking the requester for clarification', () => {
  it('stops the clock with the working days left', () => {
    // Tuesday 24 Nov, due Friday 27: Wednesday, Thursday and Friday are left
    given(readyToAnswer())
      .when(clarificationAsked())
      .then([
        expect.objectContaining({
          type: 'ClarificationRequested',
          data: { message: { inline: 'Which stations do you need?' }, remainingWorkingDays: 3 },
        }),
      ]);
  });

  it('restarts the clock from day 0 of the answer, with the days that were left', () => {
    // Answer on Monday 30 Nov: three working days after it is Thursday 3 Dec
    const history = play([receivedByEmail(), assignedToLegal(), spokespersonCleared(), clarificationAsked()]);
    given(history)
      .when(requesterAnswered())
      .then([
        expect.objectContaining({ type: 'RequesterMessageReceived' }),
        expect.objectContaining({
          type: 'ClarificationReceived',
          data: { previousDueAt: '2026-11-27T17:00:00+06:00', dueAt: '2026-12-03T17:00:00+06:00' },
        }),
      ]);
    const state = fold(
      play([receivedByEmail(), assignedToLegal(), spokespersonCleared(), clarificationAsked(), requesterAnswered()]),
    );
    expect(state).toMatchObject({ status: 'in_consultation', dueAt: '2026-12-03T17:00:00+06:00' });
  });

  it('allows no response while waiting for the requester', () => {
    given(play([receivedByEmail(), assignedToLegal(), spokespersonCleared(), clarificationAsked()]))
      .when(fullResponse('2026-11-25T10:00:00+06:00'))
      .thenRefused('INVALID_TRANSITION', /waiting for the requester/);
  });

  it('records a requester’s message outside a clarification without moving the due date', () => {
    given(assignedRequest())
      .when(requesterAnswered('2026-11-23T10:00:00+06:00'))
      .then([expect.objectContaining({ type: 'RequesterMessageReceived' })]);
  });
});

describe('extending the deadline', () => {
  const extend = (by: string, workingDays = 3) =>
    command(
      'ExtendDeadline',
      { workingDays, reason: 'data held by the regional office' },
      by,
      '2026-11-26T10:00:00+06:00',
    );

  it('is the division chief’s to grant, and moves the due date by working days', () => {
    given(assignedRequest())
      .when(extend('legal.chief'))
      .then([
        expect.objectContaining({
          type: 'DeadlineExtended',
          data: {
            workingDays: 3,
            reason: 'data held by the regional office',
            previousDueAt: '2026-11-27T17:00:00+06:00',
            dueAt: '2026-12-02T17:00:00+06:00',
          },
        }),
      ]);
  });

  it('is refused to the officer and to another division’s chief', () => {
    given(assignedRequest()).when(extend('legal.officer')).thenRefused('FORBIDDEN');
    given(assignedRequest()).when(extend('ppd.chief')).thenRefused('FORBIDDEN');
  });

  it('has a limit in all', () => {
    const history = play([receivedByEmail(), assignedToLegal(), extend('legal.chief', 8)]);
    given(history)
      .when(extend('legal.chief', 3))
      .thenRefused('EXTENSION_LIMIT_EXCEEDED', /at most 10/);
  });

  it('is not possible while the clock is stopped', () => {
    given(play([receivedByEmail(), assignedToLegal(), clarificationAsked()]))
      .when(extend('legal.chief'))
      .thenRefused('INVALID_TRANSITION');
  });
});

describe('responding', () => {
  it('needs a spokesperson consultation, even after the division was consulted', () => {
    given(play([receivedByEmail(), assignedToLegal(), divisionAdvised()]))
      .when(fullResponse())
      .thenRefused('SPOKESPERSON_NOT_CONSULTED');
  });

  it('sends the response to the requester with a copy to the archive', () => {
    given(readyToAnswer())
      .when(fullResponse())
      .then([
        {
          type: 'ResponseSent',
          schemaVersion: 1,
          occurredAt: '2026-11-24T15:00:00+06:00',
          actor: officer,
          data: {
            responseId: 'resp-1',
            body: { inline: 'Please find the readings attached.' },
            disposition: 'full',
            attachments: [],
            to: ['karma@example.bt'],
            cc: ['archive@necs.example'],
          },
        },
      ]);
  });

  it('answers to the Reply-To address when the request came with one', () => {
    const withReplyTo = receivedByEmail();
    const history = play([
      { ...withReplyTo, data: { ...withReplyTo.data, replyTo: 'office@example.bt' } },
      assignedToLegal(),
      spokespersonCleared(),
    ]);
    given(history)
      .when(fullResponse())
      .then([expect.objectContaining({ data: expect.objectContaining({ to: ['office@example.bt'] }) })]);
  });

  it('requires the reason for a partial or refused response', () => {
    const partial = command(
      'SendResponse',
      { responseId: 'r', body: { inline: 'some of it' }, disposition: 'partial', attachments: [] },
      'legal.officer',
      '2026-11-24T15:00:00+06:00',
    );
    given(readyToAnswer())
      .when(partial)
      .thenRefused('INVALID_INPUT', /reason/);
  });

  it('is not sent twice for the same response id, but a supplementary response may follow', () => {
    given(answeredRequest()).when(fullResponse('2026-11-25T10:00:00+06:00')).thenNothingHappens();
    given(answeredRequest())
      .when(fullResponse('2026-11-25T10:00:00+06:00', 'resp-2'))
      .then([
        expect.objectContaining({ type: 'ResponseSent', data: expect.objectContaining({ responseId: 'resp-2' }) }),
      ]);
  });

  it('is refused to an officer of another division', () => {
    const other = {
      ...fullResponse(),
      metadata: { ...fullResponse().metadata, actor: necs.directory.actorFor('ppd.officer')! },
    };
    given(readyToAnswer()).when(other).thenRefused('FORBIDDEN');
  });
});

describe('archiving and closing', () => {
  const archive = (topics: string[]) =>
    command('ArchiveRequest', { topics, publishable: true }, 'ict.officer', '2026-11-25T10:00:00+06:00');

  it('archives an answered request under its topics, tidied', () => {
    given(answeredRequest())
      .when(archive([' Air Quality ', 'air quality', 'PM2.5']))
      .then([
        expect.objectContaining({
          type: 'RequestArchived',
          data: { topics: ['air quality', 'pm2.5'], publishable: true },
        }),
      ]);
  });

  it('does not archive an unanswered request, nor one without a topic', () => {
    given(readyToAnswer())
      .when(archive(['air quality']))
      .thenRefused('INVALID_TRANSITION', /in consultation/);
    given(answeredRequest())
      .when(archive(['  ']))
      .thenRefused('INVALID_INPUT', /topic/);
  });

  it('closes spam at intake', () => {
    given(play([receivedByEmail()]))
      .when(command('CloseRequest', { reason: 'spam' }, 'ict.officer', FRIDAY_MORNING))
      .then([expect.objectContaining({ type: 'RequestClosed', data: { reason: 'spam' } })]);
  });

  it('lets the requester withdraw their own request through the portal, as their act, and close it for no other reason', () => {
    const requester = { kind: 'system' as const, component: 'requester' };
    given(play([receivedByEmail()]))
      .when(command('CloseRequest', { reason: 'withdrawn' }, requester, FRIDAY_MORNING))
      .then([expect.objectContaining({ type: 'RequestClosed', actor: requester, data: { reason: 'withdrawn' } })]);
    given(play([receivedByEmail()]))
      .when(command('CloseRequest', { reason: 'spam' }, requester, FRIDAY_MORNING))
      .thenRefused('FORBIDDEN', /withdraw/);
    given(play([receivedByEmail()]))
      .when(command('AddNote', { text: 'x' }, requester, FRIDAY_MORNING))
      .thenRefused('FORBIDDEN');
  });

  it('does not close an answered request (it is archived instead)', () => {
    given(answeredRequest())
      .when(command('CloseRequest', { reason: 'withdrawn' }, 'ict.officer', '2026-11-25T10:00:00+06:00'))
      .thenRefused('INVALID_TRANSITION');
  });

  it('accepts nothing but notes once closed or archived', () => {
    const closed = play([
      receivedByEmail(),
      assignedToLegal(),
      command(
        'CloseRequest',
        { reason: 'duplicate', note: 'same as NECS-2026-00000' },
        'legal.chief',
        '2026-11-23T10:00:00+06:00',
      ),
    ]);
    given(closed)
      .when(spokespersonCleared('2026-11-23T11:00:00+06:00'))
      .thenRefused('INVALID_TRANSITION', /closed/);
    given(closed).when(requesterAnswered('2026-11-23T11:00:00+06:00')).thenRefused('INVALID_TRANSITION');
    given(closed)
      .when(command('AddNote', { text: 'merged' }, 'legal.officer', '2026-11-23T11:00:00+06:00'))
      .then([expect.objectContaining({ type: 'NoteAdded' })]);
    const archived = play([
      receivedByEmail(),
      assignedToLegal(),
      spokespersonCleared(),
      fullResponse(),
      archive(['air quality']),
    ]);
    given(archived)
      .when(command('ExtendDeadline', { workingDays: 1, reason: 'x' }, 'legal.chief', '2026-11-26T10:00:00+06:00'))
      .thenRefused('INVALID_TRANSITION', /archived/);
  });
});

describe('notes', () => {
  it('are for staff, not auditors', () => {
    given(assignedRequest())
      .when(command('AddNote', { text: 'called the requester' }, 'secretary', '2026-11-23T10:00:00+06:00'))
      .then([expect.objectContaining({ type: 'NoteAdded' })]);
    given(assignedRequest())
      .when(command('AddNote', { text: 'x' }, 'auditor', '2026-11-23T10:00:00+06:00'))
      .thenRefused('FORBIDDEN');
  });
});

describe('outbound mail facts', () => {
  const sent = command(
    'RecordMailSent',
    { mailId: 'ack-1', purpose: 'acknowledgment', sesMessageId: 'ses-1', to: ['karma@example.bt'] },
    system('mailer'),
    FRIDAY_MORNING,
  );
  const delivered = command(
    'RecordDelivery',
    { sesMessageId: 'ses-1', recipients: ['karma@example.bt'], deliveredAt: '2026-11-20T04:01:00Z' },
    system('ses-events'),
    '2026-11-20T10:01:00+06:00',
  );

  it('records what SES accepted, once', () => {
    given(play([receivedByEmail()]))
      .when(sent)
      .then([expect.objectContaining({ type: 'MailSent', data: expect.objectContaining({ sesMessageId: 'ses-1' }) })]);
    given(play([receivedByEmail(), sent]))
      .when(sent)
      .thenNothingHappens();
  });

  it('is the system’s to record, not a person’s', () => {
    given(play([receivedByEmail()]))
      .when({ ...sent, metadata: { ...sent.metadata, actor: necs.directory.actorFor('ict.head')! } })
      .thenRefused('FORBIDDEN');
  });

  it('records a delivery once per recipient, even on an archived request', () => {
    const archivedAndSent = play([
      receivedByEmail(),
      sent,
      assignedToLegal(),
      spokespersonCleared(),
      fullResponse(),
      command('ArchiveRequest', { topics: ['air'], publishable: false }, 'ict.officer', '2026-11-25T10:00:00+06:00'),
    ]);
    given(archivedAndSent)
      .when(delivered)
      .then([expect.objectContaining({ type: 'ResponseDelivered' })]);
    given(play([receivedByEmail(), sent, delivered]))
      .when(delivered)
      .thenNothingHappens();
  });

  it('refuses a delivery report for mail this request never sent', () => {
    given(play([receivedByEmail()]))
      .when(delivered)
      .thenRefused('INVALID_INPUT', /no mail ses-1/);
  });
});

describe('SLA checks by the scan', () => {
  const check = (now: string) => command('CheckSla', {}, system('sla-scan'), now);

  it('leaves a request with two working days to go on track', () => {
    given(assignedRequest()).when(check('2026-11-25T12:00:00+06:00')).thenNothingHappens();
  });

  it('flags it at risk the working day before, once', () => {
    given(assignedRequest())
      .when(check('2026-11-26T10:00:00+06:00'))
      .then([
        {
          type: 'SlaAtRisk',
          schemaVersion: 1,
          occurredAt: '2026-11-26T10:00:00+06:00',
          actor: { kind: 'system', component: 'sla-scan' },
          data: { dueAt: '2026-11-27T17:00:00+06:00' },
        },
      ]);
    given(play([receivedByEmail(), assignedToLegal(), check('2026-11-26T10:00:00+06:00')]))
      .when(check('2026-11-26T15:00:00+06:00'))
      .thenNothingHappens();
  });

  it('flags a breach after close of office on the due date, once per due date', () => {
    given(assignedRequest())
      .when(check('2026-11-27T17:00:01+06:00'))
      .then([expect.objectContaining({ type: 'SlaBreached', data: { dueAt: '2026-11-27T17:00:00+06:00' } })]);
    given(play([receivedByEmail(), assignedToLegal(), check('2026-11-28T10:00:00+06:00')]))
      .when(check('2026-11-30T10:00:00+06:00'))
      .thenNothingHappens();
  });

  it('does nothing for an answered request or one waiting for the requester', () => {
    given(answeredRequest()).when(check('2026-12-01T10:00:00+06:00')).thenNothingHappens();
    given(play([receivedByEmail(), assignedToLegal(), clarificationAsked()]))
      .when(check('2026-12-01T10:00:00+06:00'))
      .thenNothingHappens();
  });

  it('records a breach alert digest once', () => {
    const alert = command(
      'RecordBreachAlert',
      {
        digestId: 'digest-legal.chief-2026-11-30',
        kind: 'breached',
        recipients: ['legal.chief'],
        dueAt: '2026-11-27T17:00:00+06:00',
      },
      system('notifier'),
      '2026-11-30T09:00:00+06:00',
    );
    given(assignedRequest())
      .when(alert)
      .then([expect.objectContaining({ type: 'BreachAlertSent' })]);
    given(play([receivedByEmail(), assignedToLegal(), alert]))
      .when(alert)
      .thenNothingHappens();
  });
});

describe('a change of calendar', () => {
  const recalculate = command(
    'RecalculateDueDate',
    { cause: { kind: 'holiday_declared', date: '2026-11-25', name: 'First snowfall' } },
    system('calendar'),
    '2026-11-25T08:00:00+06:00',
  );

  it('moves the due date of an open request and says why', () => {
    const snowDay = necs.calendar.withHoliday({ date: '2026-11-25', name: 'First snowfall' });
    given(assignedRequest(), snowDay)
      .when(recalculate)
      .then([
        expect.objectContaining({
          type: 'DueDateRecalculated',
          data: {
            previousDueAt: '2026-11-27T17:00:00+06:00',
            dueAt: '2026-11-30T17:00:00+06:00',
            cause: { kind: 'holiday_declared', date: '2026-11-25', name: 'First snowfall' },
          },
        }),
      ]);
  });

  it('changes nothing when the due date stays, or the request is answered', () => {
    given(assignedRequest()).when(recalculate).thenNothingHappens();
    given(answeredRequest(), necs.calendar.withHoliday({ date: '2026-11-25', name: 'First snowfall' }))
      .when(recalculate)
      .thenNothingHappens();
  });
});

describe('answering with a page the agency published', () => {
  it('closes the request with reason published and the page, by the division’s officer', () => {
    given(assignedRequest())
      .when(
        command(
          'AnswerWithPublishedPage',
          { url: 'https://www.necs.example/data/air-quality' },
          'legal.officer',
          '2026-11-23T10:00:00+06:00',
        ),
      )
      .then([
        {
          type: 'RequestClosed',
          schemaVersion: 1,
          occurredAt: '2026-11-23T10:00:00+06:00',
          actor: officer,
          data: { reason: 'published', url: 'https://www.necs.example/data/air-quality' },
        },
      ]);
  });

  it('is not for a request already answered', () => {
    given(answeredRequest())
      .when(
        command(
          'AnswerWithPublishedPage',
          { url: 'https://www.necs.example/x' },
          'legal.officer',
          '2026-11-25T10:00:00+06:00',
        ),
      )
      .thenRefused('INVALID_TRANSITION');
  });
});
