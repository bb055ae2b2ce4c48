import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { lambdaContext } from './lambda-context.js';

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2 | void>;

/** A local-only route served beside the Lambda (the movable clock). */
export type LocalRoute = (req: IncomingMessage, body: string) => Promise<{ status: number; body: unknown } | undefined>;

/** The request as API Gateway's HTTP API (payload 2.0) hands it to Lambda. */
export const toApiEvent = (req: IncomingMessage, body: Buffer): APIGatewayProxyEventV2 => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
  );
  const query = Object.fromEntries(url.searchParams.entries());
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    ...(body.length > 0 ? { body: body.toString('utf8') } : {}),
    isBase64Encoded: false,
  };
};

/**
 * Serves the API Lambda over HTTP on 127.0.0.1, as API Gateway would: the same handler, the same
 * events. Bodies over `maxBytes` are cut off with 413 before they are read whole.
 */
export const startHttpApi = (options: {
  port: number;
  handler: ApiHandler;
  maxBytes: number;
  localRoutes?: readonly LocalRoute[];
  serveStatic?: (req: IncomingMessage, res: ServerResponse) => boolean;
}): Promise<{ server: Server; url: string; close: () => Promise<void> }> =>
  new Promise((resolve, reject) => {
    const reply = (res: ServerResponse, status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const server = createServer((req, res) => {
      // Static files beside the API (the staff console under /console/) never reach the Lambda.
      if (options.serveStatic?.(req, res)) return;
      const chunks: Buffer[] = [];
      let size = 0;
      let refused = false;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes + 1024) {
          if (!refused)
            reply(res, 413, {
              error: { code: 'PAYLOAD_TOO_LARGE', message: `the body is over ${options.maxBytes} bytes` },
            });
          refused = true;
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => {
        if (refused) return;
        const body = Buffer.concat(chunks);
        void (async () => {
          for (const route of options.localRoutes ?? []) {
            const handled = await route(req, body.toString('utf8'));
            if (handled) return reply(res, handled.status, handled.body);
          }
          const result = (await options.handler(toApiEvent(req, body), lambdaContext('api'))) ?? { statusCode: 204 };
          res.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
          res.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
        })().catch((err: unknown) =>
          reply(res, 500, { error: { code: 'INTERNAL_ERROR', message: (err as Error).message } }),
        );
      });
    });
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({ server, url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
