import type { CognitoJwtVerifier } from 'aws-jwt-verify';
import { Role } from '../../../events/primitives.js';
import type { Actor } from '../../../domain/agency/actor.js';
import type { DirectoryReader } from '../../../domain/agency/directory.js';

/** Turns an Authorization header into the actor, or undefined when it proves nobody. */
export interface Authenticator {
  authenticate(authorization: string | undefined): Promise<Actor | undefined>;
}

/**
 * Local stack only: `Bearer local:<userId>` for anyone in the directory, and only while they are
 * active (as the directory stands now: a person added a moment ago signs in at once, a deactivated one
 * no longer). Never wired on AWS (the stack sets AUTH_MODE=cognito and nothing else reads this).
 */
export const localAuthenticator = (directory: DirectoryReader, now: () => Date = () => new Date()): Authenticator => ({
  authenticate: async (authorization) => {
    const m = /^Bearer local:([a-z0-9][a-z0-9._-]{0,63})$/.exec(authorization?.trim() ?? '');
    return m ? (await directory.asOf(now().toISOString())).actorFor(m[1] as string) : undefined;
  },
});

/**
 * On AWS: a Cognito ID token, verified with aws-jwt-verify (signature, expiry, issuer, audience).
 * With a directory, the person's roles, division and delegations come from it (Cognito's groups and
 * `custom:division` follow it, see functions/directory-sync); without one, from the token's groups.
 */
export const cognitoAuthenticator = (
  userPoolId: string,
  clientId: string,
  jwks?: Parameters<ReturnType<typeof CognitoJwtVerifier.create>['cacheJwks']>[0],
  directory?: DirectoryReader,
  now: () => Date = () => new Date(),
): Authenticator => {
  // aws-jwt-verify loads with the first token, not at start: a public request (the calendar) has none.
  let verifying: Promise<{ verify: (token: string) => Promise<Record<string, unknown>> }> | undefined;
  const verifier = () =>
    (verifying ??= import('aws-jwt-verify')
      .then(({ CognitoJwtVerifier: Verifier }) => {
        const verifier = Verifier.create({ userPoolId, clientId, tokenUse: 'id' });
        // Tests preload the key set; on AWS it is fetched from the user pool and cached.
        if (jwks) verifier.cacheJwks(jwks);
        return verifier;
      })
      .catch((err: unknown) => {
        // Not kept: a failed import (or a refused pool id) is tried again with the next token, not for the container's life.
        verifying = undefined;
        throw err;
      }));
  return {
    authenticate: async (authorization) => {
      const token = /^Bearer (.+)$/.exec(authorization?.trim() ?? '')?.[1];
      if (!token) return undefined;
      // A pool or client id the verifier refuses is a broken deployment (500), not a refused token.
      const tokens = await verifier();
      try {
        const claims = await tokens.verify(token);
        const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : [];
        const roles = groups.flatMap((g) => (Role.safeParse(g).success ? [g as Role] : []));
        const division = typeof claims['custom:division'] === 'string' ? claims['custom:division'] : undefined;
        const userId = typeof claims['cognito:username'] === 'string' ? claims['cognito:username'] : String(claims.sub);
        // The token proves who it is; what they may do is the directory's as it stands now, so an
        // appointment, leave or deactivation counts at once rather than when the token expires.
        if (directory) return (await directory.asOf(now().toISOString())).actorFor(userId);
        return roles.length === 0 ? undefined : { kind: 'user', userId, roles, ...(division ? { division } : {}) };
      } catch {
        return undefined;
      }
    },
  };
};
