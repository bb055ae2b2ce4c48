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
});
