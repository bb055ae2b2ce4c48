import type { Schemas } from './api';
import { config } from './config';

/**
 * The signed-in person as the console knows them: who they are, their roles and division come from the
 * API's `GET /me` (the directory as it stands today), so an appointment made at run time shows at once.
 */
export interface Me {
  readonly userId: string;
  readonly name: string;
  readonly email?: string;
  readonly roles: readonly string[];
  readonly division: string | null;
  /** What they may do beyond one request or update, as the API's policy decides it (the console keeps no copy). */
  readonly can: Schemas['Me']['can'];
  readonly token: string;
}

const KEY = 'request-desk.session';

/**
 * Where the session is kept: localStorage is shared by every tab of the browser (sessionStorage is one
 * tab's), so a link from an alert mail opened in a new tab arrives signed in.
 */
const sessionStore = () => window.localStorage;

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
    userStore: new WebStorageStateStore({ store: sessionStore() }),
  });
};

/** The bearer token of the session in hand, if any (who it belongs to is the API's to say: `GET /me`). */
export const currentToken = async (): Promise<string | undefined> => {
  const c = config();
  if (c.auth.kind === 'local') {
    const id = sessionStore().getItem(KEY);
    return id ? `local:${id}` : undefined;
  }
  const user = await (await oidc()).getUser();
  // The API's Cognito authorizer checks the ID token (its audience is the app client).
  return user && !user.expired && user.id_token ? user.id_token : undefined;
};

export const signInLocal = (userId: string) => sessionStore().setItem(KEY, userId);

export const signInCognito = async () => (await oidc()).signinRedirect();

/** Finishes the Cognito redirect (`/console/callback`). */
export const completeCognitoSignIn = async () => (await oidc()).signinRedirectCallback();

export const signOut = async () => {
  sessionStore().removeItem(KEY);
  if (config().auth.kind === 'cognito') await (await oidc()).signoutRedirect();
};
