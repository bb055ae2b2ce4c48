import { describe, expect, it } from '@jest/globals';
import { portalRouting } from '../../infra/constructs/console.js';
import { synthNecs, type Resource } from './synth.js';

const { resources, ofType } = synthNecs();
type Behavior = {
  PathPattern: string;
  TargetOriginId: string;
  AllowedMethods: string[];
  CachePolicyId: string;
  ViewerProtocolPolicy: string;
  ResponseHeadersPolicyId: { Ref: string };
  FunctionAssociations?: { EventType: string; FunctionARN: unknown }[];
};
type Origin = { Id: string; DomainName: unknown; CustomOriginConfig?: unknown; S3OriginConfig?: unknown };
const config = (ofType('AWS::CloudFront::Distribution')[0]?.[1] as Resource).Properties.DistributionConfig as {
  CacheBehaviors: Behavior[];
  Origins: Origin[];
};
const behavior = (pattern: string) => config.CacheBehaviors.find((b) => b.PathPattern === pattern);
const headersOf = (b?: Behavior) =>
  (
    resources[b?.ResponseHeadersPolicyId.Ref as string]?.Properties.ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: Record<string, Record<string, unknown>>;
    }
  ).SecurityHeadersConfig;
/** The CloudFront function's own code, run as CloudFront would on a viewer request. */
const runPortalRouting = (uri: string) =>
  (new Function(`${portalRouting}; return handler;`)() as (e: unknown) => { uri: string })({ request: { uri } }).uri;

describe('the requesters’ portal behind CloudFront', () => {
  it.each(['/portal', '/portal/*'])('%s goes to the API, uncached, forms posted, no sign-in on the way', (pattern) => {
    const b = behavior(pattern);
    const origin = config.Origins.find((o) => o.Id === b?.TargetOriginId);
    const api = config.Origins.find((o) => o.Id === behavior('/api/*')?.TargetOriginId);
    expect(origin?.CustomOriginConfig).toBeDefined();
    expect(origin?.DomainName).toEqual(api?.DomainName);
    expect(b?.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'POST']));
    expect(b?.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // CachingDisabled: pages carry a requester's token
    expect(b?.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('sends strict security headers: a CSP without inline script, no framing, HSTS, no referrer (tracking links carry tokens)', () => {
    const headers = headersOf(behavior('/portal/*'));
    expect(headersOf(behavior('/portal'))).toEqual(headers);
    const csp = String(headers.ContentSecurityPolicy?.ContentSecurityPolicy);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(headers.ContentSecurityPolicy?.Override).toBe(true);
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
  });

  it('sends /portal/ on as /portal (the home page API Gateway routes by name), other paths unchanged', () => {
    expect(behavior('/portal/*')?.FunctionAssociations?.[0]?.EventType).toBe('viewer-request');
    expect(runPortalRouting('/portal/')).toBe('/portal');
    expect(runPortalRouting('/portal/track/NECS-2026-00001')).toBe('/portal/track/NECS-2026-00001');
    expect(runPortalRouting('/portal')).toBe('/portal');
  });
});
