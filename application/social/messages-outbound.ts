import { systemActor } from '../../domain/agency/actor.js';
import {
  acknowledgment,
  clarificationRequest,
  dueDateMoved,
  officialResponse,
  publishedAnswer,
  type MailContext,
  type RenderedMail,
} from '../../domain/mail/templates.js';
import type { Request } from '../../domain/request/state.js';
import { chatParts, chatTextOf } from '../../domain/social/messages-chat.js';
import type { SocialPlatform } from '../../events/primitives.js';
import type { RequestEvent } from '../../events/request-events.js';
import type { LoadedAgency } from '../../domain/agency/loaded-agency.js';
import type { MailJob } from '../mail-jobs.js';
import { readContent, type ObjectStore } from '../object-store.js';
import type { RequestCommands } from '../request/commands.js';

/**
 * How a message may go out on a chat platform. Meta lets a page answer freely within 24 hours of the
 * person's last message (`response`); after that only with a message tag — a person of the agency
 * answering them (`human_agent`, which Meta allows up to 7 days after their last message).
 */
export type MessagingWindow = 'response' | 'human_agent';

/** One private message to one person on a platform. Never a public post or comment. */
export interface PrivateMessage {
  readonly platform: SocialPlatform;
  readonly recipientId: string;
  readonly text: string;
  readonly window: MessagingWindow;
}

/** The outbound port: sends a private message and returns the platform's id of it. */
export interface SocialMessenger {
  sendPrivateMessage(message: PrivateMessage): Promise<{ readonly messageId: string }>;
}

export interface SocialDeliveryDeps {
  readonly messenger: SocialMessenger;
  readonly commands: RequestCommands;
  readonly objects: ObjectStore;
  readonly agency: LoadedAgency;
  readonly now: () => Date;
  /** The portal's page of a request (with its token): where a text too long for a chat is read in full. */
  readonly trackUrlFor?: (requestId: string) => string;
}

export type SocialDeliveryResult = 'sent' | 'already_sent' | 'not_for_chat';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `response` within 24 hours of the person's last message, `human_agent` after. */
export const windowAt = (lastHeardAt: string, now: Date): MessagingWindow =>
  now.getTime() - Date.parse(lastHeardAt) < DAY_MS ? 'response' : 'human_agent';

/** What the requester is told for an event, rendered by the same templates as their mail would be. */
const renderFor = async (deps: SocialDeliveryDeps, state: Request, event: RequestEvent) => {
  const ctx: MailContext = {
    agencyName: deps.agency.config.agency.name,
    reference: state.id,
    requesterName: state.requester.name,
    subject: state.subject,
    timeZone: deps.agency.config.calendar.timeZone,
  };
  const link = deps.trackUrlFor?.(state.id);
  switch (event.type) {
    case 'RequestReceived':
      return acknowledgment(ctx, event.data.dueAt, event.data.responseWorkingDays, link);
    case 'ClarificationRequested':
      return clarificationRequest(ctx, await readContent(deps.objects, event.data.message));
    case 'ResponseSent': {
      const files = event.data.attachments.map((a) => a.filename);
      const mail = officialResponse(
        ctx,
        await readContent(deps.objects, event.data.body),
        event.data.disposition,
        event.data.reason,
        files,
      );
      // A chat carries no files: the portal's page of the request does.
      return files.length > 0 && link
        ? {
            ...mail,
            text: mail.text.replace(/^Attached: (.*)\.$/m, `The files ($1) are on your request's page:\n${link}`),
          }
        : mail;
    }
    case 'DeadlineExtended':
      return dueDateMoved(ctx, event.data.previousDueAt, event.data.dueAt, {
        kind: 'extension',
        workingDays: event.data.workingDays,
        reason: event.data.reason,
      });
    case 'DueDateRecalculated': {
      const c = event.data.cause;
      return dueDateMoved(
        ctx,
        event.data.previousDueAt,
        event.data.dueAt,
        c.kind === 'official_list_recorded'
          ? { kind: c.kind, year: c.year as number }
          : { kind: c.kind, date: c.date as string, ...(c.name ? { name: c.name } : {}) },
      );
    }
    case 'RequestClosed':
      return event.data.reason === 'published' && event.data.url
        ? publishedAnswer(ctx, event.data.url, event.data.note)
        : undefined;
    default:
      return undefined;
  }
};

/**
 * Sends what a mail job calls for to the requester of a social request as private messages on their
 * platform — never on the public page — and records `SocialMessageSent`. Safe to run twice: a message
 * already recorded for the job is not sent again. Staff mail (a view asked) never comes here.
 */
export const deliverPrivately = async (
  deps: SocialDeliveryDeps,
  job: MailJob,
  state: Request,
  event: RequestEvent,
): Promise<SocialDeliveryResult> => {
  const { platform, senderId } = state.requester;
  if (!platform || !senderId || job.purpose === 'consultation_request') return 'not_for_chat';
  if (state.socialMessages.some((m) => m.messageId === job.mailId)) return 'already_sent';
  const rendered: RenderedMail | undefined = await renderFor(deps, state, event);
  if (!rendered) return 'not_for_chat';
  const now = deps.now();
  const window = windowAt(state.lastHeardAt, now);
  const platformMessageIds: string[] = [];
  for (const text of chatParts(chatTextOf(rendered), deps.trackUrlFor?.(state.id))) {
    const sent = await deps.messenger.sendPrivateMessage({ platform, recipientId: senderId, text, window });
    platformMessageIds.push(sent.messageId);
  }
  const recorded = await deps.commands.execute(state.id, {
    type: 'RecordSocialMessageSent',
    data: { messageId: job.mailId, purpose: job.purpose, platform, recipientId: senderId, platformMessageIds },
    metadata: { now: now.toISOString(), actor: systemActor('social-messenger') },
  });
  if (!recorded.ok) throw recorded.error;
  return 'sent';
};
