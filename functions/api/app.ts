import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Authenticator } from './auth/authenticator.js';
import { HttpError } from './errors.js';
import { bodyLimit } from './middleware/body-limit.js';
import { httpErrors } from './middleware/http-errors.js';
import { jsonBody } from './middleware/json-body.js';
import { Router } from './router.js';
import { anchorRoutes } from './routes/anchors.js';
import { calendarRoutes } from './routes/calendar.js';
import { docsRoutes } from './routes/docs.js';
import { meRoutes } from './routes/me.js';
import { holdingPenRoutes } from './routes/holding-pen.js';
import { peopleRoutes } from './routes/people.js';
import { reportRoutes } from './routes/reports.js';
import { requestRoutes } from './routes/requests.js';
import { websiteRoutes } from './routes/website.js';
import type { ApiEvent, ApiResult, ApiServices, Route, RouteInput } from './types.js';

/** API Gateway's own limit on a request body. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Every route of the API, as data: the router serves them and `GET /openapi.json` describes them, so a
 * route added here is documented from its own schemas (`test/unit/api/openapi.test.ts` checks both).
 */
export const allRoutes: readonly Route[] = [
  ...requestRoutes,
  ...calendarRoutes,
  ...holdingPenRoutes,
  ...reportRoutes,
  ...peopleRoutes,
  ...meRoutes,
  ...websiteRoutes,
  ...anchorRoutes,
  ...docsRoutes(() => allRoutes),
];

/**
 * The HTTP API as one middy handler: size limit (413) → JSON body (400) → route → auth (401) →
 * the route's parse → command → reply; every failure becomes the contract's error JSON.
 */
export const createApiHandler = (services: ApiServices, authenticator: Authenticator, logger = new Logger({ serviceName: 'api' })) => {
  const router = new Router(allRoutes);
  return middy<ApiEvent & { parsedBody?: unknown }, ApiResult, Error, Context>()
    .use(injectLambdaContext(logger))
    .use(httpErrors(logger))
    .use(bodyLimit(MAX_BODY_BYTES))
    .use(jsonBody())
    .handler(async (event) => {
      const method = event.requestContext.http.method.toUpperCase();
      const { route, params } = router.match(method, event.rawPath);
      const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const actor = await authenticator.authenticate(headers.authorization);
      if (!route.public && !actor) throw new HttpError(401, 'UNAUTHENTICATED', 'a valid Authorization header is required');
      const key = headers['idempotency-key'];
      if (key !== undefined && !/^[\w.:-]{1,128}$/.test(key)) throw new HttpError(400, 'INVALID_INPUT', 'Idempotency-Key: 1–128 letters, digits, . _ : -');
      const validParams = route.params ? route.params.safeParse(params) : undefined;
      if (validParams && !validParams.success) throw new HttpError(404, 'NOT_FOUND', `no such ${route.path.split('/')[1] ?? 'resource'}: ${Object.values(params).join('/')}`);
      const query = route.query ? route.query.parse(event.queryStringParameters ?? {}) : (event.queryStringParameters ?? {});
      const body = route.body ? route.body.parse(event.parsedBody ?? {}) : event.parsedBody;
      const result = await route.handle({
        actor,
        params,
        query: query as RouteInput['query'],
        body,
        ...(key ? { idempotencyKey: `${method} ${event.rawPath} ${key}` } : {}),
        now: services.now().toISOString(),
        services,
      });
      return {
        statusCode: result.status,
        headers: { ...result.headers, 'content-type': result.contentType ?? 'application/json' },
        body: typeof result.body === 'string' ? result.body : JSON.stringify(result.body),
      };
    });
};
