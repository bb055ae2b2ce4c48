import type { SocialPostKind } from '../../events/social-events.js';
import { ZonedDateTime } from '../time/zoned-date-time.js';
import type { SocialAccount } from '../social/account-state.js';
import type { SocialIncident } from '../social/incident.js';

/** The read-model partitions of the register and of the incidents. */
export const SOCIAL_REGISTER = 'social-accounts';
export const SOCIAL_INCIDENTS = 'social-incidents';

export type TrailCounts = Readonly<Record<SocialPostKind, number>>;

/** How many posts, replies and takedowns an account published each month (`YYYY-MM`, the agency's time zone). */
export const trailCountsByMonth = (s: SocialAccount, timeZone: string): Record<string, TrailCounts> => {
  const out: Record<string, Record<SocialPostKind, number>> = {};
  for (const p of s.posts) {
    const month = ZonedDateTime.fromISO(p.publishedAt, timeZone).toYearMonth();
    const counts = (out[month] ??= { post: 0, reply: 0, takedown: 0 });
    counts[p.kind] += 1;
  }
  return out;
};

/** An account as the register shows it (its trail is read from its stream). */
export const socialAccountView = (s: SocialAccount, timeZone: string) => ({
  id: s.id,
  status: s.status,
  platform: s.platform,
  handle: s.handle,
  url: s.url ?? null,
  purpose: s.purpose,
  plan: s.plan,
  proposedAt: s.proposedAt,
  proposedBy: s.proposedBy,
  assessment: s.assessment ?? null,
  approvedAt: s.approvedAt ?? null,
  activatedAt: s.activatedAt ?? null,
  evaluationDueAt: s.evaluationDueAt ?? null,
  evaluations: s.evaluations,
  retired: s.retired ?? null,
  recorders: s.recorders,
  followers: s.followers,
  trailCounts: trailCountsByMonth(s, timeZone),
  postCount: s.posts.length,
  lastEventAt: s.lastEventAt,
});
export type SocialAccountView = ReturnType<typeof socialAccountView>;

/** An incident as listed and shown. */
export const socialIncidentView = (s: SocialIncident) => ({
  id: s.id,
  status: s.status,
  account: s.account,
  severity: s.severity,
  title: s.title,
  description: s.description,
  openedAt: s.openedAt,
  openedBy: s.openedBy,
  actions: s.actions,
  closed: s.closed ?? null,
  lastEventAt: s.lastEventAt,
});
export type SocialIncidentView = ReturnType<typeof socialIncidentView>;
