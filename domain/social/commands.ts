import type {
  SocialAccountPlan,
  SocialIncidentSeverity,
  AccountPlatform,
  SocialPostKind,
} from '../../events/social-events.js';
import type { Command } from '../shared/command.js';

/** The commands on an official account: its life cycle, its recorders and follower counts, and its record trail. */
export type SocialAccountCommand =
  | Command<
      'ProposeAccount',
      {
        readonly accountId: string;
        readonly platform: AccountPlatform;
        readonly handle: string;
        readonly url?: string;
        readonly purpose: string;
        readonly plan: SocialAccountPlan;
      }
    >
  | Command<
      'RecordAssessment',
      { readonly termsReviewed: true; readonly privacyRisks: string; readonly mitigations: string }
    >
  | Command<'ApproveAccount', Record<string, never>>
  | Command<'ActivateAccount', Record<string, never>>
  | Command<'EvaluateAccount', { readonly period: string; readonly findings: string }>
  | Command<'RetireAccount', { readonly reason: string }>
  | Command<'NameRecorders', { readonly recorders: readonly string[] }>
  | Command<'RecordFollowers', { readonly month: string; readonly count: number }>
  | Command<
      'RecordPost',
      {
        readonly kind: SocialPostKind;
        readonly text: string;
        readonly url?: string;
        readonly publishedAt: string;
        readonly reason?: string;
      }
    >;
export type SocialAccountCommandType = SocialAccountCommand['type'];
export type SocialAccountCommandOf<T extends SocialAccountCommandType> = Extract<SocialAccountCommand, { type: T }>;

/** The commands on an incident: open it on an account, record what was done, close it. */
export type SocialIncidentCommand =
  | Command<
      'OpenIncident',
      {
        readonly incidentId: string;
        readonly account: string;
        readonly severity: SocialIncidentSeverity;
        readonly title: string;
        readonly description: string;
      }
    >
  | Command<'RecordIncidentAction', { readonly text: string }>
  | Command<'CloseIncident', { readonly resolution?: string }>;
export type SocialIncidentCommandType = SocialIncidentCommand['type'];
