import { describe, expect, it } from '@jest/globals';
import { clipText, isWellFormedText } from '../../../events/text.js';

/**
 * A field's text is clipped to its limit after it is cleaned (lower-cased, trimmed), so what is stored
 * always fits the schema it is read with; a character written as two UTF-16 units is kept whole or dropped.
 */
describe('clipping text to a field limit', () => {
  it('keeps text at or under the limit as it is', () => {
    expect(clipText('Air quality in Thimphu', 22)).toBe('Air quality in Thimphu');
    expect(clipText('Air quality', 22)).toBe('Air quality');
    expect(clipText('', 5)).toBe('');
  });

  it('cuts text one unit over the limit back to the limit', () => {
    expect(clipText('Air quality!', 11)).toBe('Air quality');
  });

  it('keeps a full-width character at the cut, which is one unit and not half of one', () => {
    // U+FF0C, the full-width comma of Chinese and Japanese text, is above the surrogate range.
    expect(clipText('数据，请', 3)).toBe('数据，');
    // U+E000, the first private-use character, likewise.
    expect(clipText('ab\uE000c', 3)).toBe('ab\uE000');
  });

  it('drops a character whose two halves the cut would separate, at either end of the high-surrogate range', () => {
    // U+10000 is written \uD800\uDC00, U+10FFFF is \uDBFF\uDFFF: the lowest and highest high halves.
    expect(clipText('a\u{10000}b', 2)).toBe('a');
    expect(clipText('a\u{10FFFF}b', 2)).toBe('a');
    expect(clipText('a\u{10000}b', 3)).toBe('a\u{10000}');
  });

  it('does not drop the last character of text it did not cut, even a stray half of one', () => {
    // Nothing was cut: the stray half is kept in place, as the replacement character storage would show.
    expect(clipText('ab\uD83D', 10)).toBe('ab\uFFFD');
    expect(clipText('ab\uD83D', 3)).toBe('ab\uFFFD');
  });

  it('never leaves a lone half of a character in what it returns', () => {
    for (const text of ['x\uDC00y', '\uD800', 'ok\uDBFF', '😀😀😀']) {
      for (let max = 0; max <= text.length + 1; max += 1) {
        const clipped = clipText(text, max);
        expect(isWellFormedText(clipped)).toBe(true);
        expect(clipped.length).toBeLessThanOrEqual(max);
      }
    }
  });
});
