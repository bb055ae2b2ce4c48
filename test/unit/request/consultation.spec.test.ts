import { describe, expect, it } from '@jest/globals';
import { fold, type Request } from '../../../domain/request/state.js';
import { requestView } from '../../../domain/views/request-view.js';
import {
  assignedRequest,
  assignedToLegal,
  clarificationAsked,
  command,
  given,
  play,
  receivedByEmail,
  spokespersonAsked,
  spokespersonCleared,
} from '../../support/request-spec.js';

// Asking for views and recording them: who may be asked what, and what the request's page then shows
// as still waiting for an answer.

const MONDAY = '2026-11-23T09:00:00+06:00';
const ask = (person: string, question: string, by = 'legal.officer', now = MONDAY) =>
  command('RequestConsultation', { person, question }, by, now);
const chiefAsked = (now = MONDAY) =>
  ask('legal.chief', 'Anything confidential in the 2025 series?', 'legal.officer', now);
const chiefAdvised = (now = '2026-11-23T11:00:00+06:00') =>
  command('RecordConsultation', { with: 'division', person: 'legal.chief', outcome: 'advice' }, 'legal.chief', now);
const pageOf = (events: Parameters<typeof fold>[0]) => requestView(fold(events) as Request);

describe('asking for a view', () => {
  it('is not for asking oneself: one’s own view is recorded as a consultation', () => {
    given(assignedRequest())
      .when(ask('legal.officer', 'Is this ours to answer?'))
      .thenRefused('INVALID_INPUT', /^ask someone else for their view; record your own as a consultation$/);
  });

  it('needs a question', () => {
    given(assignedRequest())
      .when(ask('spokesperson.legal', '   '))
      .thenRefused('INVALID_INPUT', /^the question is empty$/);
  });

  it('records the question without the spaces around it', () => {
    given(assignedRequest())
      .when(ask('spokesperson.legal', '  May we share the 2025 readings?\n'))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ question: 'May we share the 2025 readings?' }),
        }),
      ]);
  });

  it('asks the same person a new question, and another person the same question', () => {
    const asked = play([receivedByEmail(), assignedToLegal(), spokespersonAsked()]);
    given(asked)
      .when(ask('spokesperson.legal', 'And the 2024 readings?', 'legal.officer', '2026-11-23T09:10:00+06:00'))
      .then([expect.objectContaining({ data: expect.objectContaining({ question: 'And the 2024 readings?' }) })]);
    given(asked)
      .when(ask('spokesperson.ppd', 'May we share the 2025 readings?', 'legal.officer', '2026-11-23T09:10:00+06:00'))
      .then([expect.objectContaining({ data: expect.objectContaining({ person: 'spokesperson.ppd' }) })]);
  });

  it('while the requester is asked keeps the request waiting for them', () => {
    const waiting = play([
      receivedByEmail(),
      assignedToLegal(),
      clarificationAsked(),
      chiefAsked('2026-11-24T11:00:00+06:00'),
    ]);
    expect(pageOf(waiting)).toMatchObject({
      status: 'awaiting_clarification',
      asked: [expect.objectContaining({ person: 'legal.chief' })],
    });
  });
});

describe('recording a view', () => {
  it('while the requester is asked keeps the request waiting for them', () => {
    const waiting = play([
      receivedByEmail(),
      assignedToLegal(),
      clarificationAsked(),
      chiefAdvised('2026-11-24T11:00:00+06:00'),
    ]);
    expect(pageOf(waiting)).toMatchObject({
      status: 'awaiting_clarification',
      consultations: [expect.objectContaining({ person: 'legal.chief', outcome: 'advice' })],
    });
  });

  it('lets the division chief record the division’s view, as chief', () => {
    given(assignedRequest())
      .when(chiefAdvised())
      .then([
        expect.objectContaining({
          type: 'ConsultationRecorded',
          actor: { kind: 'user', userId: 'legal.chief', role: 'division_chief' },
          data: { with: 'division', person: 'legal.chief', outcome: 'advice' },
        }),
      ]);
  });

  it('answers what that person was asked, and leaves the others waiting', () => {
    const page = pageOf(
      play([receivedByEmail(), assignedToLegal(), spokespersonAsked(), chiefAsked(), spokespersonCleared()]),
    );
    expect(page.asked).toStrictEqual([
      {
        with: 'division',
        person: 'legal.chief',
        question: 'Anything confidential in the 2025 series?',
        askedAt: MONDAY,
      },
    ]);
  });

  it('keeps when each question was answered: a later answer answers only the later question', () => {
    const state = fold(
      play([
        receivedByEmail(),
        assignedToLegal(),
        chiefAsked(),
        chiefAdvised('2026-11-23T11:00:00+06:00'),
        ask('legal.chief', 'And the 2024 series?', 'legal.officer', '2026-11-24T09:00:00+06:00'),
        chiefAdvised('2026-11-24T12:00:00+06:00'),
      ]),
    ) as Request;
    expect(state.consultationAsks.map((a) => [a.question, a.answeredAt])).toStrictEqual([
      ['Anything confidential in the 2025 series?', '2026-11-23T11:00:00+06:00'],
      ['And the 2024 series?', '2026-11-24T12:00:00+06:00'],
    ]);
  });
});
