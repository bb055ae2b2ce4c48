import { describe, expect, it } from '@jest/globals';
import { allRoutes } from '../../functions/api/all-routes.js';
import { PUBLIC_ROUTES, routeKey, THROTTLES } from '../../infra/public-routes.js';
import { synthNecs } from './synth.js';

const { resources, ofType } = synthNecs();
const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties as { RouteKey: string; AuthorizationType?: string; AuthorizerId?: unknown });
const byKey = new Map(routes.map((r) => [r.RouteKey, r]));
const [, stage] = ofType('AWS::ApiGatewayV2::Stage')[0] ?? [];

/** The routes the contract says answer without sign-in, as API Gateway keys. */
const CONTRACT_PUBLIC = [
  'GET /calendar/due-date',
  'GET /calendar/holidays',
  'GET /anchors',
  'GET /published',
  'GET /openapi.json',
  'GET /docs',
  'GET /docs/scalar.js',
  'GET /public/disclosures',
  'GET /public/suggestions',
  'POST /public/requests',
  'POST /public/requests/confirm',
  'GET /public/requests/{id}',
  'GET /portal',
  'GET /portal/{proxy+}',
  'POST /portal/{proxy+}',
  'GET /social/inbound/facebook',
  'POST /social/inbound/facebook',
];

describe('public routes on AWS', () => {
  it.each(CONTRACT_PUBLIC)('%s reaches the API without the Cognito authorizer', (key) => {
    expect(byKey.get(key)).toMatchObject({ AuthorizationType: 'NONE' });
    expect(byKey.get(key)?.AuthorizerId).toBeUndefined();
  });

  it('every route the API itself serves without sign-in is public on AWS too', () => {
    const servedPublic = allRoutes.filter((r) => r.public).map((r) => `${r.method} ${r.path}`);
    expect(servedPublic.length).toBeGreaterThan(0);
    expect(PUBLIC_ROUTES.map(routeKey)).toEqual(expect.arrayContaining(servedPublic));
  });

  it('every other route, the catch-all that serves every staff route included, keeps the authorizer', () => {
    const others = routes.filter((r) => !CONTRACT_PUBLIC.includes(r.RouteKey));
    expect(others.map((r) => r.RouteKey)).toContain('$default');
    for (const r of others) expect(r).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: expect.anything() });
    expect(routes).toHaveLength(CONTRACT_PUBLIC.length + others.length);
  });

  it('each public route is throttled on its own, below the staff’s, and only once it exists', () => {
    const settings = stage?.Properties.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    expect(Object.keys(settings).sort()).toEqual([...CONTRACT_PUBLIC].sort());
    for (const s of Object.values(settings)) {
      expect(s.ThrottlingRateLimit).toBeLessThan(THROTTLES.staff.rateLimit);
      expect(s.ThrottlingBurstLimit).toBeLessThan(THROTTLES.staff.burstLimit);
    }
    expect(stage?.Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: THROTTLES.staff.rateLimit, ThrottlingBurstLimit: THROTTLES.staff.burstLimit });
    const dependsOn = (resources[ofType('AWS::ApiGatewayV2::Stage')[0]?.[0] as string] as unknown as { DependsOn?: string[] }).DependsOn ?? [];
    expect(dependsOn.length).toBeGreaterThanOrEqual(CONTRACT_PUBLIC.length);
  });
});
