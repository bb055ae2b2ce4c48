import type { Context } from 'aws-lambda';
import type { Authenticator } from './auth/authenticator.js';
import { HttpError } from './errors.js';
import { RAW_BODY_PATHS } from './middleware/json-body.js';
import { fingerprintOf, scopedKey, type IdempotentReplies, type StoredReply } from './idempotency.js';
import type { ApiEvent, ApiResult, ApiServices, Route, RouteInput } from './types.js';

const KEY_FORMAT = /^[\w.:-]{1,128}$/;

/**
 * Path and query parameters are parsed without zod's compiled fast path: a few strings per request, for
 * which compiling it (on each schema's first parse, a cold start's first request) costs more than it saves.
 * The same checks run either way.
 */
const INTERPRETED = { jitless: true } as const;

/** Decodes the path's parameters; malformed percent-encoding (`%E0%A4%A`) is the client's mistake. */
const decodeParams = (raw: Readonly<Record<string, string | undefined>>): Record<string, string> => {
  try {
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decodeURIComponent(v ?? '')]));
  } catch {
    throw new HttpError(400, 'MALFORMED_PATH', 'the path is not valid percent-encoding');
  }
};

/**
 * The caller's network address: behind CloudFront, the viewer's (its `CloudFront-Viewer-Address` header,
 * `ip:port`), since API Gateway then sees CloudFront's edge; otherwise the address API Gateway saw.
 */
const viewerAddress = (headers: Readonly<Record<string, string | undefined>>, event: ApiEvent): string | undefined =>
  headers['cloudfront-viewer-address']?.replace(/:\d+$/, '') || event.requestContext?.http?.sourceIp || undefined;

/** The path as routed: the route's template with its decoded parameters (so `/requests/` is `/requests`). */
const routedPath = (route: Route, params: Readonly<Record<string, string>>) =>
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));

/**
 * One route as an http-router handler: authenticate (401), validate the path, query and body with the
 * route's own schemas (404/400), and run it — through the idempotent reply store when the POST carries an
 * `Idempotency-Key`, scoped to the caller, the method and the routed path.
 */
export const serveRoute =
  (route: Route, deps: { services: ApiServices; authenticator: Authenticator; replies: IdempotentReplies }) =>
  async (event: ApiEvent, context: Context): Promise<ApiResult> => {
    const { services } = deps;
    const headers = event.headers ?? {};
    const params = decodeParams(event.pathParameters ?? {});
    const actor = await deps.authenticator.authenticate(headers.authorization);
    if (!route.public && !actor)
      throw new HttpError(401, 'UNAUTHENTICATED', 'a valid Authorization header is required');
    if (route.params && !route.params.safeParse(params, INTERPRETED).success)
      throw new HttpError(404, 'NOT_FOUND', `no such ${route.path.split('/')[1] ?? 'resource'}`);
    const rawQuery = event.queryStringParameters ?? {};
    const rawBody = (event as { body?: unknown }).body;
    const query = route.query ? route.query.parse(rawQuery, INTERPRETED) : rawQuery;
    const body = route.body ? route.body.parse(rawBody ?? {}) : rawBody;
    const key = headers['idempotency-key'];
    if (key !== undefined && !KEY_FORMAT.test(key))
      throw new HttpError(400, 'INVALID_INPUT', 'Idempotency-Key: 1–128 letters, digits, . _ : -');
    const idempotent = route.method === 'POST' && key !== undefined && actor !== undefined;
    const scope = idempotent
      ? scopedKey(actor.kind === 'user' ? actor.userId : actor.component, route.method, routedPath(route, params), key)
      : undefined;
    const fingerprint = idempotent ? fingerprintOf(rawQuery, rawBody) : undefined;

    const compute = async (): Promise<StoredReply & { isBase64Encoded?: boolean }> => {
      const input: RouteInput = {
        actor,
        params,
        query: query as RouteInput['query'],
        body,
        ...(scope ? { idempotencyKey: scope } : {}),
        ...(fingerprint ? { idempotencyFingerprint: fingerprint } : {}),
        ...(headers['if-match'] !== undefined ? { ifMatch: headers['if-match'] } : {}),
        now: services.now().toISOString(),
        services,
        ...(viewerAddress(headers, event) ? { sourceIp: viewerAddress(headers, event) } : {}),
        headers,
        ...(typeof rawBody === 'string' && RAW_BODY_PATHS.test(event.rawPath ?? '') ? { rawBody } : {}),
      };
      const result = await route.handle(input);
      // A file (an attachment's bytes) travels base64, as API Gateway's payload 2.0 expects binary replies.
      if (result.body instanceof Uint8Array) {
        return {
          statusCode: result.status,
          headers: { ...result.headers, 'content-type': result.contentType ?? 'application/octet-stream' },
          body: Buffer.from(result.body).toString('base64'),
          isBase64Encoded: true,
        };
      }
      return {
        statusCode: result.status,
        headers: { ...result.headers, 'content-type': result.contentType ?? 'application/json' },
        body: typeof result.body === 'string' ? result.body : JSON.stringify(result.body),
      };
    };
    if (!scope || !fingerprint) return compute();
    const reply = await deps.replies.run(scope, fingerprint, compute, context);
    return { statusCode: reply.statusCode, headers: { ...reply.headers }, body: reply.body };
  };
