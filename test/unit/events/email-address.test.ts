import { describe, expect, it } from '@jest/globals';
import { EmailAddress, isEmailAddress, normalizeEmailAddress } from '../../../events/email-address.js';
import { Requester } from '../../../events/primitives.js';

describe('one definition of an email address', () => {
  it.each([
    'first&last@example.com',
    'user=x@example.org',
    "o'brien@example.ie",
    'a+tag@example.bt',
    'karma.wangmo@moe.gov.bt',
    'josé@example.es',
    'ཀརྨ@example.bt',
    '用户@例子.广告',
    '"john doe"@example.com',
    '{weird}~|#$%*@sub.example.co.uk',
  ])('accepts %s, which real mail uses', (address) => {
    expect(isEmailAddress(address)).toBe(true);
    expect(EmailAddress.safeParse(address).success).toBe(true);
    expect(Requester.safeParse({ name: 'J', email: address, kind: 'public' }).success).toBe(true);
  });

  it.each([
    'foo@bar',
    'bob@localhost',
    'email_from',
    '@example.com',
    'a@',
    'a..b@example.com',
    '.a@example.com',
    'a b@example.com',
    'a@exa mple.com',
    'a@[192.0.2.1]',
    'a@192.0.2.1',
    'a@-x.example',
  ])('refuses %s, which no reply can reach', (text) => {
    expect(isEmailAddress(text)).toBe(false);
  });

  it('refuses over-long addresses by their length, before looking inside', () => {
    expect(isEmailAddress(`${'a'.repeat(64)}@${'b'.repeat(60)}.example`)).toBe(true);
    expect(isEmailAddress(`${'a'.repeat(65)}@example.com`)).toBe(false);
    expect(isEmailAddress(`a@${'b.'.repeat(200)}example`)).toBe(false);
    // Prepare: the shape that made the old check quadratic. Act / Assess: answered at once, in linear work.
    const hostile = `a@${'.'.repeat(200_000)} x`;
    const started = performance.now();
    expect(isEmailAddress(hostile)).toBe(false);
    expect(isEmailAddress(`a@${'a.'.repeat(100_000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('accepts a domain of exactly 255 characters and refuses one of 256', () => {
    // Four 60-letter labels and a top-level label: the domain's length is 4 × 61 + the top label.
    const domainOf = (length: number): string => `${`${'b'.repeat(60)}.`.repeat(4)}${'c'.repeat(length - 244)}`;
    expect(domainOf(255)).toHaveLength(255);
    expect(isEmailAddress(`a@${domainOf(255)}`)).toBe(true);
    expect(isEmailAddress(`a@${domainOf(256)}`)).toBe(false);
    expect(EmailAddress.safeParse(`a@${domainOf(256)}`).success).toBe(false);
  });

  it.each(['karma.wangmo.moe.gov.bt', 'moe.gov.bt', 'a.b'])('refuses %s, a name without an @', (text) => {
    expect(isEmailAddress(text)).toBe(false);
  });

  it.each(['a@10.0.0.255', 'a@mail.example.123'])('refuses %s, whose top-level label is all digits', (text) => {
    expect(isEmailAddress(text)).toBe(false);
  });

  it.each(['a@example.x1', 'a@example.1x', 'a@3com.example'])(
    'accepts %s: digits beside letters in a label are a name, not an IP address',
    (address) => {
      expect(isEmailAddress(address)).toBe(true);
    },
  );

  it('stores an address trimmed and in lower case, so the same requester is recognised however they type it', () => {
    expect(normalizeEmailAddress('  Karma.Wangmo@MoE.Gov.BT \n')).toBe('karma.wangmo@moe.gov.bt');
    expect(normalizeEmailAddress('karma.wangmo@moe.gov.bt')).toBe('karma.wangmo@moe.gov.bt');
  });
});
