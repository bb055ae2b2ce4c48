import type { EventActor } from '../../events/actor.js';
import type { SocialAccountEvent } from '../../events/social-events.js';
import type { Directory } from '../agency/directory.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { DomainError } from '../shared/errors.js';
import type { SocialAccountCommand, SocialAccountCommandOf, SocialAccountCommandType } from './commands.js';
import { evaluationDueAt } from './evaluation-clock.js';
import { accountRules, authorizeSocial } from './policy.js';
import {
  socialAccountExists,
  type SocialAccount,
  type SocialAccountState,
  type SocialAccountStatus,
} from './account-state.js';
import { eventBuilder } from '../shared/new-event.js';

export interface SocialDeciderDeps {
  readonly calendar: WorkingCalendar;
  readonly directory: Directory;
}

type Decision = readonly SocialAccountEvent[] | DomainError;

const event = eventBuilder<SocialAccountEvent>();

const requireStatus = (
  s: SocialAccount,
  action: string,
  allowed: readonly SocialAccountStatus[],
): DomainError | undefined =>
  allowed.includes(s.status)
    ? undefined
    : new DomainError('INVALID_TRANSITION', `cannot ${action}: account ${s.id} is ${s.status}`, {
        status: s.status,
        allowedStatuses: allowed,
      });

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/**
 * The official-account workflow: the life cycle `proposed → approved → active → retired`, the
 * assessment before approval, yearly evaluations on the working-day clock, the named recorders,
 * monthly follower counts and the record trail. Pure: the clock and actor come in the command's
 * metadata, the calendar and directory in the deps.
 */
export const createSocialAccountDecide = ({ calendar, directory }: SocialDeciderDeps) => {
  const handlers: {
    [T in Exclude<SocialAccountCommandType, 'ProposeAccount'>]: (
      cmd: SocialAccountCommandOf<T>,
      s: SocialAccount,
      actor: EventActor,
    ) => Decision;
  } = {
    RecordAssessment: ({ data, metadata }, s, actor) => {
      const refused = requireStatus(s, 'record an assessment', ['proposed', 'approved', 'active']);
      if (refused) return refused;
      if (data.termsReviewed !== true || blank(data.privacyRisks) || blank(data.mitigations))
        return new DomainError(
          'INVALID_INPUT',
          'an assessment reviews the platform’s terms and names the privacy risks and their mitigations',
        );
      return [event('SocialAccountAssessed', actor, metadata.now, { ...data, termsReviewed: true })];
    },

    ApproveAccount: ({ metadata }, s, actor) => {
      if (s.status === 'approved') return [];
      const refused = requireStatus(s, 'approve it', ['proposed']);
      if (refused) return refused;
      if (!s.assessment)
        return new DomainError(
          'ASSESSMENT_REQUIRED',
          `account ${s.id} cannot be approved before its terms review and privacy impact assessment`,
        );
      return [event('SocialAccountApproved', actor, metadata.now, { assessedAt: s.assessment.at })];
    },

    ActivateAccount: ({ metadata }, s, actor) => {
      if (s.status === 'active') return [];
      const refused = requireStatus(s, 'activate it', ['approved']);
      if (refused) return refused;
      return [
        event('SocialAccountActivated', actor, metadata.now, {
          evaluationDueAt: evaluationDueAt(calendar, metadata.now),
        }),
      ];
    },

    EvaluateAccount: ({ data, metadata }, s, actor) => {
      const refused = requireStatus(s, 'evaluate it', ['active']);
      if (refused) return refused;
      if (blank(data.period) || blank(data.findings))
        return new DomainError('INVALID_INPUT', 'an evaluation names its period and its findings');
      if (s.evaluations.some((e) => e.period === data.period && e.findings === data.findings)) return [];
      return [
        event('SocialAccountEvaluated', actor, metadata.now, {
          ...data,
          nextEvaluationDueAt: evaluationDueAt(calendar, metadata.now),
        }),
      ];
    },

    RetireAccount: ({ data, metadata }, s, actor) => {
      if (s.status === 'retired') return [];
      if (blank(data.reason)) return new DomainError('INVALID_INPUT', 'retiring an account states the reason');
      return [event('SocialAccountRetired', actor, metadata.now, { reason: data.reason })];
    },

    NameRecorders: ({ data, metadata }, s, actor) => {
      const refused = requireStatus(s, 'name its recorders', ['proposed', 'approved', 'active']);
      if (refused) return refused;
      const unknown = data.recorders.filter((id) => !directory.user(id));
      if (unknown.length > 0)
        return new DomainError('UNKNOWN_PERSON', `not active staff: ${unknown.join(', ')}`, { unknown });
      const recorders = [...new Set(data.recorders)].sort();
      if (recorders.join() === [...s.recorders].sort().join()) return [];
      return [event('SocialRecordersNamed', actor, metadata.now, { recorders })];
    },

    RecordFollowers: ({ data, metadata }, s, actor) => {
      const refused = requireStatus(s, 'record its followers', ['active']);
      if (refused) return refused;
      if (s.followers[data.month] === data.count) return [];
      return [event('SocialFollowersRecorded', actor, metadata.now, { month: data.month, count: data.count })];
    },

    RecordPost: ({ data, metadata }, s, actor) => {
      const refused = requireStatus(s, 'record what it shared', ['active']);
      if (refused) return refused;
      if (data.kind === 'takedown' && blank(data.reason))
        return new DomainError('INVALID_INPUT', 'a takedown states its reason against the moderation policy');
      if (data.kind !== 'takedown' && data.reason !== undefined)
        return new DomainError('INVALID_INPUT', 'only a takedown has a reason');
      if (calendar.parseInstant(data.publishedAt) > calendar.parseInstant(metadata.now))
        return new DomainError('INVALID_INPUT', 'publishedAt is in the future: record what was shared');
      return [
        event('SocialPostRecorded', actor, metadata.now, {
          postNumber: s.posts.length + 1,
          kind: data.kind,
          text: data.text,
          ...(data.url ? { url: data.url } : {}),
          publishedAt: data.publishedAt,
          ...(data.reason !== undefined ? { reason: data.reason } : {}),
        }),
      ];
    },
  };

  /** Decides a command on an account: the events to append (possibly none) or the refusal. */
  return (command: SocialAccountCommand, state: SocialAccountState): Decision => {
    const recorders = socialAccountExists(state) ? state.recorders : [];
    const actor = authorizeSocial(command.metadata.actor, command.type, accountRules[command.type], recorders);
    if (command.type === 'ProposeAccount') {
      if (socialAccountExists(state)) return new DomainError('ALREADY_EXISTS', `account ${state.id} already exists`);
      if (actor instanceof DomainError) return actor;
      const d = command.data;
      return [
        event('SocialAccountProposed', actor, command.metadata.now, {
          accountId: d.accountId,
          platform: d.platform,
          handle: d.handle,
          ...(d.url ? { url: d.url } : {}),
          purpose: d.purpose,
          plan: d.plan,
        }),
      ];
    }
    if (actor instanceof DomainError) return actor;
    if (!socialAccountExists(state)) return new DomainError('SOCIAL_ACCOUNT_NOT_FOUND', 'no such account');
    const handler = handlers[command.type] as (
      cmd: SocialAccountCommand,
      s: SocialAccount,
      actor: EventActor,
    ) => Decision;
    return handler(command, state, actor);
  };
};
