import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as z from 'zod';
import type { Route } from '../types.js';

/**
 * The API describes itself: `GET /openapi.json` is generated from the routes' own schemas (at build time for
 * the deployed bundle, on first ask where the API runs from its sources: `ApiServices.openApiDocument`), and `GET /docs`
 * is Scalar's API reference over it, its script served by the API too (no CDN). The Lambda bundle carries
 * the script as `docs/scalar.js` beside the handler (infra/constructs/functions.ts); elsewhere it comes
 * from node_modules.
 */
const scalarScript = (): Buffer => {
  const besideBundle = process.env.LAMBDA_TASK_ROOT
    ? join(process.env.LAMBDA_TASK_ROOT, 'docs', 'scalar.js')
    : undefined;
  const path =
    besideBundle && existsSync(besideBundle)
      ? besideBundle
      : createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
  return readFileSync(path);
};

/**
 * Relative URLs, so that the page works where the API is mounted under a prefix (`/api/docs` behind
 * CloudFront) as well as at the root (`/docs` locally); no inline script, so that a CSP of
 * `script-src 'self'` lets it run: Scalar's standalone script reads its settings from the data block.
 * Its AI agent is off: it would call Scalar's servers, which the CSP (rightly) refuses.
 */
const docsPage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Request Desk API reference</title>
  </head>
  <body>
    <noscript>The API reference needs JavaScript; the document itself is at <a href="openapi.json">openapi.json</a>.</noscript>
    <script id="api-reference" type="application/json" data-url="openapi.json" data-configuration="{&quot;withDefaultFonts&quot;:false,&quot;hideClientButton&quot;:false,&quot;telemetry&quot;:false,&quot;agent&quot;:{&quot;disabled&quot;:true}}"></script>
    <script src="docs/scalar.js"></script>
  </body>
</html>
`;

/** The docs routes: the document as the API's services provide it, its reference page and the page's script. */
export const docsRoutes = (): readonly Route[] => {
  let script: Buffer | undefined;
  return [
    {
      method: 'GET',
      path: '/openapi.json',
      public: true,
      summary: 'This API as an OpenAPI 3.1 document',
      description: 'Generated from the same zod schemas that validate each route’s input.',
      tags: ['reference'],
      replies: {
        200: {
          description: 'The OpenAPI document',
          schema: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }),
        },
      },
      handle: async ({ services }) => ({
        status: 200,
        body: await services.openApiDocument(),
        headers: { 'cache-control': 'public, max-age=300' },
      }),
    },
    {
      method: 'GET',
      path: '/docs',
      public: true,
      summary: 'A readable API reference (Scalar), built from /openapi.json',
      tags: ['reference'],
      replies: { 200: { description: 'An HTML page', contentType: 'text/html; charset=utf-8', schema: z.string() } },
      handle: async () => ({ status: 200, body: docsPage, contentType: 'text/html; charset=utf-8' }),
    },
    {
      method: 'GET',
      path: '/docs/scalar.js',
      public: true,
      summary: 'The API reference’s script, served here so that no CDN is needed',
      tags: ['reference'],
      replies: {
        200: { description: 'JavaScript', contentType: 'text/javascript; charset=utf-8', schema: z.string() },
      },
      handle: async () => ({
        status: 200,
        body: (script ??= scalarScript()).toString('utf8'),
        contentType: 'text/javascript; charset=utf-8',
        headers: { 'cache-control': 'public, max-age=86400' },
      }),
    },
  ];
};
