import { describe, expect, it } from '@jest/globals';
import { allRoutes } from '../../functions/api/all-routes.js';
import { ROUTE_TABLE } from '../../functions/api/route-table.js';
import { THROTTLES } from '../../infra/public-routes.js';
import { matchRouteKey } from './api-gateway-routing.js';
import { synthNecs } from './synth.js';

const { resources, ofType } = synthNecs();
const routes = ofType('AWS::ApiGatewayV2::Route').map(
  ([, r]) => r.Properties as { RouteKey: string; AuthorizationType?: string; AuthorizerId?: unknown },
);
const byKey = new Map(routes.map((r) => [r.RouteKey, r]));
const keys = [...byKey.keys()];
const [stageId, stage] = ofType('AWS::ApiGatewayV2::Stage')[0] ?? [];
/** The API Gateway route a request takes on AWS. */
const routeOf = (method: string, path: string) => byKey.get(matchRouteKey(method, path, keys));
/** A concrete path for a route's template (`{id}` filled in). */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, 'NECS-2026-00001');

/** Requests the contract says anyone may make, without signing in. */
const CONTRACT_PUBLIC: readonly [string, string][] = [
  ['GET', '/calendar/due-date'],
  ['GET', '/calendar/holidays'],
  ['GET', '/anchors'],
  ['GET', '/published'],
  ['GET', '/openapi.json'],
  ['GET', '/docs'],
  ['GET', '/docs/scalar.js'],
  ['GET', '/public/disclosures'],
  ['GET', '/public/suggestions'],
  ['POST', '/public/requests'],
  ['POST', '/public/requests/confirm'],
  ['GET', '/public/requests/NECS-2026-00001'],
  ['GET', '/portal'],
  ['GET', '/portal/track/NECS-2026-00001'],
  ['GET', '/portal/confirm/abc123'],
  ['POST', '/portal/ask'],
  ['GET', '/portal/assets/portal.css'],
  ['GET', '/social/inbound/facebook'],
  ['POST', '/social/inbound/facebook'],
];

describe('public routes on AWS', () => {
  it.each(CONTRACT_PUBLIC)('%s %s reaches the API without the Cognito authorizer', (method, path) => {
    const route = routeOf(method, path);
    expect(route?.RouteKey).not.toBe('$default');
    expect(route).toMatchObject({ AuthorizationType: 'NONE' });
    expect(route?.AuthorizerId).toBeUndefined();
  });

  it('every route the API itself serves without sign-in is public on AWS too', () => {
    const servedPublic = allRoutes.filter((r) => r.public);
    expect(servedPublic.length).toBeGreaterThan(0);
    for (const r of servedPublic)
      expect([`${r.method} ${r.path}`, routeOf(r.method, concrete(r.path))?.AuthorizationType]).toEqual([
        `${r.method} ${r.path}`,
        'NONE',
      ]);
  });

  it('every staff route the API serves goes through the authorizer', () => {
    const publicPaths = new Set(allRoutes.filter((r) => r.public).map((r) => `${r.method} ${r.path}`));
    const staff = ROUTE_TABLE.filter(([method, path]) => !publicPaths.has(`${method} ${path}`));
    expect(staff.length).toBeGreaterThan(40);
    for (const [method, path] of staff)
      expect([`${method} ${path}`, routeOf(method, concrete(path))?.AuthorizationType]).toEqual([
        `${method} ${path}`,
        'JWT',
      ]);
  });

  it('every route but the public ones, the catch-all included, keeps the authorizer', () => {
    const guarded = routes.filter((r) => r.AuthorizationType !== 'NONE');
    expect(guarded.map((r) => r.RouteKey)).toContain('$default');
    for (const r of guarded) expect(r).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: expect.anything() });
  });

  it('each public route is throttled on its own, below the staff’s, and only once it exists', () => {
    const settings = stage?.Properties.RouteSettings as Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    >;
    const open = routes.filter((r) => r.AuthorizationType === 'NONE').map((r) => r.RouteKey);
    expect(Object.keys(settings).sort()).toEqual(open.sort());
    for (const s of Object.values(settings)) {
      expect(s.ThrottlingRateLimit).toBeLessThan(THROTTLES.staff.rateLimit);
      expect(s.ThrottlingBurstLimit).toBeLessThan(THROTTLES.staff.burstLimit);
    }
    expect(stage?.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: THROTTLES.staff.rateLimit,
      ThrottlingBurstLimit: THROTTLES.staff.burstLimit,
    });
    const dependsOn = (resources[stageId as string] as unknown as { DependsOn?: string[] }).DependsOn ?? [];
    expect(dependsOn.length).toBeGreaterThanOrEqual(open.length);
  });
});
