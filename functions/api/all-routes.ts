import { anchorRoutes } from './routes/anchors.js';
import { attachmentRoutes } from './routes/attachments.js';
import { calendarRoutes } from './routes/calendar.js';
import { correspondenceRoutes } from './routes/correspondence.js';
import { docsRoutes } from './routes/docs.js';
import { holdingPenRoutes } from './routes/holding-pen.js';
import { meRoutes } from './routes/me.js';
import { peopleRoutes } from './routes/people.js';
import { portalPageRoutes } from './routes/portal-pages.js';
import { publicRoutes } from './routes/public.js';
import { reportRoutes } from './routes/reports.js';
import { socialInboundRoutes } from './routes/social-inbound.js';
import { requestRoutes } from './routes/requests.js';
import { socialRoutes } from './routes/social.js';
import { websiteRoutes } from './routes/website.js';
import type { Route } from './types.js';

/**
 * Every route of the API, as data: the router serves them (each module loaded on first use, through
 * route-table.ts) and `GET /openapi.json` describes them, so a route added here is documented from its
 * own schemas (`test/unit/api/openapi.test.ts` checks both). Loading this module loads every route.
 */
export const allRoutes: readonly Route[] = [
  ...requestRoutes,
  ...calendarRoutes,
  ...holdingPenRoutes,
  ...reportRoutes,
  ...peopleRoutes,
  ...meRoutes,
  ...websiteRoutes,
  ...socialRoutes,
  ...anchorRoutes,
  ...attachmentRoutes,
  ...correspondenceRoutes,
  ...publicRoutes,
  ...portalPageRoutes,
  ...socialInboundRoutes,
  ...docsRoutes(),
];
