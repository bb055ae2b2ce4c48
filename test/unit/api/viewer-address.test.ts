import { describe, expect, it } from '@jest/globals';
import type { Context } from 'aws-lambda';
import { serveRoute } from '../../../functions/api/serve-route.js';
import type { ApiEvent, ApiServices, Route, RouteInput } from '../../../functions/api/types.js';

/** What a public route sees as the caller's address (the portal's per-network daily limit counts by it). */
const addressSeen = async (headers: Record<string, string>, sourceIp = '130.176.1.10') => {
  let seen: string | undefined;
  const route = {
    method: 'GET',
    path: '/public/probe',
    public: true,
    handle: async (input: RouteInput) => {
      seen = input.sourceIp;
      return { status: 200, body: {} };
    },
  } as unknown as Route;
  const services = { now: () => new Date('2026-11-23T05:00:00Z') } as unknown as ApiServices;
  const serve = serveRoute(route, {
    services,
    authenticator: { authenticate: async () => undefined },
    replies: {
      run: async () => {
        throw new Error('no idempotent reply expected');
      },
    },
  } as never);
  await serve({ headers, requestContext: { http: { sourceIp } } } as unknown as ApiEvent, {} as Context);
  return seen;
};

describe('the caller’s address behind CloudFront', () => {
  it('is the viewer’s (CloudFront-Viewer-Address, its port dropped), not CloudFront’s edge that API Gateway saw', async () => {
    expect(await addressSeen({ 'cloudfront-viewer-address': '103.7.252.14:50123' })).toBe('103.7.252.14');
  });

  it('keeps an IPv6 viewer’s address whole, only its port dropped', async () => {
    expect(await addressSeen({ 'cloudfront-viewer-address': '2001:db8:85a3::8a2e:370:7334:46532' })).toBe(
      '2001:db8:85a3::8a2e:370:7334',
    );
  });

  it('is the address API Gateway saw when the request did not come through CloudFront', async () => {
    expect(await addressSeen({}, '203.0.113.9')).toBe('203.0.113.9');
  });
});
