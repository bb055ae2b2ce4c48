import type { EventActor } from '../../events/actor.js';
import { TOPIC_MAX_LENGTH, type RequestEvent } from '../../events/request-events.js';
import type { Directory } from '../agency/directory.js';
import { computeDueDate } from '../calendar/due-date.js';
import { remainingWorkingDays, scheduleDueAt } from '../calendar/schedule.js';
import { slaStatusAt } from '../calendar/sla-status.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { RequestCommand, RequestCommandOf } from './commands.js';
import { DomainError } from '../shared/errors.js';
import { ACCEPTED_STATUSES } from './accepted-statuses.js';
import { checkReceivedAt } from './received-at.js';
import { authorize, authorizeConsultation, REQUESTER_COMPONENT } from './policy.js';
import {
  exists,
  hasSpokespersonConsultation,
  isOpen,
  pendingAsks,
  type Request,
  type RequestState,
  type RequestStatus,
} from './state.js';

/** What `decide` needs besides the command and the state: the agency's calendar and people. */
export interface RequestDeciderDeps {
  readonly calendar: WorkingCalendar;
  readonly directory: Directory;
}

type Decision = readonly RequestEvent[] | DomainError;

/** Builds an event with the envelope every event shares. */
const event = <E extends RequestEvent>(
  type: E['type'],
  schemaVersion: E['schemaVersion'],
  actor: EventActor,
  occurredAt: string,
  data: E['data'],
): E => ({ type, schemaVersion, occurredAt, actor, data }) as E;

const invalid = (state: Request, action: string, allowed: readonly RequestStatus[]): DomainError =>
  new DomainError('INVALID_TRANSITION', `cannot ${action}: request ${state.id} is ${state.status.replace('_', ' ')}`, {
    status: state.status,
    allowedStatuses: allowed,
  });

const requireStatus = (state: Request, action: string, allowed: readonly RequestStatus[]): DomainError | undefined =>
  allowed.includes(state.status) ? undefined : invalid(state, action, allowed);

/** The statuses each command is accepted in, as the console offers its actions. */
const IN = ACCEPTED_STATUSES;

/**
 * The request workflow: decides which events a command produces on a request in `state`, or
 * refuses it with a DomainError. Pure: no I/O, the clock and actor come in the command's metadata.
 */
export const createDecide = (deps: RequestDeciderDeps) => {
  const { calendar, directory } = deps;
  const sla = directory.config.sla;

  const dueAfter = (state: Request, adjustments: Request['adjustments']): string =>
    scheduleDueAt(calendar, state.receivedAt, state.responseWorkingDays, adjustments);

  const handlers: {
    [T in RequestCommand['type']]: (cmd: RequestCommandOf<T>, state: Request, actor: EventActor) => Decision;
  } = {
    ReceiveRequest: () => [], // handled before a request exists; see decide()

    AssignRequest: ({ data, metadata }, state, actor) => {
      const refused = requireStatus(state, 'assign', IN.AssignRequest);
      if (refused) return refused;
      if (!directory.division(data.division)) {
        return new DomainError('UNKNOWN_DIVISION', `there is no division ${data.division}`, {
          division: data.division,
        });
      }
      if (data.assignee !== undefined) {
        const person = directory.user(data.assignee);
        const isStaff =
          person?.division === data.division &&
          person.roles.some((r) => r === 'division_officer' || r === 'division_chief');
        if (!isStaff) {
          return new DomainError('UNKNOWN_PERSON', `${data.assignee} is not an officer or chief of ${data.division}`, {
            assignee: data.assignee,
          });
        }
      }
      if (state.division === data.division && state.assignee === data.assignee) return [];
      return [
        event('RequestAssigned', 1, actor, metadata.now, {
          division: data.division,
          ...(data.assignee ? { assignee: data.assignee } : {}),
          ...(state.division && state.division !== data.division ? { previousDivision: state.division } : {}),
        }),
      ];
    },

    RecordConsultation: ({ data, metadata }, state, actor) => {
      const refused = requireStatus(state, 'record a consultation', IN.RecordConsultation);
      if (refused) return refused;
      const person = directory.user(data.person);
      if (!person)
        return new DomainError('UNKNOWN_PERSON', `${data.person} is not a member of the agency`, {
          person: data.person,
        });
      if (data.with === 'spokesperson' && !person.roles.includes('spokesperson')) {
        return new DomainError('UNKNOWN_PERSON', `${data.person} is not a media spokesperson`, { person: data.person });
      }
      if (data.with === 'division' && person.division !== state.division) {
        return new DomainError(
          'UNKNOWN_PERSON',
          `${data.person} is not in ${state.division}, the division holding this request`,
          {
            person: data.person,
          },
        );
      }
      // A spokesperson's outcome comes from that spokesperson (or their stand-in); a division's from its staff.
      const recorded = authorizeConsultation(metadata.actor, actor, data);
      if (recorded instanceof DomainError) return recorded;
      return [event('ConsultationRecorded', 2, recorded, metadata.now, data)];
    },

    RequestConsultation: ({ data, metadata }, state, actor) => {
      const refused = requireStatus(state, 'ask for a view', IN.RequestConsultation);
      if (refused) return refused;
      const person = directory.user(data.person);
      if (!person)
        return new DomainError('UNKNOWN_PERSON', `${data.person} is not an active member of the agency`, {
          person: data.person,
        });
      // A spokesperson is asked as a spokesperson; anyone else must be of the division, whose consultation it then is.
      const withWhom = person.roles.includes('spokesperson')
        ? 'spokesperson'
        : person.division === state.division
          ? 'division'
          : undefined;
      if (!withWhom) {
        return new DomainError(
          'UNKNOWN_PERSON',
          `${data.person} is neither a media spokesperson nor in ${state.division}, the division holding this request`,
          {
            person: data.person,
          },
        );
      }
      if (actor.kind === 'user' && actor.userId === data.person)
        return new DomainError('INVALID_INPUT', 'ask someone else for their view; record your own as a consultation');
      const question = data.question.trim();
      if (question.length === 0) return new DomainError('INVALID_INPUT', 'the question is empty');
      // Asking again the same question, still unanswered, is a retry.
      if (pendingAsks(state).some((a) => a.person === data.person && a.question === question)) return [];
      // While they are on leave, their stand-in is told too: the delegate may answer in their own name.
      const standIn = directory.standIn(data.person);
      const notify = standIn === data.person ? [data.person] : [data.person, standIn];
      return [
        event('ConsultationRequested', 1, actor, metadata.now, {
          with: withWhom,
          person: data.person,
          question,
          notify,
        }),
      ];
    },

    RequestClarification: ({ data, metadata }, state, actor) => {
      const refused = requireStatus(state, 'ask for clarification', IN.RequestClarification);
      if (refused) return refused;
      return [
        event('ClarificationRequested', 1, actor, metadata.now, {
          message: data.message,
          remainingWorkingDays: remainingWorkingDays(calendar, metadata.now, state.dueAt),
        }),
      ];
    },

    ReceiveRequesterMessage: ({ data, metadata }, state, actor) => {
      const refused = requireStatus(state, 'add a message from the requester', IN.ReceiveRequesterMessage);
      if (refused) return refused;
      const message = event('RequesterMessageReceived', 1, actor, metadata.now, data);
      if (state.status !== 'awaiting_clarification') return [message];
      const resumed = state.adjustments.map((a) =>
        a.kind === 'pause' && a.to === undefined ? { ...a, to: metadata.now } : a,
      );
      return [
        message,
        event('ClarificationReceived', 1, actor, metadata.now, {
          previousDueAt: state.dueAt,
          dueAt: dueAfter(state, resumed),
        }),
      ];
    },

    ExtendDeadline: ({ data, metadata }, state, actor) => {
      // While a clarification stops the clock there is no running deadline to extend.
      const refused = requireStatus(state, 'extend the deadline', IN.ExtendDeadline);
      if (refused) return refused;
      if (!Number.isInteger(data.workingDays) || data.workingDays < 1) {
        return new DomainError('INVALID_INPUT', 'an extension is a whole number of working days, at least 1');
      }
      if (state.extendedWorkingDays + data.workingDays > sla.maxExtensionWorkingDays) {
        return new DomainError(
          'EXTENSION_LIMIT_EXCEEDED',
          `extensions may add at most ${sla.maxExtensionWorkingDays} working days in all; ${state.extendedWorkingDays} already added`,
          { alreadyExtended: state.extendedWorkingDays, limit: sla.maxExtensionWorkingDays },
        );
      }
      const adjustments = [
        ...state.adjustments,
        { kind: 'extension' as const, at: metadata.now, workingDays: data.workingDays },
      ];
      return [
        event('DeadlineExtended', 1, actor, metadata.now, {
          workingDays: data.workingDays,
          reason: data.reason,
          previousDueAt: state.dueAt,
          dueAt: dueAfter(state, adjustments),
        }),
      ];
    },

    SendResponse: ({ data, metadata }, state, actor) => {
      if (state.status === 'awaiting_clarification') {
        return new DomainError(
          'INVALID_TRANSITION',
          `cannot respond: request ${state.id} is waiting for the requester's clarification`,
          {
            status: state.status,
          },
        );
      }
      const refused = requireStatus(state, 'respond', IN.SendResponse);
      if (refused) return refused;
      if (!hasSpokespersonConsultation(state)) {
        return new DomainError(
          'SPOKESPERSON_NOT_CONSULTED',
          'the agency plan requires consulting a media spokesperson before any response is sent',
        );
      }
      if (data.disposition !== 'full' && !data.reason?.trim()) {
        return new DomainError(
          'INVALID_INPUT',
          `a ${data.disposition} response must give the reason information is withheld`,
        );
      }
      if (state.responses.some((r) => r.responseId === data.responseId)) return [];
      const to = state.replyTo ?? state.requester.email;
      return [
        event('ResponseSent', 1, actor, metadata.now, {
          responseId: data.responseId,
          body: data.body,
          disposition: data.disposition,
          ...(data.reason ? { reason: data.reason } : {}),
          attachments: [...data.attachments],
          to: to ? [to] : [],
          cc: [directory.config.agency.archiveAddress],
        }),
      ];
    },

    RecordMailSent: ({ data, metadata }, state, actor) =>
      state.mails.some((m) => m.mailId === data.mailId) ? [] : [event('MailSent', 1, actor, metadata.now, data)],

    RecordSocialMessageSent: ({ data, metadata }, state, actor) =>
      state.socialMessages.some((m) => m.messageId === data.messageId)
        ? []
        : [event('SocialMessageSent', 1, actor, metadata.now, data)],

    RecordDelivery: ({ data, metadata }, state, actor) => {
      const mail = state.mails.find((m) => m.sesMessageId === data.sesMessageId);
      if (!mail)
        return new DomainError('INVALID_INPUT', `no mail ${data.sesMessageId} was sent for request ${state.id}`);
      const fresh = data.recipients.filter((r) => !mail.deliveredTo.includes(r));
      return fresh.length === 0
        ? []
        : [event('ResponseDelivered', 1, actor, metadata.now, { ...data, recipients: fresh })];
    },

    RecordBounce: ({ data, metadata }, state, actor) => {
      const mail = state.mails.find((m) => m.sesMessageId === data.sesMessageId);
      if (!mail)
        return new DomainError('INVALID_INPUT', `no mail ${data.sesMessageId} was sent for request ${state.id}`);
      const same = (b: { recipients: readonly string[]; bounceType: string }) =>
        b.bounceType === data.bounceType &&
        b.recipients.length === data.recipients.length &&
        b.recipients.every((r) => data.recipients.includes(r));
      return mail.bounced.some(same) ? [] : [event('ResponseBounced', 1, actor, metadata.now, data)];
    },

    ArchiveRequest: ({ data, metadata }, state, actor) => {
      const refused = requireStatus(state, 'archive', IN.ArchiveRequest);
      if (refused) return refused;
      const topics = [...new Set(data.topics.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))];
      if (topics.length === 0) {
        return new DomainError(
          'INVALID_INPUT',
          'name at least one topic, so that common requests can be compiled for the website',
        );
      }
      const tooLong = topics.find((t) => t.length > TOPIC_MAX_LENGTH);
      if (tooLong !== undefined) {
        return new DomainError('INVALID_INPUT', `a topic is at most ${TOPIC_MAX_LENGTH} characters once lower-cased`, {
          topic: tooLong.slice(0, 40),
        });
      }
      return [event('RequestArchived', 1, actor, metadata.now, { topics, publishable: data.publishable })];
    },

    CloseRequest: ({ data, metadata }, state, actor) => {
      const refused = requireStatus(state, 'close', IN.CloseRequest);
      if (refused) return refused;
      if (data.reason === 'published')
        return new DomainError(
          'INVALID_INPUT',
          'answering with a published page is AnswerWithPublishedPage, with its url',
        );
      if (actor.kind === 'system' && actor.component === REQUESTER_COMPONENT && data.reason !== 'withdrawn')
        return new DomainError('FORBIDDEN', 'a requester may only withdraw their own request');
      return [event('RequestClosed', 1, actor, metadata.now, data)];
    },

    AddNote: ({ data, metadata }, _state, actor) => [event('NoteAdded', 1, actor, metadata.now, data)],

    AnswerWithPublishedPage: ({ data, metadata }, state, actor) => {
      const refused = requireStatus(state, 'answer with a published page', IN.AnswerWithPublishedPage);
      if (refused) return refused;
      return [
        event('RequestClosed', 1, actor, metadata.now, {
          reason: 'published',
          url: data.url,
          ...(data.note ? { note: data.note } : {}),
        }),
      ];
    },

    CheckSla: ({ metadata }, state, actor) => {
      if (!isOpen(state)) return [];
      const status = slaStatusAt(
        calendar,
        { dueAt: state.dueAt, ...(state.pausedAt ? { pausedAt: state.pausedAt } : {}) },
        metadata.now,
      );
      if (status === 'breached' && !state.flaggedBreached.includes(state.dueAt)) {
        return [event('SlaBreached', 1, actor, metadata.now, { dueAt: state.dueAt })];
      }
      if (status === 'at_risk' && !state.flaggedAtRisk.includes(state.dueAt)) {
        return [event('SlaAtRisk', 1, actor, metadata.now, { dueAt: state.dueAt })];
      }
      return [];
    },

    RecordBreachAlert: ({ data, metadata }, state, actor) =>
      state.alertDigests.includes(data.digestId) ? [] : [event('BreachAlertSent', 1, actor, metadata.now, data)],

    RecalculateDueDate: ({ data, metadata }, state, actor) => {
      if (!isOpen(state) || state.pausedAt) return [];
      const dueAt = dueAfter(state, state.adjustments);
      if (calendar.parseInstant(dueAt).equals(calendar.parseInstant(state.dueAt))) return [];
      return [
        event('DueDateRecalculated', 1, actor, metadata.now, { previousDueAt: state.dueAt, dueAt, cause: data.cause }),
      ];
    },
  };

  const receive = (cmd: RequestCommandOf<'ReceiveRequest'>, actor: EventActor): Decision => {
    const { data, metadata } = cmd;
    const startDate = directory.config.agency.startDate;
    const outOfBounds = checkReceivedAt(
      calendar.parseInstant(data.receivedAt),
      calendar.parseInstant(metadata.now),
      startDate ? calendar.parseInstant(startDate) : undefined,
    );
    if (outOfBounds) return outOfBounds;
    const responseWorkingDays = sla.responseWorkingDays;
    const { dueAt } = computeDueDate(calendar, data.receivedAt, responseWorkingDays);
    return [
      event('RequestReceived', 1, actor, metadata.now, {
        ...data,
        attachments: [...data.attachments],
        receivedAt: calendar.format(calendar.parseInstant(data.receivedAt)),
        responseWorkingDays,
        dueAt,
      }),
    ];
  };

  /**
   * Decides a command on a request: the events to append (possibly none, when the command changes
   * nothing — the workflow is idempotent where a retry is likely) or the rule it breaks.
   */
  return (command: RequestCommand, state: RequestState): Decision => {
    if (command.type === 'ReceiveRequest') {
      if (exists(state)) return new DomainError('REQUEST_ALREADY_EXISTS', `request ${state.id} already exists`);
      const actor = authorize(command.metadata.actor, state, command.type);
      return actor instanceof DomainError ? actor : receive(command, actor);
    }
    if (!exists(state)) return new DomainError('REQUEST_NOT_FOUND', 'no such request');
    const actor = authorize(command.metadata.actor, state, command.type);
    if (actor instanceof DomainError) return actor;
    const handler = handlers[command.type] as (cmd: RequestCommand, state: Request, actor: EventActor) => Decision;
    return handler(command, state, actor);
  };
};
