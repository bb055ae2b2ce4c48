import { describe, expect, it } from '@jest/globals';
import { fold, type Request } from '../../../domain/request/state.js';
import type { RequestCommand } from '../../../domain/request/commands.js';
import {
  LIST_ENTRY_MAX_PARTS,
  LIST_ENTRY_MAX_QUESTION,
  listEntry,
  requestView,
  respondedAt,
} from '../../../domain/views/request-view.js';
import {
  FRIDAY_MORNING,
  REF,
  assignedToLegal,
  clarificationAsked,
  command,
  fullResponse,
  play,
  receivedByEmail,
  spokespersonCleared,
} from '../../support/request-spec.js';

// A request as staff see it: its page (`GET /requests/{id}`) and its entry in the lists and search
// results, which keeps only the latest of each repeated part so that every copy fits one write.
const stateOf = (commands: readonly RequestCommand[]) => fold(play(commands)) as Request;
const pageOf = (commands: readonly RequestCommand[]) => requestView(stateOf(commands));

const answeredWithPublishedPage = (now = '2026-11-23T10:00:00+06:00') =>
  command(
    'AnswerWithPublishedPage',
    { url: 'https://www.necs.example/data/air-quality', note: 'The 2025 readings are on this page.' },
    'legal.officer',
    now,
  );
const closedAsDuplicate = (now = '2026-11-23T10:00:00+06:00') =>
  command('CloseRequest', { reason: 'duplicate', note: 'same as NECS-2026-00000' }, 'legal.chief', now);
/** The legal officer asks the legal spokesperson the n-th question (each a new one, not a retry). */
const askedTheSpokesperson = (n: number, question = `Question ${n}: may we share these readings?`) =>
  command(
    'RequestConsultation',
    { person: 'spokesperson.legal', question },
    'legal.officer',
    `2026-11-23T${String(8 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00+06:00`,
  );
/** The legal chief gives the division's advice, the n-th time. */
const chiefAdvised = (n: number) =>
  command(
    'RecordConsultation',
    { with: 'division', person: 'legal.chief', outcome: 'advice' },
    'legal.chief',
    `2026-11-24T${String(8 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00+06:00`,
  );

describe('a request just received', () => {
  it('shows no division, no assignee, no answer, no stop of the clock, and no end yet', () => {
    expect(pageOf([receivedByEmail()])).toMatchObject({
      id: REF,
      status: 'received',
      receivedAt: FRIDAY_MORNING,
      dueAt: '2026-11-27T17:00:00+06:00',
      division: null,
      assignee: null,
      pausedAt: null,
      respondedAt: null,
      closedAt: null,
      closeReason: null,
      archivedAt: null,
      topics: [],
      responses: [],
    });
  });
});

describe('a request being worked on', () => {
  it('shows its division and assignee, the views recorded and the views still asked for', () => {
    const page = pageOf([receivedByEmail(), assignedToLegal(), askedTheSpokesperson(1), chiefAdvised(1)]);
    expect(page).toMatchObject({ status: 'in_consultation', division: 'legal', assignee: 'legal.officer' });
    expect(page.consultations).toStrictEqual([
      { with: 'division', person: 'legal.chief', outcome: 'advice', recordedAt: '2026-11-24T08:01:00+06:00' },
    ]);
    expect(page.asked).toStrictEqual([
      {
        with: 'spokesperson',
        person: 'spokesperson.legal',
        question: 'Question 1: may we share these readings?',
        askedAt: '2026-11-23T08:01:00+06:00',
      },
    ]);
  });

  it('waiting for the requester’s clarification shows since when its clock is stopped', () => {
    expect(pageOf([receivedByEmail(), assignedToLegal(), clarificationAsked()])).toMatchObject({
      pausedAt: '2026-11-24T10:00:00+06:00',
    });
  });
});

describe('when a request was answered', () => {
  it('is when its first response was sent, and the page lists the response', () => {
    const commands = [receivedByEmail(), assignedToLegal(), spokespersonCleared(), fullResponse()];
    expect(respondedAt(stateOf(commands))).toBe('2026-11-24T15:00:00+06:00');
    expect(pageOf(commands)).toMatchObject({
      status: 'responded',
      respondedAt: '2026-11-24T15:00:00+06:00',
      responses: [{ responseId: 'resp-1', sentAt: '2026-11-24T15:00:00+06:00', disposition: 'full', attachments: 0 }],
    });
  });

  it('is when the requester was pointed to a published page, which also closed it', () => {
    expect(pageOf([receivedByEmail(), assignedToLegal(), answeredWithPublishedPage()])).toMatchObject({
      respondedAt: '2026-11-23T10:00:00+06:00',
      closedAt: '2026-11-23T10:00:00+06:00',
      closeReason: 'published',
    });
  });

  it('is never, for a request closed for another reason', () => {
    expect(pageOf([receivedByEmail(), assignedToLegal(), closedAsDuplicate()])).toMatchObject({
      respondedAt: null,
      closedAt: '2026-11-23T10:00:00+06:00',
      closeReason: 'duplicate',
    });
  });
});

describe('a request in the lists and search results', () => {
  it('is its page, as is, while it has few parts', () => {
    const page = pageOf([receivedByEmail(), assignedToLegal(), askedTheSpokesperson(1), chiefAdvised(1)]);
    expect(listEntry(page)).toStrictEqual(page);
  });

  it('keeps the latest 20 views recorded and asked for; the page keeps them all', () => {
    const many = 23;
    const asks = Array.from({ length: many }, (_, i) => askedTheSpokesperson(i + 1));
    const advice = Array.from({ length: many }, (_, i) => chiefAdvised(i + 1));
    const page = pageOf([receivedByEmail(), assignedToLegal(), ...asks, ...advice]);
    const entry = listEntry(page);
    expect(LIST_ENTRY_MAX_PARTS).toBe(20);
    expect(page.asked).toHaveLength(many);
    expect(page.consultations).toHaveLength(many);
    expect(entry.asked).toHaveLength(20);
    expect(entry.asked[0]?.question).toBe('Question 4: may we share these readings?');
    expect(entry.asked.at(-1)?.question).toBe('Question 23: may we share these readings?');
    expect(entry.consultations).toHaveLength(20);
    expect(entry.consultations[0]?.recordedAt).toBe('2026-11-24T08:04:00+06:00');
    expect(entry.consultations.at(-1)?.recordedAt).toBe('2026-11-24T08:23:00+06:00');
    expect(entry).toMatchObject({ id: REF, status: 'in_consultation', division: 'legal', responses: [] });
  });

  it('shows the first 200 characters of a long question; the page shows it whole', () => {
    const long = `May we share the readings of ${'every station, '.repeat(30)}in 2025?`;
    const page = pageOf([receivedByEmail(), assignedToLegal(), askedTheSpokesperson(1, long)]);
    expect(LIST_ENTRY_MAX_QUESTION).toBe(200);
    expect(page.asked[0]?.question).toBe(long);
    expect(listEntry(page).asked).toStrictEqual([{ ...page.asked[0], question: long.slice(0, 200) }]);
  });
});
