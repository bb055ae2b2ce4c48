import { describe, expect, it } from '@jest/globals';
import { formatReference, parseReference } from '../../../domain/request/reference.js';

describe('reference numbers', () => {
  it('are <PREFIX>-<YYYY>-<NNNNN>, padded to five digits and growing past them', () => {
    expect(formatReference('NECS', 2026, 1)).toBe('NECS-2026-00001');
    expect(formatReference('NECS', 2026, 123456)).toBe('NECS-2026-123456');
  });

  it('start at 1, in whole numbers', () => {
    expect(() => formatReference('NECS', 2026, 0)).toThrow('a reference sequence starts at 1, got 0');
    expect(() => formatReference('NECS', 2026, 1.5)).toThrow(RangeError);
  });

  it('read back into prefix, year and sequence', () => {
    expect(parseReference('NECS-2026-00042')).toEqual({ prefix: 'NECS', year: 2026, sequence: 42 });
    expect(parseReference('AB1-2027-123456')).toEqual({ prefix: 'AB1', year: 2027, sequence: 123456 });
  });

  it.each([
    'necs-2026-00001',
    'NECS-26-00001',
    'NECS-2026-0001',
    'N-2026-00001',
    'ABCDEFGHIJK-2026-00001',
    ' NECS-2026-00001',
    'NECS-2026-00001 ',
    'xNECS-2026-00001',
  ])('do not read %p as a reference', (text) => {
    expect(parseReference(text)).toBeUndefined();
  });
});
