import { describe, expect, it } from '@jest/globals';
import { referenceFromReplyAddress, replyToken } from '../../../domain/mail/reply-address.js';

const intake = 'requests@necs.example';
const secret = 'a-long-random-secret';
const ref = 'NECS-2026-00042';
const token = replyToken(secret, ref);
const addressWith = (t: string) => `requests+${ref}-${t}@necs.example`;

describe('a reply address whose token is not the whole token', () => {
  it('is accepted with the genuine twelve-character token', () => {
    expect(token).toMatch(/^[0-9a-f]{12}$/);
    expect(referenceFromReplyAddress(addressWith(token), intake, secret)).toBe(ref);
  });

  it.each([
    ['shortened by one character', token.slice(0, -1)],
    ['cut to its first half', token.slice(0, 6)],
    ['reduced to its first character', token.slice(0, 1)],
    ['lengthened by one character', `${token}0`],
    ['followed by another token', `${token}${token}`],
  ])('is refused when %s', (_, given) => {
    expect(referenceFromReplyAddress(addressWith(given), intake, secret)).toBeUndefined();
  });

  it('is refused with no token at all', () => {
    expect(referenceFromReplyAddress(`requests+${ref}-@necs.example`, intake, secret)).toBeUndefined();
    expect(referenceFromReplyAddress(`requests+${ref}@necs.example`, intake, secret)).toBeUndefined();
  });

  it('is read with the spaces a mail client leaves around it', () => {
    expect(referenceFromReplyAddress(`  ${addressWith(token)} `, intake, secret)).toBe(ref);
  });

  it('is refused on another mailbox of the domain, or when the intake address is only part of it', () => {
    expect(referenceFromReplyAddress(`help+${ref}-${token}@necs.example`, intake, secret)).toBeUndefined();
    expect(referenceFromReplyAddress(`evil+${addressWith(token)}`, intake, secret)).toBeUndefined();
    expect(
      referenceFromReplyAddress(
        `${addressWith(token)}.evil.example`.replace('@necs.example.evil.example', '@necs.example.evil'),
        intake,
        secret,
      ),
    ).toBeUndefined();
  });
});
