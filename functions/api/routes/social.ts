import type * as z from 'zod';
import type { HandlerOutcome, LoadedStream } from '../../../application/command-handler.js';
import type { AccountOutcome, IncidentOutcome } from '../../../application/social/social-commands.js';
import { listSocialAccounts, listSocialIncidents, socialTrail } from '../../../application/social/social-queries.js';
import { socialAccountExists } from '../../../domain/social/account-state.js';
import { socialAccountAllowedActions } from '../../../domain/social/allowed-actions.js';
import type { SocialAccountCommand, SocialIncidentCommand } from '../../../domain/social/commands.js';
import { socialIncidentExists } from '../../../domain/social/incident.js';
import { authorizeSocialRead } from '../../../domain/social/policy.js';
import { trailCsv } from '../../../domain/social/trail.js';
import { socialAccountView, socialIncidentView } from '../../../domain/views/social-view.js';
import { HttpError } from '../errors.js';
import {
  SocialAccountPage,
  SocialAccountParams,
  SocialAccountReply,
  SocialCreatedReply,
  SocialIncidentPage,
  SocialIncidentParams,
  SocialIncidentReply,
  SocialPostReply,
  SocialTrailPage,
  socialSchemas,
} from '../schemas/social.js';
import type { Route, RouteInput, RouteResult } from '../types.js';
import { actorOf, idempotencyOf, metadataOf } from './input.js';

const TAGS = ['social media'];
const CSV = 'text/csv; charset=utf-8';

const readable = (input: RouteInput): void => {
  const refused = authorizeSocialRead(actorOf(input));
  if (refused) throw refused;
};

const timeZone = (input: RouteInput) => input.services.agency.config.calendar.timeZone;

/** An account as the caller sees it: its view and what they may do on it now. */
const accountReply = (result: AccountOutcome, input: RouteInput, status = 200): RouteResult => {
  if (!result.ok) throw result.error;
  if (!socialAccountExists(result.state)) throw new HttpError(500, 'INTERNAL_ERROR', 'command left no account');
  return {
    status,
    body: {
      ...socialAccountView(result.state, timeZone(input)),
      allowedActions: socialAccountAllowedActions(actorOf(input), result.state),
      version: result.version,
    },
  };
};

const incidentReply = (result: IncidentOutcome, status = 200): RouteResult => {
  if (!result.ok) throw result.error;
  if (!socialIncidentExists(result.state)) throw new HttpError(500, 'INTERNAL_ERROR', 'command left no incident');
  return { status, body: { ...socialIncidentView(result.state), version: result.version } };
};

/** `201`: the new account's or incident's id and status. */
const createdReply = (result: AccountOutcome | IncidentOutcome): RouteResult => {
  if (!result.ok) throw result.error;
  return { status: 201, body: { id: result.id, status: result.state.status } };
};

/**
 * `GET /social/<items>/{id}`: one account or incident as it stands, for staff and auditors, replied as
 * its commands reply (the item and its version); 404 when the register holds no such item.
 */
const readOne = <State>(
  route: Pick<Route, 'path' | 'summary' | 'params' | 'replies' | 'errors'> & {
    readonly load: (input: RouteInput, id: string) => Promise<LoadedStream<State>>;
    readonly exists: (state: State) => boolean;
    readonly notFound: (id: string) => HttpError;
    readonly reply: (item: HandlerOutcome<never, State>, input: RouteInput) => RouteResult;
  },
): Route => ({
  method: 'GET',
  path: route.path,
  summary: route.summary,
  tags: TAGS,
  params: route.params,
  replies: route.replies,
  errors: route.errors,
  handle: async (input) => {
    readable(input);
    const id = input.params.id ?? '';
    const { state, head } = await route.load(input, id);
    if (!route.exists(state)) throw route.notFound(id);
    return route.reply({ ok: true, id, events: [], version: head?.version ?? 0, replayed: false, state }, input);
  },
});

type AccountCommand = Exclude<SocialAccountCommand, { type: 'ProposeAccount' }>;

/** `POST /social/accounts/{id}/<step>`: one step of the account's life cycle, by the Lead. */
const accountStep = <S extends z.ZodType>(
  step: string,
  schema: S,
  toCommand: (body: z.infer<S>) => Pick<AccountCommand, 'type' | 'data'>,
  summary: string,
  conflicts = 'A step the life cycle does not allow now (`INVALID_TRANSITION`)',
): Route => ({
  method: 'POST',
  path: `/social/accounts/{id}/${step}`,
  summary,
  tags: TAGS,
  params: SocialAccountParams,
  body: schema,
  replies: { 200: { description: 'The account after the step', schema: SocialAccountReply } },
  errors: { 403: 'Only the Social Media Lead', 404: 'No such account', 409: conflicts },
  handle: async (input) => {
    const { type, data } = toCommand(schema.parse(input.body ?? {}));
    const command = { type, data, metadata: metadataOf(input) } as AccountCommand;
    return accountReply(
      await input.services.socialCommands.onAccount(input.params.id ?? '', command, idempotencyOf(input)),
      input,
    );
  },
});

type IncidentCommand = Exclude<SocialIncidentCommand, { type: 'OpenIncident' }>;

const incidentStep = <S extends z.ZodType>(
  step: string,
  schema: S,
  toCommand: (body: z.infer<S>) => Pick<IncidentCommand, 'type' | 'data'>,
  summary: string,
): Route => ({
  method: 'POST',
  path: `/social/incidents/{id}/${step}`,
  summary,
  tags: TAGS,
  params: SocialIncidentParams,
  body: schema,
  replies: { 200: { description: 'The incident after it', schema: SocialIncidentReply } },
  errors: { 403: 'Staff only', 404: 'No such incident', 409: 'The incident is closed' },
  handle: async (input) => {
    const { type, data } = toCommand(schema.parse(input.body ?? {}));
    const command = { type, data, metadata: metadataOf(input) } as IncidentCommand;
    return incidentReply(
      await input.services.socialCommands.onIncident(input.params.id ?? '', command, idempotencyOf(input)),
    );
  },
});

export const socialRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/social/accounts',
    summary: 'Propose an official social media account with its plan (any staff member)',
    tags: TAGS,
    body: socialSchemas.propose,
    replies: { 201: { description: 'Proposed: its id and status', schema: SocialCreatedReply } },
    errors: { 403: 'Staff only' },
    handle: async (input) => {
      const b = socialSchemas.propose.parse(input.body ?? {});
      const result = await input.services.socialCommands.proposeAccount(
        {
          type: 'ProposeAccount',
          data: {
            accountId: '',
            platform: b.platform,
            handle: b.handle,
            ...(b.url ? { url: b.url } : {}),
            purpose: b.purpose,
            plan: b.plan,
          },
          metadata: metadataOf(input),
        },
        idempotencyOf(input),
      );
      return createdReply(result);
    },
  },
  {
    method: 'GET',
    path: '/social/accounts',
    summary: 'The register of official accounts, each with its life-cycle status',
    tags: TAGS,
    replies: { 200: { description: 'The register', schema: SocialAccountPage } },
    errors: { 403: 'Staff and auditors only' },
    handle: async (input) => {
      readable(input);
      const actor = actorOf(input);
      const items = (await listSocialAccounts(input.services.readModels)).map((v) => ({
        ...v,
        allowedActions: socialAccountAllowedActions(actor, v),
      }));
      return { status: 200, body: { items, count: items.length } };
    },
  },
  readOne({
    path: '/social/accounts/{id}',
    summary: 'One account as it stands now: plan, assessment, evaluations, recorders, follower counts',
    params: SocialAccountParams,
    replies: { 200: { description: 'The account', schema: SocialAccountReply } },
    errors: { 403: 'Staff and auditors only', 404: 'No such account' },
    load: (input, id) => input.services.socialCommands.loadAccount(id),
    exists: socialAccountExists,
    notFound: (id) => new HttpError(404, 'SOCIAL_ACCOUNT_NOT_FOUND', `no account ${id} in the register`),
    reply: accountReply,
  }),
  accountStep(
    'assessment',
    socialSchemas.assessment,
    (b) => ({ type: 'RecordAssessment', data: b }),
    'Record the platform’s terms review and the privacy impact assessment',
  ),
  accountStep(
    'approve',
    socialSchemas.empty,
    () => ({ type: 'ApproveAccount', data: {} }),
    'Approve a proposed account (only after its assessment)',
    'Not proposed (`INVALID_TRANSITION`), or not assessed yet (`ASSESSMENT_REQUIRED`)',
  ),
  accountStep(
    'activate',
    socialSchemas.empty,
    () => ({ type: 'ActivateAccount', data: {} }),
    'Activate an approved account; its first evaluation falls due a year later',
  ),
  accountStep(
    'evaluate',
    socialSchemas.evaluate,
    (b) => ({ type: 'EvaluateAccount', data: b }),
    'Record an evaluation of an active account; the next falls due a year later',
  ),
  accountStep(
    'retire',
    socialSchemas.retire,
    (b) => ({ type: 'RetireAccount', data: b }),
    'Retire an account (disposition), with the reason',
  ),
  accountStep(
    'recorders',
    socialSchemas.recorders,
    (b) => ({ type: 'NameRecorders', data: b }),
    'Name the staff who record posts for the account (replaces the list)',
  ),
  accountStep(
    'followers',
    socialSchemas.followers,
    (b) => ({ type: 'RecordFollowers', data: b }),
    'Record the account’s follower count for a month',
  ),
  {
    method: 'POST',
    path: '/social/posts',
    summary: 'Record what an account shared (post, reply) or took down (with its reason)',
    tags: TAGS,
    body: socialSchemas.post,
    replies: { 201: { description: 'Recorded in the account’s trail', schema: SocialPostReply } },
    errors: {
      403: 'Only the Social Media Lead and the staff the Lead named for the account',
      404: 'No such account',
      409: 'The account is not active',
    },
    handle: async (input) => {
      const b = socialSchemas.post.parse(input.body ?? {});
      const result = await input.services.socialCommands.onAccount(
        b.account,
        {
          type: 'RecordPost',
          data: {
            kind: b.kind,
            text: b.text,
            ...(b.url ? { url: b.url } : {}),
            publishedAt: b.publishedAt,
            ...(b.reason !== undefined ? { reason: b.reason } : {}),
          },
          metadata: metadataOf(input),
        },
        idempotencyOf(input),
      );
      if (!result.ok) throw result.error;
      if (!socialAccountExists(result.state)) throw new HttpError(500, 'INTERNAL_ERROR', 'no account after recording');
      const s = result.state;
      const p = s.posts[s.posts.length - 1];
      if (!p) throw new HttpError(500, 'INTERNAL_ERROR', 'nothing recorded');
      return {
        status: 201,
        body: {
          account: s.id,
          handle: s.handle,
          platform: s.platform,
          ...p,
          url: p.url ?? null,
          reason: p.reason ?? null,
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/social/posts',
    summary: 'The record trail: what the accounts shared and took down, by account and period (CSV with format=csv)',
    tags: TAGS,
    query: socialSchemas.trail,
    replies: {
      200: {
        description: 'The trail, oldest first',
        schema: SocialTrailPage,
        alternatives: { [CSV]: SocialTrailPage },
      },
    },
    errors: { 403: 'Staff and auditors only' },
    handle: async (input) => {
      readable(input);
      const q = socialSchemas.trail.parse(input.query);
      const items = await socialTrail(input.services, q);
      if (q.format === 'csv') return { status: 200, body: trailCsv(items), contentType: CSV };
      return { status: 200, body: { items, count: items.length } };
    },
  },
  {
    method: 'POST',
    path: '/social/incidents',
    summary: 'Open an incident on an account (impersonation, a breach, a harmful thread) with its severity',
    tags: TAGS,
    body: socialSchemas.openIncident,
    replies: { 201: { description: 'Opened: its id and status', schema: SocialCreatedReply } },
    errors: { 403: 'Staff only', 404: 'No such account' },
    handle: async (input) => {
      const b = socialSchemas.openIncident.parse(input.body ?? {});
      const result = await input.services.socialCommands.openIncident(
        { type: 'OpenIncident', data: { incidentId: '', ...b }, metadata: metadataOf(input) },
        idempotencyOf(input),
      );
      return createdReply(result);
    },
  },
  {
    method: 'GET',
    path: '/social/incidents',
    summary: 'Incidents on the accounts, newest first (open ones with status=open)',
    tags: TAGS,
    query: socialSchemas.incidents,
    replies: { 200: { description: 'The incidents', schema: SocialIncidentPage } },
    errors: { 403: 'Staff and auditors only' },
    handle: async (input) => {
      readable(input);
      const items = await listSocialIncidents(input.services.readModels, socialSchemas.incidents.parse(input.query));
      return { status: 200, body: { items, count: items.length } };
    },
  },
  readOne({
    path: '/social/incidents/{id}',
    summary: 'One incident with its actions',
    params: SocialIncidentParams,
    replies: { 200: { description: 'The incident', schema: SocialIncidentReply } },
    errors: { 403: 'Staff and auditors only', 404: 'No such incident' },
    load: (input, id) => input.services.socialCommands.loadIncident(id),
    exists: socialIncidentExists,
    notFound: (id) => new HttpError(404, 'INCIDENT_NOT_FOUND', `no incident ${id}`),
    reply: (outcome) => incidentReply(outcome),
  }),
  incidentStep(
    'actions',
    socialSchemas.incidentAction,
    (b) => ({ type: 'RecordIncidentAction', data: b }),
    'Record what was done about an incident',
  ),
  incidentStep(
    'close',
    socialSchemas.closeIncident,
    (b) => ({ type: 'CloseIncident', data: b.resolution ? { resolution: b.resolution } : {} }),
    'Close an incident',
  ),
];
