import { describe, expect, it } from '@jest/globals';
import { fold, type Request } from '../../../domain/request/state.js';
import { requestView } from '../../../domain/views/request-view.js';
import { system } from '../../support/agency.js';
import { playWith } from '../../support/decider-spec.js';
import {
  FRIDAY_MORNING,
  REF,
  assignedRequest,
  assignedToLegal,
  command,
  deciderWith,
  fullResponse,
  given,
  play,
  readyToAnswer,
  receivedByEmail,
  requesterAnswered,
  spokespersonCleared,
} from '../../support/request-spec.js';

// What a request remembers from its story, as its page (`GET /requests/{id}`) and the workflow's later
// decisions show it.

const readings = {
  filename: 'pm25-thimphu-2025.csv',
  contentType: 'text/csv',
  sizeBytes: 18_204,
  sha256: 'a'.repeat(64),
  storageKey: `attachments/${REF}/pm25-thimphu-2025.csv`,
};
const letter = {
  filename: 'letter.pdf',
  contentType: 'application/pdf',
  sizeBytes: 52_001,
  sha256: 'b'.repeat(64),
  storageKey: `attachments/${REF}/letter.pdf`,
};
const page = (events: Parameters<typeof fold>[0]) => requestView(fold(events) as Request);
const stateOf = (events: Parameters<typeof fold>[0]) => fold(events) as Request;
const after = (history: ReturnType<typeof play>, ...commands: Parameters<typeof play>[0]) =>
  playWith(deciderWith(), commands, history);

/** A letter handed in at the front desk by someone with no e-mail address, with the letter scanned. */
const walkIn = () =>
  command(
    'ReceiveRequest',
    {
      requestId: REF,
      channel: 'walk_in',
      requester: { name: 'Dorji', kind: 'public' },
      subject: 'EIA report',
      body: { inline: 'copy please' },
      attachments: [letter],
      receivedAt: FRIDAY_MORNING,
    },
    'ict.officer',
    FRIDAY_MORNING,
  );

describe('a new request', () => {
  it('keeps what came with it: the attachments', () => {
    given([])
      .when(walkIn())
      .then([expect.objectContaining({ data: expect.objectContaining({ attachments: [letter] }) })]);
  });

  it('starts with no view recorded, no stop of the clock and no extension', () => {
    const state = stateOf(play([walkIn()]));
    expect(state).toMatchObject({
      consultations: [],
      adjustments: [],
      extendedWorkingDays: 0,
      messageIds: [],
      flaggedBreached: [],
      alertDigests: [],
    });
    expect(page(play([walkIn()]))).toMatchObject({
      status: 'received',
      consultations: [],
      asked: [],
      notes: 0,
      slaBreachedFor: [],
    });
  });

  it('remembers the Message-ID of the requester’s mail, and of each reply, so replies thread onto it', () => {
    const reply = requesterAnswered('2026-11-23T10:00:00+06:00');
    const withId = { ...reply, data: { ...reply.data, messageId: '<reply-1@example.bt>' } };
    const state = stateOf(play([receivedByEmail(), assignedToLegal(), withId]));
    expect(state).toMatchObject({
      messageId: '<abc@example.bt>',
      messageIds: ['<abc@example.bt>', '<reply-1@example.bt>'],
    });
  });

  it('for a message to a social account, remembers the account it came to', () => {
    const social = receivedByEmail();
    const state = stateOf(play([{ ...social, data: { ...social.data, channel: 'social', account: '104882' } }]));
    expect(state.account).toBe('104882');
  });

  it('is opened only by its receipt: a later fact arriving first opens nothing', () => {
    const [, assigned] = assignedRequest();
    expect(fold([assigned!]).status).toBe('none');
  });

  it('is not opened twice: a second receipt of the same reference changes nothing', () => {
    const history = assignedRequest();
    const again = play([receivedByEmail()]);
    expect(page([...history, ...again])).toStrictEqual(page(history));
  });
});

describe('the requester’s messages', () => {
  it('are counted, and the last one says when the requester was last heard from', () => {
    const history = play([
      receivedByEmail(),
      assignedToLegal(),
      requesterAnswered('2026-11-23T10:00:00+06:00'),
      requesterAnswered('2026-11-24T10:00:00+06:00'),
    ]);
    expect(page(history)).toMatchObject({ requesterMessages: 2, dueAt: '2026-11-27T17:00:00+06:00' });
    expect(stateOf(history).lastHeardAt).toBe('2026-11-24T10:00:00+06:00');
  });
});

describe('a response', () => {
  const partial = (reason: string) =>
    command(
      'SendResponse',
      {
        responseId: 'resp-1',
        body: { inline: 'The 2025 readings, without the station names.' },
        disposition: 'partial',
        reason,
        attachments: [readings],
      },
      'legal.officer',
      '2026-11-24T15:00:00+06:00',
    );

  it('that withholds something carries its reason and its attachments, and shows them', () => {
    given(readyToAnswer())
      .when(partial('Station names are withheld under section 12.'))
      .then([
        expect.objectContaining({
          type: 'ResponseSent',
          data: expect.objectContaining({
            disposition: 'partial',
            reason: 'Station names are withheld under section 12.',
            attachments: [readings],
          }),
        }),
      ]);
    const answered = after(readyToAnswer(), partial('Station names are withheld under section 12.'));
    expect(stateOf(answered).responses[0]).toMatchObject({
      disposition: 'partial',
      reason: 'Station names are withheld under section 12.',
    });
    expect(page(answered)).toMatchObject({
      status: 'responded',
      responses: [expect.objectContaining({ attachments: 1 })],
    });
  });

  it('that withholds something needs a reason that is more than spaces', () => {
    given(readyToAnswer())
      .when(partial('   '))
      .thenRefused('INVALID_INPUT', /a partial response must give the reason information is withheld/);
  });

  it('to a requester with no e-mail address goes to no address (it is handed over), with the archive’s copy', () => {
    const history = play([walkIn(), assignedToLegal(), spokespersonCleared()]);
    given(history)
      .when(fullResponse())
      .then([expect.objectContaining({ data: expect.objectContaining({ to: [], cc: ['archive@necs.example'] }) })]);
  });
});

describe('the end of a request', () => {
  it('shows when it was archived and under which topics', () => {
    const archived = after(
      play([receivedByEmail(), assignedToLegal(), spokespersonCleared(), fullResponse()]),
      command(
        'ArchiveRequest',
        { topics: ['Air quality'], publishable: true },
        'ict.officer',
        '2026-11-25T10:00:00+06:00',
      ),
    );
    expect(page(archived)).toMatchObject({
      status: 'archived',
      archivedAt: '2026-11-25T10:00:00+06:00',
      topics: ['air quality'],
    });
  });

  it('shows when and why it was closed', () => {
    const closed = after(
      assignedRequest(),
      command(
        'CloseRequest',
        { reason: 'duplicate', note: 'same as NECS-2026-00000' },
        'legal.chief',
        '2026-11-23T10:00:00+06:00',
      ),
    );
    expect(page(closed)).toMatchObject({
      status: 'closed',
      closedAt: '2026-11-23T10:00:00+06:00',
      closeReason: 'duplicate',
    });
  });

  it('answered with a published page keeps the note to the requester', () => {
    given(assignedRequest())
      .when(
        command(
          'AnswerWithPublishedPage',
          { url: 'https://www.necs.example/data/air-quality', note: 'The 2025 readings are on this page.' },
          'legal.officer',
          '2026-11-23T10:00:00+06:00',
        ),
      )
      .then([
        expect.objectContaining({
          data: {
            reason: 'published',
            url: 'https://www.necs.example/data/air-quality',
            note: 'The 2025 readings are on this page.',
          },
        }),
      ]);
  });
});

describe('notes and SLA flags', () => {
  it('counts the notes', () => {
    const noted = after(
      assignedRequest(),
      command('AddNote', { text: 'Called the requester.' }, 'legal.officer', '2026-11-23T10:00:00+06:00'),
      command('AddNote', { text: 'Sent the data by post.' }, 'legal.officer', '2026-11-23T11:00:00+06:00'),
    );
    expect(page(noted)).toMatchObject({ notes: 2, status: 'assigned' });
    expect(stateOf(noted).flaggedAtRisk).toStrictEqual([]);
  });

  it('an at-risk flag leaves the request as it was, flagged for its due date', () => {
    const flagged = after(assignedRequest(), command('CheckSla', {}, system('sla-scan'), '2026-11-26T10:00:00+06:00'));
    expect(page(flagged)).toStrictEqual({ ...page(assignedRequest()), lastEventAt: '2026-11-26T10:00:00+06:00' });
    expect(stateOf(flagged).flaggedAtRisk).toStrictEqual(['2026-11-27T17:00:00+06:00']);
  });
});
