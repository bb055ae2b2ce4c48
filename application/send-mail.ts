import { systemActor } from '../domain/agency/actor.js';
import { ourMessageId } from '../domain/intake/references.js';
import { replyAddress } from '../domain/mail/reply-address.js';
import { acknowledgment, clarificationRequest, officialResponse, publishedAnswer, type MailContext, type RenderedMail } from '../domain/mail/templates.js';
import { exists, type Request } from '../domain/request/state.js';
import type { RequestEvent } from '../events/request-events.js';
import type { LoadedAgency } from '../config/load.js';
import type { MailJob } from './mail-jobs.js';
import { readContent, type ObjectStore } from './object-store.js';
import type { MailSender, OutgoingMail } from './outgoing-mail.js';
import type { RequestCommands } from './request-commands.js';

export interface SendMailDeps {
  readonly commands: RequestCommands;
  readonly objects: ObjectStore;
  readonly send: MailSender;
  readonly agency: LoadedAgency;
  /** The key of the reply-address HMAC (Secrets Manager on AWS). */
  readonly replySecret: string;
  readonly now: () => Date;
}

export type SendMailResult = 'sent' | 'already_sent' | 'no_recipient';

/** A job that can never succeed (its request or event is gone); retrying will not help. */
export class UnsendableMailError extends Error {
  override readonly name = 'UnsendableMailError';
}

const contextOf = (state: Request, agency: LoadedAgency): MailContext => ({
  agencyName: agency.config.agency.name,
  reference: state.id,
  requesterName: state.requester.name,
  subject: state.subject,
  timeZone: agency.config.calendar.timeZone,
});

/**
 * Sends the mail one event calls for and records `MailSent` with SES's message id. Safe to run twice:
 * a mail already recorded is not sent again.
 */
export const sendMailJob = async (deps: SendMailDeps, job: MailJob): Promise<SendMailResult> => {
  const { state, events } = await deps.commands.load(job.requestId);
  if (!exists(state)) throw new UnsendableMailError(`no request ${job.requestId}`);
  if (state.mails.some((m) => m.mailId === job.mailId)) return 'already_sent';
  const event = events.find((e) => e.version === job.version)?.event as RequestEvent | undefined;
  if (!event) throw new UnsendableMailError(`request ${job.requestId} has no event ${job.version}`);
  const { agency } = deps;
  const ctx = contextOf(state, agency);
  const requesterAddress = state.replyTo ?? state.requester.email;
  let rendered: RenderedMail;
  let cc: string[] = [];
  let attachments: OutgoingMail['attachments'] = [];
  switch (event.type) {
    case 'RequestReceived':
      rendered = acknowledgment(ctx, event.data.dueAt, event.data.responseWorkingDays);
      break;
    case 'ClarificationRequested':
      rendered = clarificationRequest(ctx, await readContent(deps.objects, event.data.message));
      break;
    case 'ResponseSent': {
      const files = [];
      for (const a of event.data.attachments) {
        const content = await deps.objects.get(a.storageKey);
        if (!content) throw new UnsendableMailError(`attachment ${a.filename} of ${job.requestId} is missing from storage`);
        files.push({ filename: a.filename, contentType: a.contentType, content });
      }
      attachments = files;
      cc = event.data.cc;
      rendered = officialResponse(ctx, await readContent(deps.objects, event.data.body), event.data.disposition, event.data.reason, files.map((f) => f.filename));
      break;
    }
    case 'RequestClosed':
      if (event.data.reason !== 'published' || !event.data.url) throw new UnsendableMailError(`event ${job.version} of ${job.requestId} calls for no mail`);
      cc = [agency.config.agency.archiveAddress];
      rendered = publishedAnswer(ctx, event.data.url, event.data.note);
      break;
    default:
      throw new UnsendableMailError(`event ${job.version} of ${job.requestId} (${event.type}) calls for no mail`);
  }
  const to = event.type === 'ResponseSent' ? event.data.to : requesterAddress ? [requesterAddress] : [];
  if (to.length === 0 && cc.length === 0) return 'no_recipient';
  const from = agency.config.agency.intakeAddress;
  const sesMessageId = await deps.send(
    {
      from: { name: agency.config.agency.name, address: from },
      replyTo: replyAddress(from, state.id, deps.replySecret),
      to,
      cc,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachments,
      headers: { 'X-Request-Desk-Reference': state.id, 'Auto-Submitted': event.type === 'RequestReceived' ? 'auto-replied' : 'no' },
      messageId: ourMessageId(job.mailId, from.split('@')[1] as string, deps.replySecret),
    },
    { request: state.id, mail: job.mailId },
  );
  const recorded = await deps.commands.execute(state.id, {
    type: 'RecordMailSent',
    data: { mailId: job.mailId, purpose: job.purpose, sesMessageId, to: [...to, ...cc] },
    metadata: { now: deps.now().toISOString(), actor: systemActor('mailer') },
  });
  if (!recorded.ok) throw recorded.error;
  return 'sent';
};
