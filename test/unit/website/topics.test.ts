import { describe, expect, it } from '@jest/globals';
import { subjectMatchesTopic, suggestionsFor } from '../../../domain/website/topics.js';

describe('a request is about a published topic when every word of the topic is in its subject', () => {
  it('matches whatever the case and punctuation', () => {
    expect(subjectMatchesTopic('Copy of the ENVIRONMENTAL-clearance rules, please!', 'environmental clearance')).toBe(
      true,
    );
  });

  it('does not match when one word of the topic is missing', () => {
    expect(subjectMatchesTopic('Environmental rules for mining', 'environmental clearance')).toBe(false);
  });

  it('reads a plural as its singular, on either side', () => {
    expect(subjectMatchesTopic('All tender notices of 2026', 'tender notice')).toBe(true);
    expect(subjectMatchesTopic('The latest tender notice', 'tender notices')).toBe(true);
  });

  it('keeps a word ending in double s as it is ("access" is not "acces")', () => {
    expect(subjectMatchesTopic('Access to the archive', 'access')).toBe(true);
    expect(subjectMatchesTopic('Acces to the archive', 'access')).toBe(false);
  });

  it('leaves short words ending in s alone ("gas" and "bus" stay words)', () => {
    expect(subjectMatchesTopic('Gas prices', 'gas')).toBe(true);
    expect(subjectMatchesTopic('Ga prices', 'gas')).toBe(false);
    expect(subjectMatchesTopic('Gas prices', 'ga')).toBe(false);
  });

  it('ignores one-letter words in the topic', () => {
    expect(subjectMatchesTopic('Plan for Thimphu', 'a plan')).toBe(true);
  });

  it('matches words in other scripts and digits', () => {
    expect(subjectMatchesTopic('Budget 2026 རྩིས་ཐོ', 'budget 2026')).toBe(true);
    expect(subjectMatchesTopic('Budget 2025', 'budget 2026')).toBe(false);
  });

  it('reads an accented letter as the plain one, either way round', () => {
    expect(subjectMatchesTopic('Café licences', 'cafe licence')).toBe(true);
    expect(subjectMatchesTopic('Cafe licences', 'café licence')).toBe(true);
  });

  it('never matches a topic with no words', () => {
    expect(subjectMatchesTopic('Anything at all', '')).toBe(false);
    expect(subjectMatchesTopic('Anything at all', '— ! a')).toBe(false);
  });
});

describe('the pages suggested for a request', () => {
  it('suggests one page per matching topic, the latest one published, and leaves the others out', () => {
    expect(
      suggestionsFor('Tender notices for road works', [
        { topic: 'tender notice', url: 'https://www.necs.example/tenders-2025' },
        { topic: 'annual report', url: 'https://www.necs.example/annual-report' },
        { topic: 'tender notice', url: 'https://www.necs.example/tenders-2026' },
        { topic: 'road works', url: 'https://www.necs.example/roads' },
      ]),
    ).toStrictEqual([
      { topic: 'tender notice', url: 'https://www.necs.example/tenders-2026' },
      { topic: 'road works', url: 'https://www.necs.example/roads' },
    ]);
  });

  it('suggests nothing when no topic matches', () => {
    expect(suggestionsFor('Annual budget', [{ topic: 'tender notice', url: 'https://www.necs.example/t' }])).toEqual(
      [],
    );
  });
});
