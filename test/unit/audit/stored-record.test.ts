import { describe, expect, it } from '@jest/globals';
import { chainEntryOf, storedRecordOf } from '../../../domain/audit/stored-record.js';
import { parseAnyEvent } from '../../../events/catalogue.js';
import { envelopeOf } from '../../../events/envelope.js';

// A stored item as the event store reads it back: the record, plus what the table adds.
const item = {
  streamId: 'request#RTI-2026-0001',
  version: 3,
  type: 'NoteAdded',
  schemaVersion: 1,
  occurredAt: '2026-11-23T10:00:00+06:00',
  actor: { kind: 'user' as const, userId: 'legal.officer', role: 'division_officer' as const },
  data: { text: 'Asked the division for the file.' },
  hash: 'a'.repeat(64),
  prevHash: 'b'.repeat(64),
  recordedAt: '2026-11-23T04:00:01.000Z',
  pk: 'request#RTI-2026-0001',
};

describe('a stored record, as histories and proof bundles show it', () => {
  it('a proof bundle holds the record and its chain links, in the order the offline verifier reads', () => {
    expect(JSON.stringify(storedRecordOf(item))).toBe(
      JSON.stringify({
        streamId: item.streamId,
        version: 3,
        type: 'NoteAdded',
        schemaVersion: 1,
        occurredAt: item.occurredAt,
        actor: item.actor,
        data: item.data,
        hash: item.hash,
        prevHash: item.prevHash,
      }),
    );
  });

  it('a history entry leaves out the stream and what the table adds', () => {
    expect(Object.keys(chainEntryOf(item))).toEqual([
      'version',
      'type',
      'schemaVersion',
      'occurredAt',
      'actor',
      'data',
      'hash',
      'prevHash',
    ]);
  });

  it('the catalogue parses a stored item once its own attributes are left out', () => {
    expect(() => parseAnyEvent(item)).toThrow();
    expect(parseAnyEvent(envelopeOf(item))).toEqual(envelopeOf(item));
  });
});
