import * as z from 'zod';
import { eventFamily, eventSchema } from './envelope.js';
import { Instant } from './primitives.js';

/**
 * Events of the social media workflows (the plan's clause 9; RGoB Social Media Policy 2016):
 * - `social-account#SMA-<YYYY>-<NNNNN>`: an official account's life cycle (proposed → approved → active
 *   → retired), its assessment, evaluations, named recorders, follower counts, and the record trail of
 *   what it shared or took down;
 * - `social-incident#INC-<YYYY>-<NNNNN>`: a significant issue on an account, its actions and its closing.
 */

const UserId = z.string().min(1).max(100);
const Text = (max: number) => z.string().min(1).max(max);
const Url = z.url({ protocol: /^https?$/ }).max(2_000);

/** `SMA-<YYYY>-<NNNNN>`: official accounts, numbered per year. */
export const SocialAccountId = z.string().regex(/^SMA-\d{4}-\d{5,}$/, 'expected SMA-<YYYY>-<NNNNN>');
/** `INC-<YYYY>-<NNNNN>`: incidents, numbered per year. */
export const SocialIncidentId = z.string().regex(/^INC-\d{4}-\d{5,}$/, 'expected INC-<YYYY>-<NNNNN>');

/** The platforms an official account may be on (messages are received from Facebook only, see `SocialPlatform`). */
export const AccountPlatform = z.enum(['facebook', 'instagram', 'x', 'youtube', 'linkedin', 'tiktok', 'other']);
export type AccountPlatform = z.infer<typeof AccountPlatform>;

/** The agency plan of an account (RGoB Social Media Policy 2016, section on agency plans). */
export const SocialAccountPlan = z.strictObject({
  goals: Text(4_000),
  audience: Text(4_000),
  risks: Text(4_000),
  resources: Text(4_000),
  measures: Text(4_000),
  governance: Text(4_000),
});
export type SocialAccountPlan = z.infer<typeof SocialAccountPlan>;

/** A calendar month, `YYYY-MM`. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

const SocialAccountProposed = () =>
  eventSchema(
    'SocialAccountProposed',
    1,
    z.strictObject({
      accountId: SocialAccountId,
      platform: AccountPlatform,
      handle: Text(200),
      url: Url.optional(),
      purpose: Text(4_000),
      plan: SocialAccountPlan,
    }),
  );

/** The platform's terms of use reviewed and the privacy impact assessment recorded (before approval). */
const SocialAccountAssessed = () =>
  eventSchema(
    'SocialAccountAssessed',
    1,
    z.strictObject({ termsReviewed: z.literal(true), privacyRisks: Text(8_000), mitigations: Text(8_000) }),
  );

/** Approved on the strength of the assessment recorded at `assessedAt` (never an empty data: stream images drop empty maps). */
const SocialAccountApproved = () => eventSchema('SocialAccountApproved', 1, z.strictObject({ assessedAt: Instant }));

/** The account is in use; its first evaluation falls due a year later, on the working-day clock. */
const SocialAccountActivated = () =>
  eventSchema('SocialAccountActivated', 1, z.strictObject({ evaluationDueAt: Instant }));

/** A periodic evaluation against the plan's measures; the next one falls due a year later. */
const SocialAccountEvaluated = () =>
  eventSchema(
    'SocialAccountEvaluated',
    1,
    z.strictObject({ period: Text(100), findings: Text(8_000), nextEvaluationDueAt: Instant }),
  );

/** Disposition: the account is no longer used by the agency. */
const SocialAccountRetired = () => eventSchema('SocialAccountRetired', 1, z.strictObject({ reason: Text(2_000) }));

/** The staff the Lead names to record posts for the account (the whole list, replacing the last). */
const SocialRecordersNamed = () =>
  eventSchema('SocialRecordersNamed', 1, z.strictObject({ recorders: z.array(UserId).max(50) }));

/** The account's follower count for a month, as the Lead read it on the platform. */
const SocialFollowersRecorded = () =>
  eventSchema(
    'SocialFollowersRecorded',
    1,
    z.strictObject({ month: Month, count: z.number().int().nonnegative().max(1_000_000_000) }),
  );

export const SocialPostKind = z.enum(['post', 'reply', 'takedown']);
export type SocialPostKind = z.infer<typeof SocialPostKind>;

/** One item of the record trail: what the account shared (post, reply) or removed (takedown, with its reason). */
const SocialPostRecorded = () =>
  eventSchema(
    'SocialPostRecorded',
    1,
    z.strictObject({
      /** The item's number within the account's trail, from 1. */
      postNumber: z.number().int().positive(),
      kind: SocialPostKind,
      text: Text(16_384),
      url: Url.optional(),
      publishedAt: Instant,
      /** Why it was taken down, against the moderation policy (takedowns only). */
      reason: Text(2_000).optional(),
    }),
  );

export const SocialIncidentSeverity = z.enum(['low', 'medium', 'high', 'critical']);
export type SocialIncidentSeverity = z.infer<typeof SocialIncidentSeverity>;

const SocialIncidentOpened = () =>
  eventSchema(
    'SocialIncidentOpened',
    1,
    z.strictObject({
      incidentId: SocialIncidentId,
      account: SocialAccountId,
      severity: SocialIncidentSeverity,
      title: Text(300),
      description: Text(8_000),
    }),
  );

const SocialIncidentActionRecorded = () =>
  eventSchema('SocialIncidentActionRecorded', 1, z.strictObject({ text: Text(8_000) }));

const SocialIncidentClosed = () =>
  eventSchema(
    'SocialIncidentClosed',
    1,
    z.strictObject({
      /** How many actions were recorded before it closed. */
      actionsRecorded: z.number().int().nonnegative(),
      resolution: Text(8_000).optional(),
    }),
  );

export const SocialAccountEvent = eventFamily({
  SocialAccountProposed,
  SocialAccountAssessed,
  SocialAccountApproved,
  SocialAccountActivated,
  SocialAccountEvaluated,
  SocialAccountRetired,
  SocialRecordersNamed,
  SocialFollowersRecorded,
  SocialPostRecorded,
});
export type SocialAccountEvent = z.infer<typeof SocialAccountEvent>;

export const SocialIncidentEvent = eventFamily({
  SocialIncidentOpened,
  SocialIncidentActionRecorded,
  SocialIncidentClosed,
});
export type SocialIncidentEvent = z.infer<typeof SocialIncidentEvent>;
