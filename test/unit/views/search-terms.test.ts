import { describe, expect, it } from '@jest/globals';
import { MAX_TERMS_PER_REQUEST, normaliseTerm, queryTerms, termsOf } from '../../../domain/views/search-terms.js';

describe('search terms', () => {
  it('folds case and Latin diacritics but keeps Dzongkha vowel signs', () => {
    expect(normaliseTerm('Pélmo')).toBe('pelmo');
    expect(normaliseTerm('FOREST')).toBe('forest');
    expect(normaliseTerm('ཚུལ')).toBe('ཚུལ');
  });

  it('splits Dzongkha on the tsheg and shad, and indexes emails and references whole and in parts', () => {
    expect(termsOf('ནགས་ཚལ་གི་གནས་ཚུལ།')).toEqual(['ནགས', 'ཚལ', 'གི', 'གནས', 'ཚུལ']);
    expect(termsOf('NECS-2026-00001', 'sonam@example.bt')).toEqual([
      'necs-2026-00001',
      'necs',
      '2026',
      '00001',
      'sonam@example.bt',
      'sonam',
      'example',
      'bt',
    ]);
  });

  it('searches an email or a reference whole, other text word by word', () => {
    expect(queryTerms('Sonam@Example.bt')).toEqual(['sonam@example.bt']);
    expect(queryTerms('  Forest, fire  ')).toEqual(['forest', 'fire']);
  });

  it('indexes nothing for a part a request does not have (a walk-in requester has no e-mail address)', () => {
    expect(termsOf('NECS-2026-00002', 'Dorji', undefined, null, 'EIA report')).toEqual([
      'necs-2026-00002',
      'necs',
      '2026',
      '00002',
      'dorji',
      'eia',
      'report',
    ]);
  });

  it('keeps at most 60 terms of a long subject: the reference and the first words', () => {
    const words = Array.from({ length: 70 }, (_, i) => `word${i + 1}`);
    const terms = termsOf('NECS-2026-00003', words.join(' '));
    expect(MAX_TERMS_PER_REQUEST).toBe(60);
    expect(terms).toHaveLength(60);
    expect(terms.slice(0, 4)).toEqual(['necs-2026-00003', 'necs', '2026', '00003']);
    expect(terms.at(-1)).toBe('word56');
    expect(terms).not.toContain('word57');
  });
});
