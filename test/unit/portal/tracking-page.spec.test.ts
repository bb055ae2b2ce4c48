import { describe, expect, it } from '@jest/globals';
import { publicRequestView } from '../../../domain/portal/public-view.js';
import type { AttachmentRef } from '../../../events/primitives.js';
import type { RequestEvent } from '../../../events/request-events.js';
import { system } from '../../support/agency.js';
import {
  answeredRequest,
  assignedToLegal,
  clarificationAsked,
  command,
  FRIDAY_MORNING,
  play,
  receivedByEmail,
  REF,
  requesterAnswered,
  spokespersonAsked,
  spokespersonCleared,
} from '../../support/request-spec.js';

/**
 * The portal's tracking page (`GET /public/requests/{id}`) as the requester reads it: the status in their
 * words, the dates that matter to them, and the conversation — what they wrote and what the agency mailed them.
 */

const AGENCY = 'National Environment Commission Secretariat';
const ZONE = 'Asia/Thimphu';
const view = (events: readonly RequestEvent[]) => publicRequestView(events, AGENCY, ZONE);

const REQUESTER = { kind: 'system' as const, component: 'requester' };
const LATER = '2026-11-25T10:00:00+06:00';

const readings: AttachmentRef = {
  filename: 'pm25-thimphu-2025.csv',
  contentType: 'text/csv',
  sizeBytes: 2048,
  sha256: 'a'.repeat(64),
  storageKey: 'attachments/NECS-2026-00001/pm25-thimphu-2025.csv',
};
const map: AttachmentRef = {
  filename: 'stations.pdf',
  contentType: 'application/pdf',
  sizeBytes: 99_000,
  sha256: 'b'.repeat(64),
  storageKey: 'attachments/NECS-2026-00001/stations.pdf',
};
/** The files as the requester sees them: no storage key. */
const seen = ({ filename, contentType, sizeBytes, sha256 }: AttachmentRef) => ({
  filename,
  contentType,
  sizeBytes,
  sha256,
});

const answer = (disposition: 'full' | 'partial' | 'refused', reason?: string, attachments: AttachmentRef[] = []) =>
  command(
    'SendResponse',
    {
      responseId: `resp-${disposition}`,
      body: { inline: 'Please find the readings attached.' },
      disposition,
      ...(reason ? { reason } : {}),
      attachments,
    },
    'legal.officer',
    '2026-11-24T15:00:00+06:00',
  );
const cleared = () => [receivedByEmail(), assignedToLegal(), spokespersonCleared()];
const archive = (now = LATER) =>
  command('ArchiveRequest', { topics: ['air quality'], publishable: true }, 'legal.officer', now);
const withdrawn = (now = '2026-11-23T09:00:00+06:00') =>
  command('CloseRequest', { reason: 'withdrawn' }, REQUESTER, now);
const publishedPage = (now = '2026-11-23T10:00:00+06:00') =>
  command('AnswerWithPublishedPage', { url: 'https://www.necs.example/data/air-quality' }, 'legal.officer', now);

const ACKNOWLEDGMENT =
  'Dear Karma Wangmo,\n\n' +
  `Thank you for your request to the ${AGENCY}. It has been registered under the reference ${REF}.\n\n` +
  'We will respond within 5 working days, by Friday, 27 November 2026, 17:00 (Asia/Thimphu). If we need more ' +
  'information from you, we will write to you, and the time until your answer does not count against this date.\n\n' +
  `With kind regards,\n${AGENCY}`;

describe('the status a requester reads on the tracking page', () => {
  it('is "received" until a division takes the request, then "in progress" while it works and consults', () => {
    expect(view(play([receivedByEmail()]))).toMatchObject({ status: 'received', open: true });
    expect(view(play([receivedByEmail(), assignedToLegal()]))).toMatchObject({ status: 'in_progress', open: true });
    expect(view(play([receivedByEmail(), assignedToLegal(), spokespersonAsked()]))).toMatchObject({
      status: 'in_progress',
      open: true,
    });
  });

  it('is "awaiting your reply" while the agency waits for their answer, the clock stopped since it asked', () => {
    const waiting = view(play([receivedByEmail(), assignedToLegal(), clarificationAsked()]));
    expect(waiting).toMatchObject({ status: 'awaiting_your_reply', open: true });
    expect(waiting?.waitingSince).toBe('2026-11-24T10:00:00+06:00');
    const answered = view(play([receivedByEmail(), assignedToLegal(), clarificationAsked(), requesterAnswered()]));
    expect(answered).toMatchObject({ status: 'in_progress', open: true });
    expect(answered?.waitingSince).toBeNull();
  });

  it('is "responded" once answered, and stays so when the request is archived', () => {
    expect(view(answeredRequest())).toMatchObject({ status: 'responded', open: false });
    expect(view(play([...cleared(), answer('full'), archive()]))).toMatchObject({ status: 'responded', open: false });
  });

  it('is "responded" when the answer is a page the agency published, and "closed" for any other closing', () => {
    expect(view(play([receivedByEmail(), assignedToLegal(), publishedPage()]))).toMatchObject({
      status: 'responded',
      open: false,
      closeReason: 'published',
    });
    expect(view(play([receivedByEmail(), withdrawn()]))).toMatchObject({
      status: 'closed',
      open: false,
      closeReason: 'withdrawn',
    });
    const duplicate = command('CloseRequest', { reason: 'duplicate' }, 'ict.officer', FRIDAY_MORNING);
    expect(view(play([receivedByEmail(), duplicate]))).toMatchObject({ status: 'closed', closeReason: 'duplicate' });
  });

  it('is no page at all for a reference with no request', () => {
    expect(view([])).toBeUndefined();
  });
});

describe('the dates on the tracking page', () => {
  it('shows an open request as received and due, not answered, closed or waiting', () => {
    expect(view(play([receivedByEmail(), assignedToLegal()]))).toStrictEqual({
      id: REF,
      subject: 'Air quality data for Thimphu, 2025',
      status: 'in_progress',
      receivedAt: FRIDAY_MORNING,
      dueAt: '2026-11-27T17:00:00+06:00',
      waitingSince: null,
      respondedAt: null,
      closedAt: null,
      closeReason: null,
      open: true,
      messages: expect.any(Array),
    });
  });

  it('dates the answer by the first response, even when a second one follows', () => {
    const second = command(
      'SendResponse',
      { responseId: 'resp-2', body: { inline: 'And the 2024 readings.' }, disposition: 'full', attachments: [] },
      'legal.officer',
      LATER,
    );
    expect(view(play([...cleared(), answer('full'), second]))).toMatchObject({
      respondedAt: '2026-11-24T15:00:00+06:00',
      closedAt: null,
      closeReason: null,
    });
  });

  it('dates an answer by a published page on the day the request was closed with it', () => {
    expect(view(play([receivedByEmail(), assignedToLegal(), publishedPage()]))).toMatchObject({
      respondedAt: '2026-11-23T10:00:00+06:00',
      closedAt: '2026-11-23T10:00:00+06:00',
    });
  });

  it('shows when a request was withdrawn, with no answer date', () => {
    expect(view(play([receivedByEmail(), withdrawn()]))).toMatchObject({
      respondedAt: null,
      closedAt: '2026-11-23T09:00:00+06:00',
      closeReason: 'withdrawn',
    });
  });
});

describe('the conversation on the tracking page', () => {
  it('starts with what the requester sent, files included, and the acknowledgment as it was mailed, without its footer', () => {
    const received = receivedByEmail();
    const events = play([{ ...received, data: { ...received.data, attachments: [readings] } }]);
    expect(view(events)?.messages).toStrictEqual([
      {
        at: FRIDAY_MORNING,
        direction: 'in',
        kind: 'request',
        text: [{ inline: 'Could you share the monthly PM2.5 readings for Thimphu in 2025?' }],
        attachments: [seen(readings)],
      },
      { at: FRIDAY_MORNING, direction: 'out', kind: 'acknowledgment', text: [ACKNOWLEDGMENT], attachments: [] },
    ]);
  });

  it('has no acknowledgment for a request handed in with no address to mail one to', () => {
    const walkIn = command(
      'ReceiveRequest',
      {
        requestId: REF,
        channel: 'walk_in',
        requester: { name: 'Dorji', kind: 'public' },
        subject: 'Noise readings near the Changzamtog school',
        body: { inline: 'The 2025 readings, please.' },
        attachments: [],
        receivedAt: FRIDAY_MORNING,
      },
      'ict.officer',
      FRIDAY_MORNING,
    );
    expect(view(play([walkIn]))?.messages.map((m) => m.kind)).toStrictEqual(['request']);
  });

  it('shows the agency’s question and the requester’s answer with its files', () => {
    const answered = requesterAnswered();
    const events = play([
      receivedByEmail(),
      assignedToLegal(),
      clarificationAsked(),
      { ...answered, data: { ...answered.data, attachments: [map] } },
    ]);
    expect(view(events)?.messages.slice(2)).toStrictEqual([
      {
        at: '2026-11-24T10:00:00+06:00',
        direction: 'out',
        kind: 'clarification',
        text: [{ inline: 'Which stations do you need?' }],
        attachments: [],
      },
      {
        at: '2026-11-30T10:00:00+06:00',
        direction: 'in',
        kind: 'message',
        text: [{ inline: 'Thimphu core only.' }],
        attachments: [seen(map)],
      },
    ]);
  });

  it('shows a full answer as it was sent, with its files', () => {
    expect(view(play([...cleared(), answer('full', undefined, [readings, map])]))?.messages.at(-1)).toStrictEqual({
      at: '2026-11-24T15:00:00+06:00',
      direction: 'out',
      kind: 'response',
      text: [{ inline: 'Please find the readings attached.' }],
      attachments: [seen(readings), seen(map)],
    });
  });

  it('tells the requester what was withheld and why, in a partial answer or a refusal', () => {
    const partial = view(play([...cleared(), answer('partial', 'Personal data of third parties.')]));
    expect(partial?.messages.at(-1)?.text).toStrictEqual([
      { inline: 'Please find the readings attached.' },
      'Some of the information you asked for is withheld: Personal data of third parties.',
    ]);
    const refused = view(play([...cleared(), answer('refused', 'It would endanger a protected species.')]));
    expect(refused?.messages.at(-1)?.text).toStrictEqual([
      { inline: 'Please find the readings attached.' },
      'We are unable to provide the information you asked for: It would endanger a protected species.',
    ]);
  });

  it('points the requester to the page the agency published, when that is the answer', () => {
    expect(view(play([receivedByEmail(), assignedToLegal(), publishedPage()]))?.messages.at(-1)).toStrictEqual({
      at: '2026-11-23T10:00:00+06:00',
      direction: 'out',
      kind: 'published_answer',
      text: [
        'The information you asked for is published on our website, where anyone can read it at any time:',
        'https://www.necs.example/data/air-quality',
      ],
      attachments: [],
    });
  });

  it('records the requester’s own withdrawal as theirs', () => {
    expect(view(play([receivedByEmail(), withdrawn()]))?.messages.at(-1)).toStrictEqual({
      at: '2026-11-23T09:00:00+06:00',
      direction: 'in',
      kind: 'withdrawn',
      text: ['You withdrew this request.'],
      attachments: [],
    });
  });

  it('says nothing of a closing by the agency: a duplicate, or a withdrawal the agency recorded for them', () => {
    for (const reason of ['duplicate', 'withdrawn'] as const) {
      const closed = command('CloseRequest', { reason, note: 'same as NECS-2026-00000' }, 'ict.officer', LATER);
      expect(view(play([receivedByEmail(), closed]))?.messages.map((m) => m.kind)).toStrictEqual([
        'request',
        'acknowledgment',
      ]);
    }
  });

  it('leaves out the agency’s own record: assignment, consultations, notes and mail receipts', () => {
    const events = play([
      ...cleared(),
      spokespersonAsked(),
      command('AddNote', { text: 'Checked with the lab.' }, 'legal.officer', LATER),
      command(
        'RecordMailSent',
        { mailId: 'm1', purpose: 'acknowledgment', sesMessageId: 'ses-1', to: ['karma@example.bt'] },
        system('mailer'),
        FRIDAY_MORNING,
      ),
    ]);
    expect(view(events)?.messages.map((m) => m.kind)).toStrictEqual(['request', 'acknowledgment']);
  });
});
