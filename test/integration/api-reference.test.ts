import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../local/stack.js';
import { caller, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;

beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

describe('the API describes itself', () => {
  it('serves its OpenAPI 3.1 document without sign-in', async () => {
    const r = await api('GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      openapi: '3.1.0',
      paths: expect.objectContaining({ '/requests/{id}/assign': expect.any(Object), '/me': expect.any(Object) }),
    });
  });

  it('serves a readable reference whose script comes from the API itself, not a CDN', async () => {
    const page = await fetch(`${stack.apiUrl}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    // Relative, so that it also works under CloudFront's /api/ prefix; no inline script (test/infra/api-reference-csp.test.ts).
    expect(html).toContain('<script src="docs/scalar.js">');
    expect(html).toContain('data-url="openapi.json"');
    expect(html).not.toMatch(/https?:\/\//);
    const script = await fetch(`${stack.apiUrl}/docs/scalar.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });
});

describe('GET /me', () => {
  it('tells the signed-in person who they are, with roles and division', async () => {
    expect(await api('GET', '/me', { as: 'legal.chief' })).toEqual({
      status: 200,
      body: {
        userId: 'legal.chief',
        name: expect.any(String),
        email: 'legal.chief@necs.example',
        roles: ['division_chief'],
        division: 'legal',
        // What a division chief may do beyond one request, as the policy decides it (caller-abilities.test.ts).
        can: {
          workOnRequests: true,
          findRequests: true,
          registerRequest: false,
          holdingPen: false,
          monthlyReport: true,
          audit: false,
          changePeople: false,
          changeCalendar: false,
          runSlaScan: false,
          submitWebsiteUpdate: true,
          websiteReview: true,
          socialMedia: true,
          proposeSocialAccount: true,
        },
      },
    });
    expect((await api('GET', '/me', { as: 'secretary' })).body).toMatchObject({
      userId: 'secretary',
      roles: ['head_of_agency'],
      division: null,
    });
  });

  it('is 401 without sign-in', async () => {
    expect((await api('GET', '/me')).status).toBe(401);
  });
});
