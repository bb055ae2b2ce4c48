import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { publicDisclosureOf } from '../../../domain/portal/public-disclosure.js';
import { publicRequestView } from '../../../domain/portal/public-view.js';
import { exists, fold } from '../../../domain/request/state.js';
import type { RequestEvent } from '../../../events/request-events.js';

/**
 * For any history of a request — however its notes, consultations, asks, assignments and staff actions
 * interleave with what the requester and the agency wrote — the requester's view and the public log
 * never carry a note, a consultation (its person, note or question) or a staff member's id.
 */

const AT = '2026-11-23T03:00:00.000Z';
const REF = 'NECS-2026-00001';
/** Every secret carries a marker no public text has, so finding the marker is finding the secret. */
const staffId = fc.nat({ max: 9999 }).map((n) => `staffer${n}x`);
const secret = (label: string) =>
  fc.string({ minLength: 1, maxLength: 20 }).map((s) => `${label}${s.replace(/[^a-z]/gi, '')}Z`);
const staffActor = staffId.map((userId) => ({ kind: 'user' as const, userId, role: 'division_officer' as const }));
const publicText = fc.constantFrom('Here is the data.', 'Which months?', 'Thank you.', 'Attached are the readings.');

const received: RequestEvent = {
  type: 'RequestReceived',
  schemaVersion: 1,
  occurredAt: AT,
  actor: { kind: 'system', component: 'portal' },
  data: {
    requestId: REF,
    channel: 'web',
    requester: { name: 'Pema', email: 'pema@example.bt', kind: 'public' },
    subject: 'Air data',
    body: { inline: 'Please send.' },
    attachments: [],
    receivedAt: AT,
    responseWorkingDays: 5,
    dueAt: '2026-11-30T11:00:00.000Z',
  },
};

const later: fc.Arbitrary<RequestEvent> = fc.oneof(
  fc
    .record({ actor: staffActor, division: fc.constantFrom('legal', 'ppd'), assignee: staffId })
    .map(({ actor, division, assignee }): RequestEvent => ({
      type: 'RequestAssigned',
      schemaVersion: 1,
      occurredAt: AT,
      actor,
      data: { division, assignee },
    })),
  fc.record({ actor: staffActor, text: secret('NOTE') }).map(({ actor, text }): RequestEvent => ({
    type: 'NoteAdded',
    schemaVersion: 1,
    occurredAt: AT,
    actor,
    data: { text },
  })),
  fc
    .record({
      actor: staffActor,
      person: staffId,
      note: secret('VIEW'),
      outcome: fc.constantFrom('cleared' as const, 'advice' as const, 'concerns' as const),
      with: fc.constantFrom('division' as const, 'spokesperson' as const),
    })
    .map(({ actor, person, note, outcome, with: w }): RequestEvent => ({
      type: 'ConsultationRecorded',
      schemaVersion: 2,
      occurredAt: AT,
      actor,
      data: { with: w, person, outcome, note },
    })),
  fc
    .record({ actor: staffActor, person: staffId, question: secret('QUESTION') })
    .map(({ actor, person, question }): RequestEvent => ({
      type: 'ConsultationRequested',
      schemaVersion: 1,
      occurredAt: AT,
      actor,
      data: { with: 'spokesperson', person, question, notify: [person] },
    })),
  fc.record({ actor: staffActor, text: publicText }).map(({ actor, text }): RequestEvent => ({
    type: 'ClarificationRequested',
    schemaVersion: 1,
    occurredAt: AT,
    actor,
    data: { message: { inline: text }, remainingWorkingDays: 3 },
  })),
  publicText.map((text): RequestEvent => ({
    type: 'RequesterMessageReceived',
    schemaVersion: 1,
    occurredAt: AT,
    actor: { kind: 'system', component: 'email-intake' },
    data: { subject: 'Re: Air data', body: { inline: text }, attachments: [], receivedAt: AT, channel: 'email' },
  })),
  fc
    .record({
      actor: staffActor,
      text: publicText,
      disposition: fc.constantFrom('full' as const, 'partial' as const, 'refused' as const),
    })
    .map(({ actor, text, disposition }): RequestEvent => ({
      type: 'ResponseSent',
      schemaVersion: 1,
      occurredAt: AT,
      actor,
      data: {
        responseId: 'r1',
        body: { inline: text },
        disposition,
        ...(disposition === 'full' ? {} : { reason: 'Personal data of third parties.' }),
        attachments: [],
        to: ['pema@example.bt'],
        cc: ['archive@necs.example'],
      },
    })),
  fc.record({ actor: staffActor, publishable: fc.boolean() }).map(({ actor, publishable }): RequestEvent => ({
    type: 'RequestArchived',
    schemaVersion: 1,
    occurredAt: AT,
    actor,
    data: { topics: ['air quality'], publishable },
  })),
  fc
    .record({
      actor: staffActor,
      note: secret('CLOSENOTE'),
      reason: fc.constantFrom('duplicate' as const, 'spam' as const, 'out_of_scope' as const),
    })
    .map(({ actor, note, reason }): RequestEvent => ({
      type: 'RequestClosed',
      schemaVersion: 1,
      occurredAt: AT,
      actor,
      data: { reason, note },
    })),
  staffActor.map((actor): RequestEvent => ({
    type: 'SlaBreached',
    schemaVersion: 1,
    occurredAt: AT,
    actor,
    data: { dueAt: AT },
  })),
);

/** Everything of the history that must stay inside: staff ids, notes, consultations' persons, notes and questions. */
const secretsOf = (events: readonly RequestEvent[]): string[] =>
  events
    .flatMap((e) => [
      ...(e.actor.kind === 'user' ? [e.actor.userId] : []),
      ...(e.type === 'NoteAdded' ? [e.data.text] : []),
      ...(e.type === 'ConsultationRecorded' ? [e.data.person, e.data.note ?? ''] : []),
      ...(e.type === 'ConsultationRequested' ? [e.data.person, e.data.question] : []),
      ...(e.type === 'RequestAssigned' && e.data.assignee ? [e.data.assignee] : []),
      ...(e.type === 'RequestClosed' && e.data.note ? [e.data.note] : []),
    ])
    .filter((s) => s.length > 0);

describe('what the public sees of a request', () => {
  it('never contains a note, a consultation or a staff member, for any history', () => {
    fc.assert(
      fc.property(fc.array(later, { maxLength: 25 }), (rest) => {
        const events = [received, ...rest];
        const view = JSON.stringify(publicRequestView(events, 'National Environment Commission', 'Asia/Thimphu'));
        const state = fold(events);
        const disclosure = JSON.stringify(exists(state) ? (publicDisclosureOf(state) ?? null) : null);
        for (const s of secretsOf(events)) {
          expect(view).not.toContain(s);
          expect(disclosure).not.toContain(s);
        }
        // A member of the public is never named in the public log.
        expect(disclosure).not.toContain('Pema');
        expect(disclosure).not.toContain('pema@example.bt');
      }),
      { numRuns: 300 },
    );
  });

  it('keeps what the requester wrote and what the agency mailed them, in order', () => {
    const events: RequestEvent[] = [
      received,
      {
        type: 'NoteAdded',
        schemaVersion: 1,
        occurredAt: AT,
        actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
        data: { text: 'internal' },
      },
      {
        type: 'ClarificationRequested',
        schemaVersion: 1,
        occurredAt: AT,
        actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
        data: { message: { inline: 'Which months?' }, remainingWorkingDays: 4 },
      },
      {
        type: 'RequesterMessageReceived',
        schemaVersion: 1,
        occurredAt: AT,
        actor: { kind: 'system', component: 'requester' },
        data: {
          subject: 'Re: Air data',
          body: { inline: 'All of 2025.' },
          attachments: [],
          receivedAt: AT,
          channel: 'web',
        },
      },
    ];
    const view = publicRequestView(events, 'NECS', 'Asia/Thimphu');
    expect(view?.messages.map((m) => [m.direction, m.kind, m.text[0]])).toEqual([
      ['in', 'request', { inline: 'Please send.' }],
      ['out', 'acknowledgment', expect.stringContaining('registered under the reference NECS-2026-00001')],
      ['out', 'clarification', { inline: 'Which months?' }],
      ['in', 'message', { inline: 'All of 2025.' }],
    ]);
  });
});
