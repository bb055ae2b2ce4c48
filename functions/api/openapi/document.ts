import * as z from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { ErrorReply } from '../schemas/replies.js';
import type { Route } from '../types.js';

/** The OpenAPI document as generated: a plain JSON object. */
export type OpenApiDocument = ReturnType<typeof createDocument>;

const errorContent = { content: { 'application/json': { schema: ErrorReply } } } as const;

/** Statuses every route may answer, described once. */
const commonErrors = (route: Route): Record<number, string | undefined> => ({
  ...(route.params || route.query || route.body || /\{\w+\}/.test(route.path)
    ? { 400: 'Invalid input: the details name each field and what is wrong' }
    : {}),
  ...(route.public ? {} : { 401: 'No valid `Authorization` header', 403: "The caller's roles do not allow this" }),
  ...(route.method === 'POST'
    ? {
        409: 'A transition the workflow forbids, or `IDEMPOTENCY_KEY_REUSED`: the same `Idempotency-Key` with another body',
        413: 'The body is over 10 MB',
      }
    : {}),
});

const pathParamsOf = (route: Route): z.ZodObject | undefined => {
  if (route.params) return route.params;
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  return names.length === 0 ? undefined : z.object(Object.fromEntries(names.map((n) => [n, z.string()])));
};

const IdempotencyKey = z
  .string()
  .regex(/^[\w.:-]{1,128}$/)
  .meta({
    description:
      'Makes the POST safe to retry: the same key and body return the first reply and append nothing; the same key with another body is a 409 `IDEMPOTENCY_KEY_REUSED`. Scoped to the caller and the route.',
  });

const IfMatch = z.string().meta({
  description:
    'The request’s version as `GET /requests/{id}` gave it in `ETag` (e.g. `"7"`): the command runs only if the request is still at that version, else 412 `STALE_VERSION`.',
});

const operationOf = (route: Route): ZodOpenApiOperationObject => {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, reply] of Object.entries(route.replies ?? { 200: { description: 'OK' } })) {
    const content = reply.schema
      ? {
          [reply.contentType ?? 'application/json']: { schema: reply.schema },
          ...Object.fromEntries(Object.entries(reply.alternatives ?? {}).map(([type, schema]) => [type, { schema }])),
        }
      : undefined;
    responses[status as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: reply.description,
      ...(content ? { content } : {}),
      ...(reply.headers
        ? {
            headers: z.object(
              Object.fromEntries(
                Object.entries(reply.headers).map(([name, h]) => [name, h.schema.meta({ description: h.description })]),
              ),
            ),
          }
        : {}),
    };
  }
  const errors = { ...commonErrors(route), ...route.errors };
  for (const [status, description] of Object.entries(errors))
    if (description) responses[status as `${1 | 2 | 3 | 4 | 5}${string}`] = { description, ...errorContent };
  responses.default = { description: 'Any other error, as the contract’s error JSON', ...errorContent };

  const params = pathParamsOf(route);
  const onRequest = route.method === 'POST' && route.path.startsWith('/requests/{id}/');
  const headers =
    route.method === 'POST'
      ? z.object({
          'Idempotency-Key': IdempotencyKey.optional(),
          ...(onRequest ? { 'If-Match': IfMatch.optional() } : {}),
        })
      : undefined;
  const requestParams = {
    ...(params ? { path: params } : {}),
    ...(route.query ? { query: route.query } : {}),
    ...(headers ? { header: headers } : {}),
  };
  return {
    operationId: operationIdOf(route),
    summary: route.summary ?? `${route.method} ${route.path}`,
    ...(route.description ? { description: route.description } : {}),
    tags: [...(route.tags ?? [tagOf(route.path)])],
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
    responses,
    security: route.public ? [] : [{ bearer: [] }],
  };
};

/** `POST /requests/{id}/assign` → `postRequestsIdAssign`: stable, unique per route, good for generated clients. */
export const operationIdOf = (route: Route): string =>
  route.method.toLowerCase() +
  route.path
    .split(/[/{}._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

const tagOf = (path: string): string => path.split('/')[1] || 'api';

/**
 * The OpenAPI 3.1 document of the given routes, generated from the zod schemas they validate with.
 * Pure: the same routes give the same document.
 */
export const openApiDocument = (
  routes: readonly Route[],
  info: { title?: string; version?: string; serverUrl?: string } = {},
): OpenApiDocument => {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    (item as Record<string, ZodOpenApiOperationObject>)[route.method.toLowerCase()] = operationOf(route);
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: info.title ?? 'Request Desk API',
      version: info.version ?? '1',
      description:
        'The HTTP API of Request Desk: information requests from intake to the archived record of what was shared. ' +
        'Errors are `{"error": {"code", "message", "details"?}}`; no input gets a 5xx. Every POST accepts `Idempotency-Key`. ' +
        'Locally, authenticate with `Authorization: Bearer local:<userId>`; on AWS with a Cognito ID token.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: info.serverUrl ?? '/' }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A Cognito ID token on AWS; `local:<userId>` on the local stack',
        },
      },
    },
    paths,
  });
};
