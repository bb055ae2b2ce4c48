import type { Route } from './types.js';

/**
 * The modules that serve the API's routes, each loaded when one of its routes is first asked for (then
 * kept): a cold start parses and runs only the router, the middlewares and the module of the route it
 * serves, not every route's schemas and wiring. The deployed API reads its OpenAPI document from a file.
 */
const MODULES = {
  requests: async () => (await import('./routes/requests.js')).requestRoutes,
  calendarReads: async () => (await import('./routes/calendar-reads.js')).calendarReadRoutes,
  calendarHolidays: async () => (await import('./routes/calendar-holidays.js')).calendarHolidayRoutes,
  calendar: async () => (await import('./routes/calendar.js')).calendarRoutes,
  holdingPen: async () => (await import('./routes/holding-pen.js')).holdingPenRoutes,
  reports: async () => (await import('./routes/reports.js')).reportRoutes,
  people: async () => (await import('./routes/people.js')).peopleRoutes,
  me: async () => (await import('./routes/me.js')).meRoutes,
  website: async () => (await import('./routes/website.js')).websiteRoutes,
  social: async () => (await import('./routes/social.js')).socialRoutes,
  anchors: async () => (await import('./routes/anchors.js')).anchorRoutes,
  attachments: async () => (await import('./routes/attachments.js')).attachmentRoutes,
  correspondence: async () => (await import('./routes/correspondence.js')).correspondenceRoutes,
  public: async () => (await import('./routes/public.js')).publicRoutes,
  portal: async () => (await import('./routes/portal-pages.js')).portalPageRoutes,
  socialInbound: async () => (await import('./routes/social-inbound.js')).socialInboundRoutes,
  docs: async () => (await import('./routes/docs.js')).docsRoutes(),
} satisfies Record<string, () => Promise<readonly Route[]>>;

export type RouteModule = keyof typeof MODULES;

/** What the router matches before any route module is loaded: a route's method, path and module. */
export type RouteEntry = readonly [method: Route['method'], path: string, module: RouteModule];

/**
 * Every route of the API, in the order of {@link allRoutes} (all-routes.ts), which the router serves them in.
 * `test/unit/api/route-table.test.ts` checks that this is exactly what the modules serve.
 */
export const ROUTE_TABLE: readonly RouteEntry[] = [
  ['POST', '/requests', 'requests'],
  ['GET', '/requests', 'requests'],
  ['GET', '/requests/{id}', 'requests'],
  ['GET', '/requests/{id}/history', 'requests'],
  ['GET', '/requests/{id}/verify', 'requests'],
  ['POST', '/requests/{id}/assign', 'requests'],
  ['POST', '/requests/{id}/notes', 'requests'],
  ['POST', '/requests/{id}/consultations', 'requests'],
  ['POST', '/requests/{id}/consultations/requested', 'requests'],
  ['POST', '/requests/{id}/clarification', 'requests'],
  ['POST', '/requests/{id}/extension', 'requests'],
  ['POST', '/requests/{id}/response', 'requests'],
  ['POST', '/requests/{id}/archive', 'requests'],
  ['POST', '/requests/{id}/close', 'requests'],
  ['GET', '/calendar/due-date', 'calendarReads'],
  ['GET', '/calendar/holidays', 'calendarHolidays'],
  ['POST', '/calendar/years/{year}/official', 'calendar'],
  ['POST', '/calendar/holidays', 'calendar'],
  ['POST', '/calendar/holidays/{date}/withdraw', 'calendar'],
  ['POST', '/sla/scan', 'calendar'],
  ['GET', '/holding-pen', 'holdingPen'],
  ['GET', '/holding-pen/{id}', 'holdingPen'],
  ['GET', '/holding-pen/{id}/attachments/{attachmentId}', 'holdingPen'],
  ['POST', '/holding-pen/{id}/attach', 'holdingPen'],
  ['POST', '/holding-pen/{id}/promote', 'holdingPen'],
  ['POST', '/holding-pen/{id}/discard', 'holdingPen'],
  ['GET', '/reports/monthly', 'reports'],
  ['GET', '/reports/common-requests', 'reports'],
  ['GET', '/disclosures', 'reports'],
  ['GET', '/people', 'people'],
  ['POST', '/people', 'people'],
  ['POST', '/people/{id}/roles', 'people'],
  ['POST', '/people/{id}/leave', 'people'],
  ['POST', '/people/{id}/deactivate', 'people'],
  ['GET', '/divisions', 'people'],
  ['POST', '/divisions', 'people'],
  ['GET', '/me', 'me'],
  ['POST', '/website-updates', 'website'],
  ['GET', '/website-updates', 'website'],
  ['GET', '/website-updates/{id}', 'website'],
  ['GET', '/website-updates/{id}/attachments/{attachmentId}', 'website'],
  ['POST', '/website-updates/{id}/complete', 'website'],
  ['POST', '/website-updates/{id}/return', 'website'],
  ['POST', '/website-updates/{id}/resubmit', 'website'],
  ['POST', '/website-updates/{id}/published', 'website'],
  ['POST', '/website-updates/{id}/withdraw', 'website'],
  ['POST', '/reports/common-requests/propose', 'website'],
  ['GET', '/reports/website-review', 'website'],
  ['GET', '/published', 'website'],
  ['POST', '/social/accounts', 'social'],
  ['GET', '/social/accounts', 'social'],
  ['GET', '/social/accounts/{id}', 'social'],
  ['POST', '/social/accounts/{id}/assessment', 'social'],
  ['POST', '/social/accounts/{id}/approve', 'social'],
  ['POST', '/social/accounts/{id}/activate', 'social'],
  ['POST', '/social/accounts/{id}/evaluate', 'social'],
  ['POST', '/social/accounts/{id}/retire', 'social'],
  ['POST', '/social/accounts/{id}/recorders', 'social'],
  ['POST', '/social/accounts/{id}/followers', 'social'],
  ['POST', '/social/posts', 'social'],
  ['GET', '/social/posts', 'social'],
  ['POST', '/social/incidents', 'social'],
  ['GET', '/social/incidents', 'social'],
  ['GET', '/social/incidents/{id}', 'social'],
  ['POST', '/social/incidents/{id}/actions', 'social'],
  ['POST', '/social/incidents/{id}/close', 'social'],
  ['GET', '/anchors', 'anchors'],
  ['GET', '/requests/{id}/proof', 'anchors'],
  ['GET', '/requests/{id}/attachments/{attachmentId}', 'attachments'],
  ['GET', '/requests/{id}/correspondence', 'correspondence'],
  ['POST', '/public/requests', 'public'],
  ['POST', '/public/requests/confirm', 'public'],
  ['GET', '/public/requests/{id}', 'public'],
  ['GET', '/public/requests/{id}/attachments/{attachmentId}', 'public'],
  ['POST', '/public/requests/{id}/messages', 'public'],
  ['POST', '/public/requests/{id}/withdraw', 'public'],
  ['GET', '/public/disclosures', 'public'],
  ['GET', '/public/disclosures/{id}', 'public'],
  ['GET', '/public/disclosures/{id}/attachments/{attachmentId}', 'public'],
  ['GET', '/public/suggestions', 'public'],
  ['GET', '/portal', 'portal'],
  ['POST', '/portal/ask', 'portal'],
  ['GET', '/portal/check-email', 'portal'],
  ['GET', '/portal/confirm/{token}', 'portal'],
  ['POST', '/portal/confirm/{token}', 'portal'],
  ['GET', '/portal/track/{id}', 'portal'],
  ['POST', '/portal/track/{id}/reply', 'portal'],
  ['GET', '/portal/track/{id}/withdraw', 'portal'],
  ['POST', '/portal/track/{id}/withdraw', 'portal'],
  ['GET', '/portal/disclosures', 'portal'],
  ['GET', '/portal/disclosures/{id}', 'portal'],
  ['GET', '/portal/assets/portal.css', 'portal'],
  ['GET', '/portal/assets/portal.js', 'portal'],
  ['GET', '/social/inbound/facebook', 'socialInbound'],
  ['POST', '/social/inbound/facebook', 'socialInbound'],
  ['GET', '/openapi.json', 'docs'],
  ['GET', '/docs', 'docs'],
  ['GET', '/docs/scalar.js', 'docs'],
];

const loaded = new Map<RouteModule, Promise<readonly Route[]>>();

/** The route an entry names, its module loaded on first use (a failed load is tried again next time). */
export const loadRoute = async ([method, path, module]: RouteEntry): Promise<Route> => {
  let routes = loaded.get(module);
  if (!routes) {
    routes = MODULES[module]();
    loaded.set(module, routes);
    routes.catch(() => loaded.delete(module));
  }
  const route = (await routes).find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`route table: module ${module} serves no ${method} ${path}`);
  return route;
};
