import { describe, expect, it } from '@jest/globals';
import { AnyEvent, currentSchemaVersions, parseRequestEvent, parseAnyEvent } from '../../../events/catalogue.js';
import { UnknownEventError } from '../../../events/errors.js';

/** The error reading `stored` throws. */
const readError = (stored: unknown): unknown => {
  try {
    parseAnyEvent(stored);
  } catch (err) {
    return err;
  }
  throw new Error('expected the stored item to be refused');
};

const user = { kind: 'user', userId: 'legal.officer', role: 'division_officer' } as const;

describe('event catalogue', () => {
  it('holds every event of the workflow and the calendar', () => {
    // Prepare
    const required = [
      'RequestReceived',
      'RequestAssigned',
      'ConsultationRecorded',
      'ClarificationRequested',
      'ClarificationReceived',
      'RequesterMessageReceived',
      'DeadlineExtended',
      'ResponseSent',
      'ResponseDelivered',
      'ResponseBounced',
      'RequestArchived',
      'RequestClosed',
      'NoteAdded',
      'SlaAtRisk',
      'SlaBreached',
      'BreachAlertSent',
      'HolidayDeclared',
      'HolidayWithdrawn',
    ];
    // Act
    const known = AnyEvent.unwrap().options.map((o) => o.shape.type.value);
    // Assess
    expect(known).toEqual(expect.arrayContaining(required));
    expect(currentSchemaVersions().ConsultationRecorded).toBe(2);
  });

  it('requires an actor and an instant on every event', () => {
    const noActor = { type: 'NoteAdded', schemaVersion: 1, occurredAt: '2026-11-20T04:00:00Z', data: { text: 'x' } };
    const badTime = { type: 'NoteAdded', schemaVersion: 1, occurredAt: 'yesterday', actor: user, data: { text: 'x' } };

    expect(() => parseRequestEvent(noActor)).toThrow(UnknownEventError);
    expect(() => parseRequestEvent(badTime)).toThrow(/occurredAt/);
  });

  it('records the system as an actor by component', () => {
    const e = parseAnyEvent({
      type: 'SlaBreached',
      schemaVersion: 1,
      occurredAt: '2026-11-28T05:00:00Z',
      actor: { kind: 'system', component: 'sla-scan' },
      data: { dueAt: '2026-11-27T17:00:00+06:00' },
    });
    expect(e.actor).toEqual({ kind: 'system', component: 'sla-scan' });
  });

  it('rejects an unknown event type or schema version with a clear message', () => {
    expect(() =>
      parseRequestEvent({
        type: 'RequestTeleported',
        schemaVersion: 1,
        occurredAt: '2026-11-20T04:00:00Z',
        actor: user,
        data: {},
      }),
    ).toThrow(/cannot read RequestTeleported v1/);
    expect(() =>
      parseRequestEvent({
        type: 'NoteAdded',
        schemaVersion: 7,
        occurredAt: '2026-11-20T04:00:00Z',
        actor: user,
        data: { text: 'x' },
      }),
    ).toThrow(/cannot read NoteAdded v7/);
  });

  it('rejects unknown fields, so that a typo never becomes history', () => {
    expect(() =>
      parseRequestEvent({
        type: 'NoteAdded',
        schemaVersion: 1,
        occurredAt: '2026-11-20T04:00:00Z',
        actor: user,
        data: { text: 'x', txet: 'y' },
      }),
    ).toThrow(UnknownEventError);
  });
});

describe('upcasting', () => {
  it('reads a v1 ConsultationRecorded (spokesperson flag) as v2 (with whom)', () => {
    // Prepare: an event as the first version of the system wrote it
    const stored = {
      type: 'ConsultationRecorded',
      schemaVersion: 1,
      occurredAt: '2026-11-23T05:00:00Z',
      actor: user,
      data: { spokesperson: true, person: 'spokesperson.legal', outcome: 'cleared', note: 'fine to share' },
    };
    // Act
    const read = parseRequestEvent(stored);
    // Assess
    expect(read).toEqual({
      ...stored,
      schemaVersion: 2,
      data: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared', note: 'fine to share' },
    });
  });

  it('reads a v1 division consultation as with: division and leaves v2 events as they are', () => {
    const v1 = {
      type: 'ConsultationRecorded',
      schemaVersion: 1,
      occurredAt: '2026-11-23T05:00:00Z',
      actor: user,
      data: { spokesperson: false, person: 'legal.chief', outcome: 'advice' },
    };
    const v2 = { ...v1, schemaVersion: 2, data: { with: 'division', person: 'legal.chief', outcome: 'advice' } };

    expect(parseRequestEvent(v1)).toEqual(v2);
    expect(parseRequestEvent(v2)).toEqual(v2);
  });
});

describe('reading what is not an event', () => {
  it.each([null, undefined, 'NoteAdded', 42])('refuses %p as an event without type/schemaVersion', (stored) => {
    expect(() => parseAnyEvent(stored)).toThrow(UnknownEventError);
    expect(() => parseAnyEvent(stored)).toThrow(/^cannot read an event without type\/schemaVersion/);
    // What a log line shows: the error's name, then its message.
    expect(String(readError(stored))).toMatch(/^UnknownEventError: cannot read an event without type\/schemaVersion/);
  });
});
