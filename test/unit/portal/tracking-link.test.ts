import { describe, expect, it } from '@jest/globals';
import { isTrackingToken, trackingPath, trackingToken } from '../../../domain/portal/tracking-token.js';

/** The link in every mail to a requester that opens their request's tracking page. */

const REF = 'NECS-2026-00001';

describe('the tracking link', () => {
  it('opens the request’s page on the portal, with a token that page accepts', () => {
    const path = trackingPath('k', REF);
    const match = /^\/portal\/track\/NECS-2026-00001\?token=([0-9a-f]{32})$/.exec(path);
    expect(match).not.toBeNull();
    expect(isTrackingToken('k', REF, match?.[1])).toBe(true);
  });

  it('still opens the page when a mail program wrote the token in capitals', () => {
    expect(isTrackingToken('k', REF, trackingToken('k', REF).toUpperCase())).toBe(true);
  });

  it('opens nothing with a token cut short, lengthened or with one character changed', () => {
    const token = trackingToken('k', REF);
    const changed = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
    for (const given of [token.slice(0, -1), `${token}0`, changed, ''])
      expect(isTrackingToken('k', REF, given)).toBe(false);
  });

  it('opens nothing, and fails nothing, when the token came mangled with characters that are not plain letters', () => {
    const token = trackingToken('k', REF);
    const mangled = `${token.slice(0, -1)}é`;
    expect(mangled).toHaveLength(32);
    expect(isTrackingToken('k', REF, mangled)).toBe(false);
    expect(isTrackingToken('k', REF, `${token.slice(0, -2)}\u{1F600}`)).toBe(false);
  });
});
