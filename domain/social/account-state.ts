import type { EventActor } from '../../events/actor.js';
import type {
  SocialAccountEvent,
  SocialAccountPlan,
  AccountPlatform,
  SocialPostKind,
} from '../../events/social-events.js';

/** The life cycle of an official account (the plan's clause 9: planning … disposition). */
export type SocialAccountStatus = 'proposed' | 'approved' | 'active' | 'retired';

/** The platform's terms review and privacy impact assessment, as the Lead recorded them. */
export interface SocialAssessment {
  readonly at: string;
  readonly by: string;
  readonly privacyRisks: string;
  readonly mitigations: string;
}

export interface SocialEvaluation {
  readonly at: string;
  readonly by: string;
  readonly period: string;
  readonly findings: string;
}

/** One item of the record trail. */
export interface SocialPost {
  readonly postNumber: number;
  readonly kind: SocialPostKind;
  readonly text: string;
  readonly url?: string;
  readonly publishedAt: string;
  readonly reason?: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface SocialAccount {
  readonly status: SocialAccountStatus;
  readonly id: string;
  readonly platform: AccountPlatform;
  readonly handle: string;
  readonly url?: string;
  readonly purpose: string;
  readonly plan: SocialAccountPlan;
  readonly proposedAt: string;
  readonly proposedBy: string;
  readonly assessment?: SocialAssessment;
  readonly approvedAt?: string;
  readonly activatedAt?: string;
  /** When the next evaluation falls due (while active). */
  readonly evaluationDueAt?: string;
  readonly evaluations: readonly SocialEvaluation[];
  readonly retired?: { readonly at: string; readonly reason: string };
  /** Staff the Lead named to record for the account. */
  readonly recorders: readonly string[];
  /** Follower counts by month `YYYY-MM` (the last recorded count of each month). */
  readonly followers: Readonly<Record<string, number>>;
  readonly posts: readonly SocialPost[];
  readonly lastEventAt: string;
}

export type SocialAccountState = { readonly status: 'none' } | SocialAccount;

export const initialSocialAccountState = (): SocialAccountState => ({ status: 'none' });

export const socialAccountExists = (s: SocialAccountState): s is SocialAccount => s.status !== 'none';

/** Who did it, as a name to show: the person's id, or the part of the system. */
export const actorName = (actor: EventActor): string => (actor.kind === 'user' ? actor.userId : actor.component);

/** Applies one event to an account's state. */
export const evolveSocialAccount = (state: SocialAccountState, event: SocialAccountEvent): SocialAccountState => {
  if (!socialAccountExists(state)) {
    if (event.type !== 'SocialAccountProposed') return state;
    const d = event.data;
    return {
      status: 'proposed',
      id: d.accountId,
      platform: d.platform,
      handle: d.handle,
      ...(d.url ? { url: d.url } : {}),
      purpose: d.purpose,
      plan: d.plan,
      proposedAt: event.occurredAt,
      proposedBy: actorName(event.actor),
      evaluations: [],
      recorders: [],
      followers: {},
      posts: [],
      lastEventAt: event.occurredAt,
    };
  }
  const s: SocialAccount = { ...state, lastEventAt: event.occurredAt };
  const by = actorName(event.actor);
  switch (event.type) {
    case 'SocialAccountProposed':
      return state;
    case 'SocialAccountAssessed':
      return {
        ...s,
        assessment: {
          at: event.occurredAt,
          by,
          privacyRisks: event.data.privacyRisks,
          mitigations: event.data.mitigations,
        },
      };
    case 'SocialAccountApproved':
      return { ...s, status: 'approved', approvedAt: event.occurredAt };
    case 'SocialAccountActivated':
      return { ...s, status: 'active', activatedAt: event.occurredAt, evaluationDueAt: event.data.evaluationDueAt };
    case 'SocialAccountEvaluated':
      return {
        ...s,
        evaluations: [
          ...s.evaluations,
          { at: event.occurredAt, by, period: event.data.period, findings: event.data.findings },
        ],
        evaluationDueAt: event.data.nextEvaluationDueAt,
      };
    case 'SocialAccountRetired': {
      const { evaluationDueAt: _none, ...rest } = s;
      return { ...rest, status: 'retired', retired: { at: event.occurredAt, reason: event.data.reason } };
    }
    case 'SocialRecordersNamed':
      return { ...s, recorders: event.data.recorders };
    case 'SocialFollowersRecorded':
      return { ...s, followers: { ...s.followers, [event.data.month]: event.data.count } };
    case 'SocialPostRecorded':
      return {
        ...s,
        posts: [...s.posts, { ...event.data, recordedAt: event.occurredAt, recordedBy: by }],
      };
  }
};

export const foldSocialAccount = (
  events: readonly SocialAccountEvent[],
  from: SocialAccountState = initialSocialAccountState(),
): SocialAccountState => events.reduce(evolveSocialAccount, from);
