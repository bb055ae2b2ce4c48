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
import { calendarRoutes } from './routes/calendar.js';
import { holdingPenRoutes } from './routes/holding-pen.js';
import { reportRoutes } from './routes/reports.js';
import { requestRoutes } from './routes/requests.js';
import { websiteRoutes } from './routes/website.js';
import type { ApiEvent, ApiResult, ApiServices, Route } from './types.js';

/** API Gateway's own limit on a request body. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export const allRoutes: readonly Route[] = [...requestRoutes, ...calendarRoutes, ...holdingPenRoutes, ...reportRoutes, ...websiteRoutes];

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
      const result = await route.handle({
        actor,
        params,
        query: event.queryStringParameters ?? {},
        body: event.parsedBody,
        ...(key ? { idempotencyKey: `${method} ${event.rawPath} ${key}` } : {}),
        now: services.now().toISOString(),
        services,
      });
      return {
        statusCode: result.status,
        headers: { 'content-type': result.contentType ?? 'application/json' },
        body: typeof result.body === 'string' ? result.body : JSON.stringify(result.body),
      };
    });
};
