/**
 * The API routes that answer without sign-in on AWS. Plain data, no CDK import: the stack routes each of
 * them past the Cognito authorizer (every other path goes through the `$default` route, which keeps it),
 * throttles them apart from the staff's routes, and the tests check this list against the routes the API
 * marks `public` (functions/api/route-table.ts and the routes' `public: true`).
 *
 * The Lambda still decides: a route not marked `public` in the API answers 401 without a valid token even
 * when API Gateway lets it through, so listing a route here that the API does not serve (yet) is harmless.
 */
export interface PublicRoute {
  readonly method: 'GET' | 'POST';
  /** API Gateway's path syntax: `{id}` a segment, `{proxy+}` the rest of the path. */
  readonly path: string;
  /** Which throttle it shares: reads of public information, the requesters' portal, or a platform's webhook. */
  readonly tier: 'reference' | 'portal' | 'webhook';
}

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  // Public information and self-description (CONTRACT: "no auth" / "anyone").
  { method: 'GET', path: '/calendar/due-date', tier: 'reference' },
  { method: 'GET', path: '/calendar/holidays', tier: 'reference' },
  { method: 'GET', path: '/anchors', tier: 'reference' },
  { method: 'GET', path: '/published', tier: 'reference' },
  { method: 'GET', path: '/openapi.json', tier: 'reference' },
  { method: 'GET', path: '/docs', tier: 'reference' },
  { method: 'GET', path: '/docs/scalar.js', tier: 'reference' },
  // The requesters' portal: its JSON API (everything under /public/ is public by the contract's naming, so
  // routes the portal adds there need no change here) and its server-rendered pages and form posts.
  { method: 'GET', path: '/public/{proxy+}', tier: 'portal' },
  { method: 'POST', path: '/public/{proxy+}', tier: 'portal' },
  { method: 'GET', path: '/portal', tier: 'portal' },
  { method: 'GET', path: '/portal/{proxy+}', tier: 'portal' },
  { method: 'POST', path: '/portal/{proxy+}', tier: 'portal' },
  // Meta's webhook: the verify handshake (GET) and signed deliveries (POST, checked by the API).
  { method: 'GET', path: '/social/inbound/facebook', tier: 'webhook' },
  { method: 'POST', path: '/social/inbound/facebook', tier: 'webhook' },
];

/**
 * Route-level throttles (API Gateway applies each to one route, apart from the staff's `$default` route),
 * so that anonymous traffic on public routes cannot use up what the staff's requests need.
 */
export const THROTTLES = {
  staff: { rateLimit: 20, burstLimit: 50 },
  reference: { rateLimit: 5, burstLimit: 10 },
  portal: { rateLimit: 10, burstLimit: 20 },
  webhook: { rateLimit: 5, burstLimit: 10 },
} as const satisfies Record<'staff' | PublicRoute['tier'], { rateLimit: number; burstLimit: number }>;

/** The API Gateway route key of a public route, e.g. `GET /anchors`. */
export const routeKey = (r: Pick<PublicRoute, 'method' | 'path'>): string => `${r.method} ${r.path}`;
