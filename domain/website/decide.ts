import type { EventActor } from '../../events/actor.js';
import type { WebsiteEvent } from '../../events/website-events.js';
import type { Directory } from '../agency/directory.js';
import { slaStatusAt } from '../calendar/sla-status.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { DomainError } from '../shared/errors.js';
import { publicationDueAt, submissionDueAt } from './clocks.js';
import type { CreatingWebsiteCommand, WebsiteCommand, WebsiteCommandOf } from './commands.js';
import { WEBSITE_ACTION_RULES } from './allowed-actions.js';
import { authorizeWebsite } from './policy.js';
import {
  flagKey,
  runningClock,
  websiteUpdateExists,
  type WebsiteState,
  type WebsiteUpdate,
  type WebsiteUpdateStatus,
} from './state.js';
import { eventBuilder } from '../shared/new-event.js';

export interface WebsiteDeciderDeps {
  readonly calendar: WorkingCalendar;
  readonly directory: Directory;
  /** The division that keeps the website (ICT services). */
  readonly ictDivision: string;
}

type Decision = readonly WebsiteEvent[] | DomainError;

const event = eventBuilder<WebsiteEvent>();

const requireStatus = (
  s: WebsiteUpdate,
  action: string,
  allowed: readonly WebsiteUpdateStatus[],
): DomainError | undefined =>
  allowed.includes(s.status)
    ? undefined
    : new DomainError('INVALID_TRANSITION', `cannot ${action}: website update ${s.id} is ${s.status}`, {
        status: s.status,
        allowedStatuses: allowed,
      });

/**
 * The website-update workflow: decides which events a command produces, or the rule it breaks.
 * Pure: the clock and actor come in the command's metadata, the calendar in the deps.
 */
export const createWebsiteDecide = ({ calendar, directory, ictDivision }: WebsiteDeciderDeps) => {
  const handlers: {
    [T in Exclude<WebsiteCommand, CreatingWebsiteCommand>['type']]: (
      cmd: WebsiteCommandOf<T>,
      s: WebsiteUpdate,
      actor: EventActor,
    ) => Decision;
  } = {
    ConfirmComplete: ({ metadata }, s, actor) => {
      if (s.status === 'complete') return [];
      const refused = requireStatus(s, 'confirm it complete', WEBSITE_ACTION_RULES.complete.statuses);
      if (refused) return refused;
      // A second confirmation (after a return before the first) starts the clock afresh.
      return [
        event('WebsiteUpdateCompleted', actor, metadata.now, {
          publicationDueAt: publicationDueAt(calendar, metadata.now, []),
        }),
      ];
    },

    ReturnIncomplete: ({ data, metadata }, s, actor) => {
      const refused = requireStatus(s, 'return it as incomplete', WEBSITE_ACTION_RULES.return.statuses);
      if (refused) return refused;
      return [event('WebsiteUpdateReturned', actor, metadata.now, { reason: data.reason })];
    },

    ResubmitWebsiteUpdate: ({ data, metadata }, s, actor) => {
      const refused = requireStatus(s, 'resubmit', WEBSITE_ACTION_RULES.resubmit.statuses);
      if (refused) return refused;
      const resumes = s.pausedAt !== undefined && s.completedAt !== undefined;
      const adjustments = s.adjustments.map((a) =>
        a.kind === 'pause' && a.to === undefined ? { ...a, to: metadata.now } : a,
      );
      return [
        event('WebsiteUpdateResubmitted', actor, metadata.now, {
          ...(data.body ? { body: data.body } : {}),
          ...(data.attachments ? { attachments: [...data.attachments] } : {}),
          ...(resumes ? { publicationDueAt: publicationDueAt(calendar, s.completedAt as string, adjustments) } : {}),
        }),
      ];
    },

    RecordPublished: ({ data, metadata }, s, actor) => {
      if (s.status === 'published' && s.url === data.url) return [];
      const refused = requireStatus(s, 'record it published', WEBSITE_ACTION_RULES.published.statuses);
      if (refused) return refused;
      return [event('WebsiteUpdatePublished', actor, metadata.now, { url: data.url })];
    },

    WithdrawWebsiteUpdate: ({ data, metadata }, s, actor) => {
      const refused = requireStatus(s, 'withdraw it', WEBSITE_ACTION_RULES.withdraw.statuses);
      if (refused) return refused;
      return [event('WebsiteUpdateWithdrawn', actor, metadata.now, { reason: data.reason })];
    },

    CheckWebsiteSla: ({ metadata }, s, actor) => {
      const running = runningClock(s, ictDivision);
      if (!running) return [];
      const key = flagKey(running.clock, running.dueAt);
      const status = slaStatusAt(calendar, { dueAt: running.dueAt }, metadata.now);
      if (status === 'breached' && !s.flaggedBreached.includes(key))
        return [event('WebsiteSlaBreached', actor, metadata.now, { clock: running.clock, dueAt: running.dueAt })];
      if (status === 'at_risk' && !s.flaggedAtRisk.includes(key))
        return [event('WebsiteSlaAtRisk', actor, metadata.now, { clock: running.clock, dueAt: running.dueAt })];
      return [];
    },

    RecalculateWebsiteDueDate: ({ data, metadata }, s, actor) => {
      // Only a date still ahead of the update moves: the division's while ICT has not confirmed the
      // information complete (its clock runs when it is returned), ICT's while its clock runs. A stopped
      // ICT clock takes the calendar as it stands when the division resubmits.
      const pending =
        s.status === 'submitted' || s.status === 'returned'
          ? {
              clock: 'submission' as const,
              previousDueAt: s.submissionDueAt,
              dueAt: submissionDueAt(calendar, s.eventDate, s.submittedAt),
            }
          : s.status === 'complete' && s.completedAt && s.publicationDueAt
            ? {
                clock: 'publication' as const,
                previousDueAt: s.publicationDueAt,
                dueAt: publicationDueAt(calendar, s.completedAt, s.adjustments),
              }
            : undefined;
      if (!pending || calendar.parseInstant(pending.dueAt).equals(calendar.parseInstant(pending.previousDueAt)))
        return [];
      return [event('WebsiteDueDateRecalculated', actor, metadata.now, { ...pending, cause: data.cause })];
    },

    RecordWebsiteBreachAlert: ({ data, metadata }, s, actor) =>
      s.alertDigests.includes(data.digestId)
        ? []
        : [event('WebsiteBreachAlertSent', actor, metadata.now, { ...data, recipients: [...data.recipients] })],
  };

  const create = (cmd: CreatingWebsiteCommand, actor: EventActor): Decision => {
    const { metadata } = cmd;
    if (cmd.type === 'ProposeFromCommonRequests') {
      const d = cmd.data;
      if (d.requestIds.length === 0)
        return new DomainError('INVALID_INPUT', `no archived request has the topic "${d.topic}"`);
      return [
        event('WebsiteUpdateSubmitted', actor, metadata.now, {
          updateId: d.updateId,
          division: ictDivision,
          kind: 'information',
          title: d.title,
          body: d.body,
          attachments: [...d.attachments],
          origin: { topic: d.topic, requestIds: [...d.requestIds] },
          submissionDueAt: submissionDueAt(calendar, undefined, metadata.now),
        }),
      ];
    }
    const d = cmd.data;
    const division = cmd.metadata.actor.kind === 'user' ? cmd.metadata.actor.division : undefined;
    if (!division || !directory.division(division))
      return new DomainError('UNKNOWN_DIVISION', 'a website update comes from a division');
    if (
      d.eventDate !== undefined &&
      d.eventDate > calendar.addDays(calendar.localDate(calendar.parseInstant(metadata.now)), 366)
    ) {
      return new DomainError('INVALID_INPUT', 'eventDate is more than a year ahead');
    }
    return [
      event('WebsiteUpdateSubmitted', actor, metadata.now, {
        updateId: d.updateId,
        division,
        kind: d.kind,
        title: d.title,
        body: d.body,
        ...(d.eventDate ? { eventDate: d.eventDate } : {}),
        attachments: [...d.attachments],
        submissionDueAt: submissionDueAt(calendar, d.eventDate, metadata.now),
      }),
    ];
  };

  /** Decides a command on a website update: the events to append (possibly none) or the refusal. */
  return (command: WebsiteCommand, state: WebsiteState): Decision => {
    const actor = authorizeWebsite(command.metadata.actor, state, command.type, ictDivision);
    if (command.type === 'SubmitWebsiteUpdate' || command.type === 'ProposeFromCommonRequests') {
      if (websiteUpdateExists(state))
        return new DomainError('REQUEST_ALREADY_EXISTS', `website update ${state.id} already exists`);
      return actor instanceof DomainError ? actor : create(command, actor);
    }
    if (!websiteUpdateExists(state)) return new DomainError('WEBSITE_UPDATE_NOT_FOUND', 'no such website update');
    if (actor instanceof DomainError) return actor;
    const handler = handlers[command.type] as (cmd: WebsiteCommand, s: WebsiteUpdate, actor: EventActor) => Decision;
    return handler(command, state, actor);
  };
};
