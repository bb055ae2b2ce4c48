import { describe, expect, it } from '@jest/globals';
import { domainMatches, requesterFrom } from '../../../domain/intake/requester.js';

// Who a held mail's request is from, as the desk shows it once an officer lets the mail in.

const AGENCY_DOMAINS = ['*.gov.bt', 'necs.bt'];

describe('the requester of a mail', () => {
  it('is a member of the public, named as From names them, with the address in lower case', () => {
    expect(requesterFrom('Karma@Example.BT', 'Karma Wangmo', AGENCY_DOMAINS)).toEqual({
      name: 'Karma Wangmo',
      email: 'karma@example.bt',
      kind: 'public',
    });
  });

  it('is an agency when the address is at a configured agency domain, any sub-domain of a wildcard one', () => {
    expect(requesterFrom('officer@moe.gov.bt', 'MoE', AGENCY_DOMAINS).kind).toBe('agency');
    expect(requesterFrom('desk@GOV.BT', 'Gov', AGENCY_DOMAINS).kind).toBe('agency');
    expect(requesterFrom('desk@necs.bt', 'NECS', AGENCY_DOMAINS).kind).toBe('agency');
    expect(requesterFrom('desk@mail.necs.bt', 'NECS', AGENCY_DOMAINS).kind).toBe('public');
    expect(requesterFrom('someone@notgov.bt', 'Not gov', AGENCY_DOMAINS).kind).toBe('public');
    expect(requesterFrom('no-domain', 'Nobody', AGENCY_DOMAINS).kind).toBe('public');
  });

  it('is named by their address when From gives no name, or only blanks', () => {
    expect(requesterFrom('karma@example.bt', undefined, AGENCY_DOMAINS).name).toBe('karma@example.bt');
    expect(requesterFrom('karma@example.bt', ' \r\n\t ', AGENCY_DOMAINS).name).toBe('karma@example.bt');
  });

  it('has a one-line name: line breaks and tabs in From become single spaces, ends trimmed', () => {
    expect(requesterFrom('karma@example.bt', ' Karma\r\n\tWangmo ', AGENCY_DOMAINS).name).toBe('Karma Wangmo');
  });

  it('has a name of at most 200 characters', () => {
    expect(requesterFrom('karma@example.bt', 'K'.repeat(250), AGENCY_DOMAINS).name).toBe('K'.repeat(200));
    expect(requesterFrom(`${'k'.repeat(250)}@example.bt`, undefined, AGENCY_DOMAINS).name).toHaveLength(200);
  });
});

describe('an agency domain pattern', () => {
  it('with *. matches the domain itself and every sub-domain, in any case', () => {
    expect(domainMatches('gov.bt', '*.gov.bt')).toBe(true);
    expect(domainMatches('moe.gov.bt', '*.GOV.bt')).toBe(true);
    expect(domainMatches('a.b.gov.bt', '*.gov.bt')).toBe(true);
    expect(domainMatches('xgov.bt', '*.gov.bt')).toBe(false);
  });

  it('without *. matches only that domain', () => {
    expect(domainMatches('NECS.bt', 'necs.bt')).toBe(true);
    expect(domainMatches('mail.necs.bt', 'necs.bt')).toBe(false);
  });
});
