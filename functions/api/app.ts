import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpCors from '@middy/http-cors';
import httpErrorHandler from '@middy/http-error-handler';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpRouterHandler, { type Route as MiddyRoute } from '@middy/http-router';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { Context } from 'aws-lambda';
import type { Authenticator } from './auth/authenticator.js';
import { HttpError } from './errors.js';
import { inMemoryIdempotentReplies } from './idempotency.js';
import { bodyLimit } from './middleware/body-limit.js';
import { contractErrors } from './middleware/contract-errors.js';
import { jsonBody } from './middleware/json-body.js';
import { serveRoute } from './serve-route.js';
import { loadRoute, ROUTE_TABLE, type RouteEntry } from './route-table.js';
import type { ApiEvent, ApiResult, ApiServices } from './types.js';

/** API Gateway's own limit on a request body. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ApiOptions {
  /** Origins allowed to call the API from a browser (the staff console's, when it is served elsewhere). */
  readonly corsOrigins?: readonly string[];
}

/** What the reference page needs to run (inline styles, its own bootstrap script); everything from this origin. */
const htmlPolicy = {
  'default-src': "'self'",
  'script-src': "'self' 'unsafe-inline'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'require-trusted-types-for': '',
  'trusted-types': '',
  // middy's defaults sandbox the page and upgrade requests to https; the reference runs scripts, and locally it is served over http.
  sandbox: undefined,
  'upgrade-insecure-requests': undefined,
} as unknown as Record<string, string>;

/**
 * A route that sets its own Content-Security-Policy (the portal's pages: no inline script at all) keeps
 * it: the reference page's looser default, which http-security-headers writes on every HTML reply, goes.
 * Used before http-security-headers, so that its `after` runs after that one's.
 */
const routeOwnPolicy = (): MiddlewareObj<ApiEvent, ApiResult> => {
  const after = async (request: { response?: ApiResult | null }) => {
    const headers = request.response?.headers;
    if (headers && headers['content-security-policy'] !== undefined) delete headers['Content-Security-Policy'];
  };
  return { after, onError: after };
};

/**
 * The HTTP API as one middy handler, from middy's official middlewares: header normalizer → CORS →
 * security headers → error handler (the contract's error JSON) → size limit (413) → JSON body (400) →
 * http-router → the route (auth 401, its zod schemas, idempotency, the command) → reply.
 */
export const createApiHandler = (
  services: ApiServices,
  authenticator: Authenticator,
  logger = new Logger({ serviceName: 'api' }),
  options: ApiOptions = {},
) => {
  const replies = services.idempotentReplies ?? inMemoryIdempotentReplies();
  // A route's module (its schemas, its commands' wiring) loads with the first request the router sends it.
  const serveOnDemand = (entry: RouteEntry) => {
    let serve: Promise<ReturnType<typeof serveRoute>> | undefined;
    return async (event: ApiEvent, context: Context): Promise<ApiResult> => {
      if (!serve) {
        serve = loadRoute(entry).then((route) => serveRoute(route, { services, authenticator, replies }));
        serve.catch(() => (serve = undefined));
      }
      return (await serve)(event, context);
    };
  };
  const routes: MiddyRoute<ApiEvent, ApiResult>[] = ROUTE_TABLE.map((entry) => ({
    method: entry[0],
    path: entry[1],
    handler: serveOnDemand(entry),
  }));
  const known = ROUTE_TABLE.map(([method, path]) => ({
    method,
    pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}/?$`),
  }));
  const router = httpRouterHandler({
    routes,
    // An unknown path is a 404; a known path with another method a 405 (http-router says 404 to both).
    notFoundResponse: ({ method, path }) => {
      const allowed = known.filter((k) => k.pattern.test(path)).map((k) => k.method);
      if (allowed.length > 0)
        throw new HttpError(
          405,
          'METHOD_NOT_ALLOWED',
          `${method} is not allowed here; use ${[...new Set(allowed)].join(' or ')}`,
        );
      throw new HttpError(404, 'NOT_FOUND', 'no such route');
    },
  });
  return middy<ApiEvent, ApiResult, Error, Context>()
    .use(injectLambdaContext(logger))
    .use(httpHeaderNormalizer())
    .use(
      httpCors({
        origins: [...(options.corsOrigins ?? [])],
        disableBeforePreflightResponse: false,
        headers: 'authorization,content-type,idempotency-key,if-match',
        exposeHeaders: 'etag',
        methods: 'GET,POST,OPTIONS',
        maxAge: 600,
      }),
    )
    .use(routeOwnPolicy())
    .use(
      httpSecurityHeaders({
        contentSecurityPolicy: htmlPolicy,
        poweredBy: false,
        reportingEndpoints: false,
        reportTo: false,
      } as Parameters<typeof httpSecurityHeaders>[0]),
    )
    .use(httpErrorHandler({ logger: false }))
    .use(contractErrors(logger))
    .use(bodyLimit(MAX_BODY_BYTES))
    .use(jsonBody())
    .handler(router as unknown as (event: ApiEvent, context: Context) => Promise<ApiResult>);
};
