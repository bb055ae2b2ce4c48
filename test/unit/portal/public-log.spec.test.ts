import { describe, expect, it } from '@jest/globals';
import { disclosureMatches, publicDisclosureOf } from '../../../domain/portal/public-disclosure.js';
import { exists, fold, type Request } from '../../../domain/request/state.js';
import type { AttachmentRef, Requester } from '../../../events/primitives.js';
import type { RequestEvent } from '../../../events/request-events.js';
import {
  assignedToLegal,
  command,
  FRIDAY_MORNING,
  play,
  receivedByEmail,
  REF,
  spokespersonCleared,
} from '../../support/request-spec.js';

/**
 * The public log (`GET /public/log`): a response anyone may read once the request is archived as
 * publishable. It never names a member of the public; an agency is named by its organization.
 */

const readings: AttachmentRef = {
  filename: 'pm25-thimphu-2025.csv',
  contentType: 'text/csv',
  sizeBytes: 2048,
  sha256: 'a'.repeat(64),
  storageKey: 'attachments/NECS-2026-00001/pm25-thimphu-2025.csv',
};
const stations: AttachmentRef = {
  filename: 'stations.pdf',
  contentType: 'application/pdf',
  sizeBytes: 99_000,
  sha256: 'b'.repeat(64),
  storageKey: 'attachments/NECS-2026-00001/stations.pdf',
};

const KARMA: Requester = { name: 'Karma Wangmo', email: 'karma@example.bt', kind: 'public' };

/** A request from `requester` about `subject`, received on Friday morning and assigned to Legal, cleared to answer. */
const askedBy = (requester: Requester = KARMA, subject = 'Air quality data for Thimphu, 2025') => {
  const received = receivedByEmail();
  return [{ ...received, data: { ...received.data, requester, subject } }, assignedToLegal(), spokespersonCleared()];
};
const answer = (
  responseId: string,
  disposition: 'full' | 'partial' | 'refused',
  attachments: AttachmentRef[] = [],
  now = '2026-11-24T15:00:00+06:00',
) =>
  command(
    'SendResponse',
    {
      responseId,
      body: { inline: 'Please find the readings attached.' },
      disposition,
      ...(disposition === 'full' ? {} : { reason: 'Personal data of third parties.' }),
      attachments,
    },
    'legal.officer',
    now,
  );
const archived = (publishable = true) =>
  command(
    'ArchiveRequest',
    { topics: ['air quality', 'Thimphu'], publishable },
    'legal.officer',
    '2026-11-25T10:00:00+06:00',
  );

const stateOf = (events: readonly RequestEvent[]): Request => {
  const state = fold(events);
  if (!exists(state)) throw new Error('no request in the setup');
  return state;
};
/** The public log's entry of the request these commands make. */
const entryOf = (commands: Parameters<typeof play>[0]) => publicDisclosureOf(stateOf(play(commands)));

describe('the public log’s entry of a request', () => {
  it('shows an archived, publishable answer: subject, division, date of the answer, files, topics — no requester', () => {
    expect(entryOf([...askedBy(), answer('resp-1', 'full', [readings]), archived()])).toStrictEqual({
      id: REF,
      subject: 'Air quality data for Thimphu, 2025',
      respondedAt: '2026-11-24T15:00:00+06:00',
      division: 'legal',
      disposition: 'full',
      requesterKind: 'public',
      topics: ['air quality', 'thimphu'],
      attachments: [
        { filename: 'pm25-thimphu-2025.csv', sha256: 'a'.repeat(64), contentType: 'text/csv', sizeBytes: 2048 },
      ],
    });
  });

  it('is not there before the request is archived, nor when it was archived as not for publication', () => {
    expect(entryOf([...askedBy(), answer('resp-1', 'full')])).toBeUndefined();
    expect(entryOf([...askedBy(), answer('resp-1', 'full'), archived(false)])).toBeUndefined();
  });

  it('is not there for a request closed without a response', () => {
    const closed = command('CloseRequest', { reason: 'duplicate' }, 'ict.officer', FRIDAY_MORNING);
    expect(entryOf([receivedByEmail(), closed])).toBeUndefined();
  });

  it('dates the answer by the first response, gives the last one’s disposition, and lists the files of every response', () => {
    const entry = entryOf([
      ...askedBy(),
      answer('resp-1', 'partial', [readings]),
      answer('resp-2', 'full', [stations], '2026-11-25T09:00:00+06:00'),
      archived(),
    ]);
    expect(entry).toMatchObject({ respondedAt: '2026-11-24T15:00:00+06:00', disposition: 'full' });
    expect(entry?.attachments.map((a) => a.filename)).toStrictEqual(['pm25-thimphu-2025.csv', 'stations.pdf']);
  });

  it('names an agency that asked by its organization, and a member of the public by nothing, not even their employer', () => {
    const ministry: Requester = {
      name: 'Tashi Dema',
      email: 'tdema@moh.gov.bt',
      kind: 'agency',
      organization: 'Ministry of Health',
    };
    expect(entryOf([...askedBy(ministry), answer('resp-1', 'full'), archived()])).toMatchObject({
      requesterKind: 'agency',
      organization: 'Ministry of Health',
    });
    const employee: Requester = { ...KARMA, organization: 'Druk Green Power' };
    const entry = entryOf([...askedBy(employee), answer('resp-1', 'full'), archived()]);
    expect(entry?.requesterKind).toBe('public');
    expect(entry).not.toHaveProperty('organization');
  });
});

describe('the requester’s name and address in a public log subject', () => {
  const subjectOf = (requester: Requester, subject: string) =>
    entryOf([...askedBy(requester, subject), answer('resp-1', 'full'), archived()])?.subject;

  it('are withheld wherever and however they were written', () => {
    expect(subjectOf(KARMA, 'karma wangmo asks: air data for KARMA WANGMO’s school (reply to Karma@Example.bt)')).toBe(
      '[name withheld] asks: air data for [name withheld]’s school (reply to [name withheld])',
    );
  });

  it('are withheld even when they hold characters that mean something in a search pattern', () => {
    const requester: Requester = { name: 'Sonam (Lhamo)', email: 'sonam+air@example.bt', kind: 'public' };
    expect(subjectOf(requester, 'Air data for Sonam (Lhamo), sonam+air@example.bt')).toBe(
      'Air data for [name withheld], [name withheld]',
    );
  });

  it('are found when recorded with stray spaces around them', () => {
    expect(subjectOf({ name: ' Karma Wangmo ', kind: 'public' }, 'Air data requested by Karma Wangmo')).toBe(
      'Air data requested by [name withheld]',
    );
  });

  it('leave the subject whole when the requester gave only an initial, or no address', () => {
    expect(subjectOf({ name: 'K ', kind: 'public' }, 'Kitchen waste in Kabesa')).toBe('Kitchen waste in Kabesa');
    expect(subjectOf({ name: 'Dorji', kind: 'public' }, 'Noise near the school')).toBe('Noise near the school');
  });
});

describe('searching the public log', () => {
  const ministry: Requester = { name: 'Tashi Dema', kind: 'agency', organization: 'Ministry of Health' };
  const entry = () => {
    const d = entryOf([...askedBy(ministry, 'PM2.5 readings near hospitals'), answer('resp-1', 'full'), archived()]);
    if (!d) throw new Error('no entry in the setup');
    return d;
  };

  it('finds an entry by any of its words, in any case: subject, reference, division, organization and topics', () => {
    for (const q of [
      'readings',
      'HOSPITALS',
      'necs-2026-00001',
      'Legal',
      'ministry of health',
      'Air Quality',
      'thimphu',
    ])
      expect(disclosureMatches(entry(), q)).toBe(true);
  });

  it('finds an entry only when every word of the search is in it', () => {
    expect(disclosureMatches(entry(), '  hospitals   thimphu ')).toBe(true);
    expect(disclosureMatches(entry(), 'hospitals water')).toBe(false);
    expect(disclosureMatches(entry(), 'water')).toBe(false);
  });

  it('matches parts of words as one types: a single letter finds the entry exactly when the entry shows it', () => {
    const d = entryOf([...askedBy(), answer('resp-1', 'full'), archived()]);
    if (!d) throw new Error('no entry in the setup');
    const shown = [d.subject, d.id, d.division, ...d.topics].join('\n').toLowerCase();
    for (const letter of 'abcdefghijklmnopqrstuvwxyz')
      expect([letter, disclosureMatches(d, letter)]).toEqual([letter, shown.includes(letter)]);
  });

  it('does not run two topics into one word: "wastewater" does not find an entry on solid waste and water supply', () => {
    const topics = command(
      'ArchiveRequest',
      { topics: ['solid waste', 'water supply'], publishable: true },
      'legal.officer',
      '2026-11-25T10:00:00+06:00',
    );
    const d = entryOf([...askedBy(), answer('resp-1', 'full'), topics]);
    if (!d) throw new Error('no entry in the setup');
    expect(disclosureMatches(d, 'water')).toBe(true);
    expect(disclosureMatches(d, 'wastewater')).toBe(false);
  });

  it('does not find a member of the public’s entry by an organization it never shows', () => {
    const d = entryOf([
      ...askedBy({ ...KARMA, organization: 'Druk Green Power' }),
      answer('resp-1', 'full'),
      archived(),
    ]);
    expect(d && disclosureMatches(d, 'druk')).toBe(false);
  });
});
