import { describe, expect, it } from '@jest/globals';
import {
  decideSenderAllowance,
  MAX_ACKNOWLEDGMENTS_PER_SENDER_DAY,
  senderDay,
} from '../../../domain/intake/sender-allowance.js';

describe('acknowledgments to one sender a day', () => {
  it('are five: the sixth new mail is over the limit', () => {
    expect(MAX_ACKNOWLEDGMENTS_PER_SENDER_DAY).toBe(5);
    expect(decideSenderAllowance(['a', 'b', 'c', 'd'], 'e')).toEqual({ kind: 'take' });
    expect(decideSenderAllowance(['a', 'b', 'c', 'd', 'e'], 'f')).toEqual({ kind: 'over_limit', limit: 5 });
  });

  it('let a mail that took one go on when it comes again', () => {
    expect(decideSenderAllowance(['a', 'b', 'c', 'd', 'e'], 'c')).toEqual({ kind: 'already_taken' });
  });

  it('count the agency’s day in its time zone, not UTC’s', () => {
    // 18:30 UTC on the 23rd is half past midnight on the 24th in Thimphu (UTC+6)
    expect(senderDay('2026-11-23T18:30:00.000Z', 'Asia/Thimphu')).toBe('2026-11-24');
    expect(senderDay('2026-11-23T17:59:59.000Z', 'Asia/Thimphu')).toBe('2026-11-23');
  });
});
