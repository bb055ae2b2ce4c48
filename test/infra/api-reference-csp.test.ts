import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright';
import { allRoutes } from '../../functions/api/all-routes.js';
import { generatedOpenApiDocument } from '../../functions/api/openapi/generated.js';
import type { RouteInput } from '../../functions/api/types.js';
import { consoleCsp } from '../../infra/security-headers.js';
import { chromiumLaunchOptions } from '../../scripts/chromium.js';

/**
 * `/docs` as a reader gets it on AWS: behind CloudFront, the API under `/api/` (the prefix stripped before
 * the API sees the path) and every reply under the console's Content-Security-Policy.
 */
const openApiDocument = generatedOpenApiDocument(async () => allRoutes);
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = path.startsWith('/api/')
      ? allRoutes.find((r) => r.method === 'GET' && r.public && r.path === path.slice('/api'.length))
      : undefined;
    if (!route) return void res.writeHead(404, { 'content-security-policy': consoleCsp('ap-south-1') }).end();
    void route.handle({ services: { openApiDocument } } as unknown as RouteInput).then((reply) => {
      const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res
        .writeHead(reply.status, {
          'content-type': reply.contentType ?? 'application/json',
          'content-security-policy': consoleCsp('ap-south-1'),
        })
        .end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The browser runs on the machine's own clock (see scripts/chromium.ts); nothing here depends on the date.
  browser = await chromium.launch(chromiumLaunchOptions);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the API reference behind CloudFront', () => {
  it('renders at /api/docs under the console’s CSP, its script and document fetched under /api/', async () => {
    // Prepare
    const page = await browser.newPage();
    const violations: string[] = [];
    const requested: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    // Act
    await page.goto(`${base}/api/docs`);
    // Assess: Scalar ran (no inline script was needed) and showed the document's routes.
    await page.getByText('Request Desk', { exact: false }).first().waitFor({ timeout: 30_000 });
    await page.getByText('/requests/{id}/assign', { exact: false }).first().waitFor({ timeout: 30_000 });
    expect(violations).toEqual([]);
    expect(requested).toEqual(expect.arrayContaining(['/api/docs/scalar.js', '/api/openapi.json']));
    expect(requested.filter((p) => !p.startsWith('/api/'))).toEqual([]);
    await page.close();
  }, 90_000);
});
