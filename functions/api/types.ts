import type * as z from 'zod';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { AgencyCalendar } from '../../application/calendar/agency-calendar.js';
import type { DirectoryService } from '../../application/directory/service.js';
import type { AnchorLedger } from '../../application/anchors/ledger.js';
import type { EventStore } from '../../application/event-store.js';
import type { ScanResult } from '../../application/sla/scan.js';
import type { ObjectStore } from '../../application/object-store.js';
import type { ReadModels } from '../../application/read-models.js';
import type { RequestCommands } from '../../application/request/commands.js';
import type { WebsiteCommands } from '../../application/website/website-commands.js';
import type { SocialCommands } from '../../application/social/social-commands.js';
import type { LoadedAgency } from '../../config/load.js';
import type { Actor } from '../../domain/agency/actor.js';
import type { IdempotentReplies } from './idempotency.js';
import type { ConfirmationQueue } from '../../application/mail-jobs.js';
import type { SubmissionStore } from '../../application/portal/submission-store.js';

/** What the public portal needs besides the API's services; built on first use on AWS. */
export interface PortalServices {
  /** Unconfirmed submissions and the limits' counters (the read-model table). */
  readonly submissions: SubmissionStore;
  /** Queues the confirmation mail for the mailer. */
  readonly queueConfirmation: ConfirmationQueue;
  /** The agency's HMAC key, under which tracking tokens are keyed (the reply-address secret). */
  readonly secret: () => Promise<string>;
  /** The portal's address as people open it, e.g. `http://127.0.0.1:3000/portal`. */
  readonly baseUrl: string;
}

/** What Meta's webhook needs: its secrets, read on first use (Secrets Manager on AWS, the contract's values locally). */
export interface SocialInboundServices {
  /** The Meta app's secret, the key of `X-Hub-Signature-256`. */
  readonly appSecret: () => Promise<string>;
  /** The token the verify handshake must present. */
  readonly verifyToken: () => Promise<string>;
}

/** What the routes need: built once per container (or per test). */
export interface ApiServices {
  readonly agency: LoadedAgency;
  readonly commands: RequestCommands;
  /** The website-update workflow's command path. */
  readonly websiteCommands: WebsiteCommands;
  /** The social media workflows' command path (official accounts, their trail, incidents). */
  readonly socialCommands: SocialCommands;
  readonly store: EventStore;
  readonly objects: ObjectStore;
  readonly readModels: ReadModels;
  /** The system clock: the local stack's movable one, or the real one. */
  readonly now: () => Date;
  /** The agency calendar with the holidays declared at run time. */
  readonly agencyCalendar: AgencyCalendar;
  /** Runs the breach scan now (`POST /sla/scan`). */
  readonly scan: () => Promise<ScanResult>;
  /** The agency's people, divisions and roles (events), read as of any instant and changed by admins. */
  readonly directory: DirectoryService;
  /** The anchors (GET /anchors, proofs, the verify route's anchor); absent where none are kept. */
  readonly anchors?: Pick<AnchorLedger, 'publicKey' | 'list' | 'standing' | 'proof'>;
  /** Where first replies to `Idempotency-Key`s are kept (in memory when absent: unit tests only). */
  readonly idempotentReplies?: IdempotentReplies;
  /** The public portal (`/portal/*`, `/public/*`); its routes answer 503 where it is not set up. */
  readonly portal?: PortalServices;
  /** Social platforms' webhooks (`/social/inbound/*`); they answer 503 where not set up. */
  readonly socialInbound?: SocialInboundServices;
  /**
   * This API's OpenAPI document (`GET /openapi.json`): written beside the bundle at build time on AWS
   * (openapi/prebuilt.ts), generated from the routes on first ask elsewhere (openapi/generated.ts).
   */
  readonly openApiDocument: () => Promise<unknown>;
}

export interface RouteInput {
  readonly actor: Actor | undefined;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  /** The `Idempotency-Key`, scoped to the caller, method and routed path (a POST that sent one). */
  readonly idempotencyKey?: string;
  /** The fingerprint of what the client sent with that key (query and body, nothing the server adds). */
  readonly idempotencyFingerprint?: string;
  /** The `If-Match` header as sent (e.g. `"7"`). */
  readonly ifMatch?: string;
  readonly now: string;
  readonly services: ApiServices;
  /** The caller's network address as API Gateway saw it (the portal's per-address limit). */
  readonly sourceIp?: string;
  /** The request's headers, names lower-cased (a webhook's signature). */
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** The body exactly as sent, for a route whose body is signed (see `RAW_BODY_PATHS`); it is then not parsed. */
  readonly rawBody?: string;
}

export interface RouteResult {
  readonly status: number;
  readonly body: unknown;
  readonly contentType?: string;
  /** Extra response headers (e.g. `etag`, `cache-control`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One documented reply of a route: its status's meaning and the schema of its body. */
export interface RouteReply {
  readonly description: string;
  /** The body's schema; absent for a reply without a JSON body. */
  readonly schema?: z.ZodType;
  /** `application/json` unless said otherwise (e.g. `text/csv; charset=utf-8`, `text/html`). */
  readonly contentType?: string;
  /** Other representations of the same reply (e.g. the CSV of a report). */
  readonly alternatives?: Readonly<Record<string, z.ZodType>>;
  /** Response headers the reply carries, by name. */
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly schema: z.ZodType }>>;
}

/**
 * A route as data: what the router matches, how it describes itself (the OpenAPI document is generated
 * from these same schemas) and what it does. The schema fields are optional so that a new route module
 * can be listed first and described next; `test/unit/api/openapi.test.ts` lists routes still undescribed.
 */
export interface Route {
  readonly method: 'GET' | 'POST';
  /** e.g. `/requests/{id}/assign` */
  readonly path: string;
  /** Routes anyone may call (the calendar); all others need a signed-in user. */
  readonly public?: boolean;
  /** One line for the API reference. */
  readonly summary?: string;
  /** Longer prose for the API reference (Markdown). */
  readonly description?: string;
  /** The reference's section(s), e.g. `requests`. */
  readonly tags?: readonly string[];
  /** The path's `{name}` parameters; validated before `handle` runs (404 when they do not match). */
  readonly params?: z.ZodObject;
  /** The query string; validated before `handle` runs (400). */
  readonly query?: z.ZodObject;
  /** The JSON body; validated before `handle` runs (400). */
  readonly body?: z.ZodType;
  /** Success replies by status. */
  readonly replies?: Readonly<Record<number, RouteReply>>;
  /** Error statuses this route answers with besides the common ones (each with the contract's error JSON), with why. */
  readonly errors?: Readonly<Record<number, string>>;
  readonly handle: (input: RouteInput) => Promise<RouteResult>;
}

export type ApiEvent = APIGatewayProxyEventV2;
export type ApiResult = APIGatewayProxyStructuredResultV2;
