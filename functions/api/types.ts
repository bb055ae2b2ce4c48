import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { AgencyCalendar } from '../../application/agency-calendar.js';
import type { EventStore } from '../../application/event-store.js';
import type { ScanResult } from '../../application/sla/scan.js';
import type { ObjectStore } from '../../application/object-store.js';
import type { ReadModels } from '../../application/read-models.js';
import type { RequestCommands } from '../../application/request-commands.js';
import type { WebsiteCommands } from '../../application/website/website-commands.js';
import type { LoadedAgency } from '../../config/load.js';
import type { Actor } from '../../domain/agency/actor.js';

/** What the routes need: built once per container (or per test). */
export interface ApiServices {
  readonly agency: LoadedAgency;
  readonly commands: RequestCommands;
  /** The website-update workflow's command path. */
  readonly websiteCommands: WebsiteCommands;
  readonly store: EventStore;
  readonly objects: ObjectStore;
  readonly readModels: ReadModels;
  /** The system clock: the local stack's movable one, or the real one. */
  readonly now: () => Date;
  /** The agency calendar with the holidays declared at run time. */
  readonly agencyCalendar: AgencyCalendar;
  /** Runs the breach scan now (`POST /sla/scan`). */
  readonly scan: () => Promise<ScanResult>;
}

export interface RouteInput {
  readonly actor: Actor | undefined;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  readonly idempotencyKey?: string;
  readonly now: string;
  readonly services: ApiServices;
}

export interface RouteResult {
  readonly status: number;
  readonly body: unknown;
  readonly contentType?: string;
}

export interface Route {
  readonly method: 'GET' | 'POST';
  /** e.g. `/requests/{id}/assign` */
  readonly path: string;
  /** Routes anyone may call (the calendar); all others need a signed-in user. */
  readonly public?: boolean;
  readonly handle: (input: RouteInput) => Promise<RouteResult>;
}

export type ApiEvent = APIGatewayProxyEventV2;
export type ApiResult = APIGatewayProxyStructuredResultV2;
