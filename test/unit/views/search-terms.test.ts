import { describe, expect, it } from '@jest/globals';
import { normaliseTerm, queryTerms, termsOf } from '../../../domain/views/search-terms.js';

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
});
