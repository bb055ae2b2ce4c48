import { describe, expect, it } from '@jest/globals';
import { InvalidEventError } from '../../../events/errors.js';
import type { RequestEvent } from '../../../events/request-events.js';
import { clipText } from '../../../events/text.js';
import { validateEvents } from '../../../events/validate-events.js';

const note = (text: string): RequestEvent => ({
  type: 'NoteAdded',
  schemaVersion: 1,
  occurredAt: '2026-11-23T10:00:00+06:00',
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
  data: { text },
});
const consultation = (note: string): RequestEvent => ({
  type: 'ConsultationRecorded',
  schemaVersion: 2,
  occurredAt: '2026-11-23T10:00:00+06:00',
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
  data: { with: 'division', person: 'legal.chief', outcome: 'advice', note },
});
const recalculated = (cause: Record<string, unknown>): RequestEvent =>
  ({
    type: 'DueDateRecalculated',
    schemaVersion: 1,
    occurredAt: '2026-11-23T10:00:00+06:00',
    actor: { kind: 'system', component: 'calendar' },
    data: { previousDueAt: '2026-12-17T17:00:00+06:00', dueAt: '2026-12-18T17:00:00+06:00', cause },
  }) as RequestEvent;
/** What `validateEvents` threw, for assertions on the error itself. */
const refusal = (run: () => void): unknown => {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected the events to be refused');
};
const archived = (topics: string[]): RequestEvent => ({
  type: 'RequestArchived',
  schemaVersion: 1,
  occurredAt: '2026-11-23T10:00:00+06:00',
  actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
  data: { topics, publishable: false },
});

describe('validating events before they are written', () => {
  it('lets events the catalogue reads back through', () => {
    expect(() => validateEvents('request#NECS-2026-00001', [note('a'), archived(['air quality'])])).not.toThrow();
  });

  it('refuses an event the catalogue would refuse to read, naming the stream and the event', () => {
    // "İ" lower-cases to two UTF-16 units: 60 of them are 120 characters, past the topic limit.
    const grown = 'İ'.repeat(60).toLowerCase();
    expect(() => validateEvents('request#NECS-2026-00001', [note('fine'), archived([grown])])).toThrow(
      InvalidEventError,
    );
    expect(() => validateEvents('request#NECS-2026-00001', [note('fine'), archived([grown])])).toThrow(
      /event 2 of 2 to request#NECS-2026-00001: cannot read RequestArchived v1/,
    );
  });

  it('accepts an event whose optional field is present but undefined, as deciders build them', () => {
    const withoutNote = {
      ...consultation('x'),
      data: { with: 'division', person: 'legal.chief', outcome: 'advice', note: undefined },
    };
    expect(() => validateEvents('request#X', [withoutNote as RequestEvent])).not.toThrow();
  });

  it('refuses text storage would alter (a lone surrogate), since the hash would no longer match', () => {
    expect(() => validateEvents('request#X', [note('half a character \uD83D')])).toThrow(
      /data\.text holds a lone surrogate/,
    );
  });

  it('clips text without splitting a character', () => {
    expect(clipText('ab😀', 3)).toBe('ab');
    expect(clipText('ab😀', 4)).toBe('ab😀');
    expect(clipText('x\uDC00y', 10)).toBe('x\uFFFDy');
  });

  it('names the list item that holds a lone surrogate, and which event of the batch it is in', () => {
    expect(() => validateEvents('request#X', [note('fine'), archived(['air quality', 'half \uDC00'])])).toThrow(
      'refused to write event 2 of 2 to request#X: data.topics[1] holds a lone surrogate',
    );
  });

  it('finds a lone surrogate in a field after well-formed ones', () => {
    expect(() => validateEvents('request#X', [consultation('cleared \uD83D')])).toThrow(
      'refused to write event 1 of 1 to request#X: data.note holds a lone surrogate',
    );
  });

  it('refuses with an error a log reader recognises by name, carrying the stream and what is wrong', () => {
    const err = refusal(() => validateEvents('request#X', [note('half \uD83D')]));
    expect(err).toBeInstanceOf(InvalidEventError);
    expect(String(err)).toBe(
      'InvalidEventError: refused to write event 1 of 1 to request#X: data.text holds a lone surrogate',
    );
    expect((err as InvalidEventError).streamId).toBe('request#X');

    const unreadable = refusal(() => validateEvents('request#Y', [archived(['İ'.repeat(60).toLowerCase()])]));
    expect(String(unreadable)).toMatch(
      /^InvalidEventError: refused to write event 1 of 1 to request#Y: cannot read RequestArchived v1/,
    );
    expect((unreadable as InvalidEventError).details).toEqual([
      expect.objectContaining({ path: ['data', 'topics', 0] }),
    ]);
  });

  it('lets a programming error (no event at all) surface as itself, not as a refused event', () => {
    const err = refusal(() => validateEvents('request#X', [undefined as unknown as RequestEvent]));
    expect(err).toBeInstanceOf(TypeError);
    expect(err).not.toBeInstanceOf(InvalidEventError);
  });

  it('refuses a due date moved for a holiday that names no date, or for an official list that names no year', () => {
    expect(() =>
      validateEvents('request#X', [recalculated({ kind: 'holiday_declared', date: '2026-12-17' })]),
    ).not.toThrow();
    expect(() =>
      validateEvents('request#X', [recalculated({ kind: 'official_list_recorded', year: 2027 })]),
    ).not.toThrow();
    for (const cause of [
      { kind: 'holiday_declared' },
      { kind: 'holiday_withdrawn', year: 2026 },
      { kind: 'official_list_recorded' },
      { kind: 'official_list_recorded', date: '2027-01-01' },
    ]) {
      const err = refusal(() => validateEvents('request#X', [recalculated(cause)]));
      expect(err).toBeInstanceOf(InvalidEventError);
      expect((err as Error).message).toContain('a holiday change names its date; an official list names its year');
    }
  });
});
