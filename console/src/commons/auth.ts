import { config } from './config';

/** The signed-in person as the console knows them: the roles decide which screens and actions it offers. */
export interface Me {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly division: string | null;
  readonly token: string;
}

const KEY = 'request-desk.session';

const oidc = async () => {
  const c = config();
  if (c.auth.kind !== 'cognito') throw new Error('not a Cognito deployment');
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  const base = `${window.location.origin}${import.meta.env.BASE_URL}`;
  // Authorization code with PKCE (oidc-client-ts's default for response_type "code").
  return new UserManager({
    authority: c.auth.authority,
    client_id: c.auth.clientId,
    redirect_uri: `${base}callback`,
    post_logout_redirect_uri: base,
    response_type: 'code',
    scope: 'openid email profile',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
};

const fromToken = (idToken: string): Me | undefined => {
  try {
    const claims = JSON.parse(atob((idToken.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : [];
    return {
      userId: String(claims['cognito:username'] ?? claims.sub),
      name: String(claims.name ?? claims.email ?? claims['cognito:username']),
      roles: groups,
      division: typeof claims['custom:division'] === 'string' ? claims['custom:division'] : null,
      token: idToken,
    };
  } catch {
    return undefined;
  }
};

/** The session in hand, if any. */
export const currentSession = async (): Promise<Me | undefined> => {
  const c = config();
  if (c.auth.kind === 'local') {
    const id = window.sessionStorage.getItem(KEY);
    const person = c.auth.people.find((p) => p.id === id);
    return person ? { userId: person.id, name: person.name, roles: person.roles, division: person.division ?? null, token: `local:${person.id}` } : undefined;
  }
  const user = await (await oidc()).getUser();
  return user && !user.expired && user.id_token ? fromToken(user.id_token) : undefined;
};

export const signInLocal = (userId: string) => window.sessionStorage.setItem(KEY, userId);

export const signInCognito = async () => (await oidc()).signinRedirect();

/** Finishes the Cognito redirect (`/console/callback`). */
export const completeCognitoSignIn = async () => (await oidc()).signinRedirectCallback();

export const signOut = async () => {
  window.sessionStorage.removeItem(KEY);
  if (config().auth.kind === 'cognito') await (await oidc()).signoutRedirect();
};
