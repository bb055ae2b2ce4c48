import { describe, expect, it } from '@jest/globals';
import { confirmationExpiresAt, isConfirmable, limitDay } from '../../../domain/portal/submission-rules.js';

/** How long a portal submission's confirmation link works, and which day its limits count against. */

const SUBMITTED = '2026-11-23T03:00:00.000Z';

describe('the confirmation link of a portal submission', () => {
  it('works for seven days, to the millisecond, from the moment the request was written', () => {
    expect(confirmationExpiresAt(SUBMITTED)).toBe('2026-11-30T03:00:00.000Z');
    expect(isConfirmable(SUBMITTED, '2026-11-23T03:00:00.000Z')).toBe(true);
    expect(isConfirmable(SUBMITTED, '2026-11-30T02:59:59.999Z')).toBe(true);
  });

  it('no longer works from the end of the seventh day on', () => {
    expect(isConfirmable(SUBMITTED, '2026-11-30T03:00:00.000Z')).toBe(false);
    expect(isConfirmable(SUBMITTED, '2026-12-15T09:00:00.000Z')).toBe(false);
  });
});

describe('the day a submission counts against', () => {
  it('is the agency’s day, not the server’s: half past midnight in Thimphu is already the next day', () => {
    expect(limitDay('2026-11-23T18:30:00.000Z', 'Asia/Thimphu')).toBe('2026-11-24');
    expect(limitDay('2026-11-23T17:59:59.000Z', 'Asia/Thimphu')).toBe('2026-11-23');
  });
});
