import { describe, expect, it } from '@jest/globals';
import { isGenuineMetaSignature, isOurVerifyToken, metaSignature } from '../../../domain/social/messages-signature.js';

const SECRET = 'local-app-secret';
const BODY = '{"object":"page","entry":[]}';

describe("Meta's webhook signature and verify token", () => {
  it('a genuine signature header with spaces around it is still genuine', () => {
    expect(isGenuineMetaSignature(BODY, ` ${metaSignature(BODY, SECRET)}\t`, SECRET)).toBe(true);
  });

  it('with no verify token configured, no token is ours, not even an empty one', () => {
    expect(isOurVerifyToken('', '')).toBe(false);
    expect(isOurVerifyToken('anything', '')).toBe(false);
  });
});
