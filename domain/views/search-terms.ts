/**
 * Search terms: the words a request is found by (reference, requester name and email, subject words),
 * normalised the same way when indexed and when searched.
 */

/** At most this many terms per request, so its read items stay within one transaction. */
export const MAX_TERMS_PER_REQUEST = 60;

const TSHEG_AND_SHAD = '\u0F0B-\u0F14';
const SEPARATORS = new RegExp(`[\\s${TSHEG_AND_SHAD}\\p{P}\\p{S}]+`, 'u');
const WHOLE = /^[^\s@]+@[^\s@]+$|^[A-Za-z]+-\d{4}-\d+$/;

/**
 * Lower case, compatibility forms folded (NFKD) and Latin diacritics dropped ("Pélmo" → "pelmo").
 * Only the combining diacritical marks block is stripped: Tibetan vowel signs are marks too, and
 * dropping them would change Dzongkha words.
 */
export const normaliseTerm = (word: string): string =>
  word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .normalize('NFC');

const partsOf = (chunk: string): string[] =>
  chunk
    .split(SEPARATORS)
    .map(normaliseTerm)
    .filter((w) => w.length > 0);

/** Terms to index for a text: each word (Dzongkha split on the tsheg), and emails and references whole too. */
export const termsOf = (...texts: readonly (string | null | undefined)[]): string[] => {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const chunk of (text ?? '').split(/\s+/)) {
      if (WHOLE.test(chunk)) terms.add(normaliseTerm(chunk));
      for (const part of partsOf(chunk)) terms.add(part);
    }
  }
  return [...terms].slice(0, MAX_TERMS_PER_REQUEST);
};

/** Terms of a search: an email or reference is searched whole, other text word by word. */
export const queryTerms = (q: string): string[] => {
  const terms = new Set<string>();
  for (const chunk of q.trim().split(/\s+/)) {
    if (WHOLE.test(chunk)) terms.add(normaliseTerm(chunk));
    else for (const part of partsOf(chunk)) terms.add(part);
  }
  return [...terms];
};
