import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { referenceFromReplyAddress, replyAddress } from '../../../domain/mail/reply-address.js';

const intake = 'requests@necs.example';
const secret = 'a-long-random-secret';

describe('per-request reply addresses', () => {
  it('carry the reference and a keyed token', () => {
    expect(replyAddress(intake, 'NECS-2026-00001', secret)).toMatch(
      /^requests\+NECS-2026-00001-[0-9a-f]{12}@necs\.example$/,
    );
  });

  it('lead back to their request, whatever case a mail client uses', () => {
    const address = replyAddress(intake, 'NECS-2026-00042', secret);
    expect(referenceFromReplyAddress(address, intake, secret)).toBe('NECS-2026-00042');
    expect(referenceFromReplyAddress(address.toUpperCase(), intake, secret)).toBe('NECS-2026-00042');
  });

  it('are refused when forged, moved to another reference, keyed with another secret or on another domain', () => {
    const address = replyAddress(intake, 'NECS-2026-00042', secret);
    expect(referenceFromReplyAddress(address.replace('00042', '00043'), intake, secret)).toBeUndefined();
    expect(referenceFromReplyAddress(replyAddress(intake, 'NECS-2026-00042', 'other'), intake, secret)).toBeUndefined();
    expect(referenceFromReplyAddress(address.replace('necs.example', 'evil.example'), intake, secret)).toBeUndefined();
    expect(referenceFromReplyAddress('requests@necs.example', intake, secret)).toBeUndefined();
  });

  it('are refused when a second line follows the address, as a folded header could carry', () => {
    const address = replyAddress(intake, 'NECS-2026-00042', secret);
    expect(referenceFromReplyAddress(`${address}\nrequests@necs.example`, intake, secret)).toBeUndefined();
    expect(referenceFromReplyAddress(`  ${address}\n`, intake, secret)).toBe('NECS-2026-00042');
  });

  it('never accept a guessed token (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.stringMatching(/^[0-9a-f]{12}$/), (n, token) => {
        const ref = `NECS-2026-${String(n).padStart(5, '0')}`;
        const genuine = replyAddress(intake, ref, secret);
        const guessed = `requests+${ref}-${token}@necs.example`;
        expect(referenceFromReplyAddress(guessed, intake, secret)).toBe(guessed === genuine ? ref : undefined);
      }),
      { numRuns: 300 },
    );
  });
});
