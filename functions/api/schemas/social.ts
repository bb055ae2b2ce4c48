import * as z from 'zod';
import { Instant } from '../../../events/primitives.js';
import {
  Month,
  SocialAccountId,
  SocialAccountPlan,
  SocialIncidentId,
  SocialIncidentSeverity,
  AccountPlatform,
  SocialPostKind,
} from '../../../events/social-events.js';

/** Request and reply schemas of the social media routes (the OpenAPI document is generated from them). */

const Text = (max: number) => z.string().trim().min(1).max(max);
const Url = z.url({ protocol: /^https?$/ }).max(2_000);

export const SocialAccountParams = z.strictObject({ id: SocialAccountId });
export const SocialIncidentParams = z.strictObject({ id: SocialIncidentId });

export const socialSchemas = {
  propose: z.strictObject({
    platform: AccountPlatform,
    handle: Text(200),
    url: Url.optional(),
    purpose: Text(4_000),
    plan: z.strictObject({
      goals: Text(4_000),
      audience: Text(4_000),
      risks: Text(4_000),
      resources: Text(4_000),
      measures: Text(4_000),
      governance: Text(4_000),
    }),
  }),
  assessment: z.strictObject({
    termsReviewed: z.literal(true).meta({ description: 'The platform’s terms of use were reviewed' }),
    privacyRisks: Text(8_000),
    mitigations: Text(8_000),
  }),
  empty: z.strictObject({}),
  evaluate: z.strictObject({ period: Text(100), findings: Text(8_000) }),
  retire: z.strictObject({ reason: Text(2_000) }),
  recorders: z.strictObject({ recorders: z.array(z.string().min(1).max(100)).max(50) }),
  followers: z.strictObject({ month: Month, count: z.number().int().nonnegative().max(1_000_000_000) }),
  post: z
    .strictObject({
      account: SocialAccountId,
      kind: SocialPostKind,
      text: Text(16_384),
      url: Url.optional(),
      publishedAt: Instant,
      reason: Text(2_000).optional(),
    })
    .refine((p) => p.kind !== 'takedown' || p.reason !== undefined, {
      message: 'a takedown states its reason against the moderation policy',
      path: ['reason'],
    }),
  trail: z.strictObject({
    account: SocialAccountId.optional(),
    from: Instant.optional().meta({ description: 'Published at or after (inclusive)' }),
    to: Instant.optional().meta({ description: 'Published before (exclusive)' }),
    format: z.enum(['json', 'csv']).optional(),
  }),
  openIncident: z.strictObject({
    account: SocialAccountId,
    severity: SocialIncidentSeverity,
    title: Text(300),
    description: Text(8_000),
  }),
  incidentAction: z.strictObject({ text: Text(8_000) }),
  closeIncident: z.strictObject({ resolution: Text(8_000).optional() }),
  incidents: z.strictObject({ status: z.enum(['open', 'closed']).optional(), account: SocialAccountId.optional() }),
};

export const SocialAccountAction = z.enum([
  'assess',
  'approve',
  'activate',
  'evaluate',
  'retire',
  'nameRecorders',
  'recordFollowers',
  'recordPost',
]);

export const SocialAccountReply = z
  .looseObject({
    id: SocialAccountId,
    status: z.enum(['proposed', 'approved', 'active', 'retired']),
    platform: AccountPlatform,
    handle: z.string(),
    url: z.string().nullable(),
    purpose: z.string(),
    plan: SocialAccountPlan,
    proposedAt: Instant,
    proposedBy: z.string(),
    assessment: z.object({ at: Instant, by: z.string(), privacyRisks: z.string(), mitigations: z.string() }).nullable(),
    approvedAt: Instant.nullable(),
    activatedAt: Instant.nullable(),
    evaluationDueAt: Instant.nullable().meta({ description: 'When the next yearly evaluation falls due' }),
    evaluations: z.array(z.object({ at: Instant, by: z.string(), period: z.string(), findings: z.string() })),
    retired: z.object({ at: Instant, reason: z.string() }).nullable(),
    recorders: z.array(z.string()),
    followers: z.record(z.string(), z.number().int()),
    trailCounts: z.record(z.string(), z.object({ post: z.number(), reply: z.number(), takedown: z.number() })),
    postCount: z.number().int(),
    allowedActions: z.array(SocialAccountAction).meta({ description: 'What the caller may do on it now' }),
  })
  .meta({ id: 'SocialAccount' });

export const SocialAccountPage = z.object({ items: z.array(SocialAccountReply), count: z.number().int() });
export const SocialCreatedReply = z.object({ id: z.string(), status: z.string() });

export const SocialPostReply = z
  .object({
    account: SocialAccountId,
    handle: z.string(),
    platform: AccountPlatform,
    postNumber: z.number().int(),
    kind: SocialPostKind,
    text: z.string(),
    url: z.string().nullable(),
    publishedAt: Instant,
    reason: z.string().nullable(),
    recordedAt: Instant,
    recordedBy: z.string(),
  })
  .meta({ id: 'SocialPost' });
export const SocialTrailPage = z.object({ items: z.array(SocialPostReply), count: z.number().int() });

export const SocialIncidentReply = z
  .looseObject({
    id: SocialIncidentId,
    status: z.enum(['open', 'closed']),
    account: SocialAccountId,
    severity: SocialIncidentSeverity,
    title: z.string(),
    description: z.string(),
    openedAt: Instant,
    openedBy: z.string(),
    actions: z.array(z.object({ at: Instant, by: z.string(), text: z.string() })),
    closed: z.object({ at: Instant, by: z.string(), resolution: z.string().optional() }).nullable(),
  })
  .meta({ id: 'SocialIncident' });
export const SocialIncidentPage = z.object({ items: z.array(SocialIncidentReply), count: z.number().int() });

export const SocialSectionReply = z
  .object({
    accounts: z.array(
      z.object({
        account: SocialAccountId,
        platform: AccountPlatform,
        handle: z.string(),
        posts: z.number().int(),
        replies: z.number().int(),
        takedowns: z.number().int(),
        followers: z.number().int().nullable().meta({ description: 'As the Lead recorded it for the month' }),
        incidentsOpened: z.number().int(),
        openIncidents: z.number().int(),
      }),
    ),
    messages: z
      .object({ received: z.number().int(), answeredOnTime: z.number().int() })
      .meta({ description: 'Messages on the pages that became requests (channel `social`) in the month' }),
  })
  .meta({ id: 'SocialMonth', description: 'Each active official account’s month (the plan’s clause 9)' });
