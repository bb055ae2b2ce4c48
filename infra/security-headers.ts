/**
 * The Content-Security-Policies CloudFront sends (infra/constructs/console.ts). Plain strings, no CDK
 * import, so that browser tests can serve pages under exactly the policy they will get on AWS.
 */

/** The staff console and the API under `/api/*` (its JSON, and the API reference at `/api/docs`). */
export const consoleCsp = (region: string): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' https://cognito-idp.${region}.amazonaws.com https://*.auth.${region}.amazoncognito.com`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');

/**
 * The requesters' portal under `/portal…`: server-rendered HTML that works without JavaScript. Scripts and
 * styles only as files of its own origin (never inline: a page that needs one serves it from `/portal/…`),
 * forms posting only to itself, never framed. The policy the portal's pages set themselves (keep them in step), plus upgrade-insecure-requests.
 */
export const portalCsp = (): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
