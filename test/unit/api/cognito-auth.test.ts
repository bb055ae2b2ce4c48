import { describe, expect, it } from '@jest/globals';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { cognitoAuthenticator } from '../../../functions/api/auth/authenticator.js';
import { realMs } from '../../support/clock.js';

const userPoolId = 'ap-south-1_NECStest';
const clientId = 'necsclient123';
const issuer = `https://cognito-idp.ap-south-1.amazonaws.com/${userPoolId}`;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const sign = (claims: Record<string, unknown>, key = privateKey) => {
  const head = b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' });
  const body = b64(claims);
  return `${head}.${body}.${createSign('RSA-SHA256').update(`${head}.${body}`).sign(key).toString('base64url')}`;
};
// aws-jwt-verify checks expiry against the machine's real clock, so the tokens are made on it too.
const now = Math.floor(realMs() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: issuer,
  aud: clientId,
  token_use: 'id',
  sub: 'uuid-1',
  'cognito:username': 'legal.chief',
  'cognito:groups': ['division_chief', 'Everyone'],
  'custom:division': 'legal',
  iat: now,
  exp: now + 3600,
  ...extra,
});

describe('Cognito ID tokens on AWS', () => {
  const auth = cognitoAuthenticator(userPoolId, clientId, { keys: [jwk as never] });

  it('become an actor: groups that name roles, the custom division', async () => {
    expect(await auth.authenticate(`Bearer ${sign(claims())}`)).toEqual({
      kind: 'user',
      userId: 'legal.chief',
      roles: ['division_chief'],
      division: 'legal',
    });
  });

  it.each([
    ['expired', sign(claims({ exp: now - 60 }))],
    ['for another app client', sign(claims({ aud: 'someone-else' }))],
    ['signed by another key', sign(claims(), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)],
    ['an access token instead of an ID token', sign(claims({ token_use: 'access' }))],
    ['without any role group', sign(claims({ 'cognito:groups': ['Everyone'] }))],
  ])('are refused when %s', async (_why, token) => {
    expect(await auth.authenticate(`Bearer ${token}`)).toBeUndefined();
  });

  it('never accept the local stack’s bearer form', async () => {
    expect(await auth.authenticate('Bearer local:ict.head')).toBeUndefined();
  });
});
