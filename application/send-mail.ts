import { ourMessageId } from '../domain/intake/references.js';
import { staffMailEnvelope } from '../domain/mail/staff-mail.js';
import { replyAddress } from '../domain/mail/reply-address.js';
import { trackingPath } from '../domain/portal/tracking-token.js';
import type { DirectoryReader } from '../domain/agency/directory.js';
import { consoleLinks, type LinkFor } from '../domain/sla/links.js';
import {
  acknowledgment,
  clarificationRequest,
  consultationNotice,
  dueDateMoved,
  officialResponse,
  publishedAnswer,
  type DueDateMove,
  type MailContext,
  type RenderedMail,
} from '../domain/mail/templates.js';
import { exists, type Request } from '../domain/request/state.js';
import type { RequestEvent } from '../events/request-events.js';
import type { LoadedAgency } from '../domain/agency/loaded-agency.js';
import type { MailJob } from './mail-jobs.js';
import { readContent, type ObjectStore } from './object-store.js';
import type { MailSender, OutgoingMail } from './outgoing-mail.js';
import type { RequestDecider } from '../domain/request/decider.js';
import type { EventStore } from './event-store.js';
import { isMailRecorded, readMailJob, recordMailSent, UnsendableMailError, type MailRead } from './mail-stream.js';
import { deliverPrivately, type SocialDeliveryDeps } from './social/messages-outbound.js';

export { UnsendableMailError } from './mail-stream.js';

export interface SendMailDeps {
  /** Where the mailer reads the job's event and appends `MailSent`: never the whole stream. */
  readonly store: EventStore;
  /** Decides `MailSent` (the request's decider: recorded once per mail). */
  readonly decider: RequestDecider;
  readonly objects: ObjectStore;
  readonly send: MailSender;
  readonly agency: LoadedAgency;
  /** The key of the reply-address HMAC (Secrets Manager on AWS). */
  readonly replySecret: string;
  readonly now: () => Date;
  /** Where staff addresses come from (the run-time directory); the agency's configured people when absent. */
  readonly directory?: DirectoryReader;
  /** The public portal's address (e.g. `https://necs.example/portal`): acknowledgments then carry the tracking link. */
  readonly portalUrl?: string;
  /** A request's page in the staff console, for mail to staff; as the notifier links them (`https://desk.<agency domain>/requests/<REF>`) when absent. */
  readonly linkFor?: LinkFor;
  /** A social request's requester is answered privately on their platform (the archive copy still goes by mail). */
  readonly social?: SocialDeliveryDeps;
}

export type SendMailResult = 'sent' | 'already_sent' | 'no_recipient';

/** The private message a social request's mail becomes, on the whole request as folded now. */
const deliverSocially = async (social: SocialDeliveryDeps, job: MailJob, event: RequestEvent) => {
  const { state } = await social.commands.load(job.requestId);
  if (!exists(state)) throw new UnsendableMailError(`request ${job.requestId} is gone`);
  return deliverPrivately(social, job, state, event);
};

const contextOf = (state: Request, agency: LoadedAgency): MailContext => ({
  agencyName: agency.config.agency.name,
  reference: state.id,
  requesterName: state.requester.name,
  subject: state.subject,
  timeZone: agency.config.calendar.timeZone,
});

/**
 * Sends the mail one event calls for and records `MailSent` with SES's message id. Safe to run twice:
 * a mail already recorded is not sent again. Reads the request's opening event and the stream from the
 * job's event on (see {@link readMailJob}), never the whole stream.
 */
export const sendMailJob = async (deps: SendMailDeps, job: MailJob): Promise<SendMailResult> => {
  const read = await readMailJob(deps.store, job);
  if (isMailRecorded(read, job)) return 'already_sent';
  const { state, event } = read;
  const { agency } = deps;
  const ctx = contextOf(state, agency);
  const requesterAddress = state.replyTo ?? state.requester.email;
  if (event.type === 'ConsultationRequested') return sendConsultationNotice(deps, job, read, event);
  // The one place the request's channel chooses the delivery: a social requester has no address to mail.
  // The chat's reply window depends on the person's last message, which may precede the job's event:
  // a social delivery folds the whole request (social requests are short streams).
  const privately =
    deps.social && state.channel === 'social' ? await deliverSocially(deps.social, job, event) : undefined;
  let rendered: RenderedMail;
  let cc: string[] = [];
  let attachments: OutgoingMail['attachments'] = [];
  switch (event.type) {
    case 'RequestReceived':
      rendered = acknowledgment(
        ctx,
        event.data.dueAt,
        event.data.responseWorkingDays,
        deps.portalUrl
          ? `${deps.portalUrl.replace(/\/portal\/?$/, '')}${trackingPath(deps.replySecret, state.id)}`
          : undefined,
      );
      break;
    case 'ClarificationRequested':
      rendered = clarificationRequest(ctx, await readContent(deps.objects, event.data.message));
      break;
    case 'ResponseSent': {
      const files = [];
      for (const a of event.data.attachments) {
        const content = await deps.objects.get(a.storageKey);
        if (!content)
          throw new UnsendableMailError(`attachment ${a.filename} of ${job.requestId} is missing from storage`);
        files.push({ filename: a.filename, contentType: a.contentType, content });
      }
      attachments = files;
      cc = event.data.cc;
      rendered = officialResponse(
        ctx,
        await readContent(deps.objects, event.data.body),
        event.data.disposition,
        event.data.reason,
        files.map((f) => f.filename),
      );
      break;
    }
    case 'DeadlineExtended':
      rendered = dueDateMoved(ctx, event.data.previousDueAt, event.data.dueAt, {
        kind: 'extension',
        workingDays: event.data.workingDays,
        reason: event.data.reason,
      });
      break;
    case 'DueDateRecalculated': {
      const c = event.data.cause;
      const move: DueDateMove =
        c.kind === 'official_list_recorded'
          ? { kind: c.kind, year: c.year as number }
          : { kind: c.kind, date: c.date as string, ...(c.name ? { name: c.name } : {}) };
      rendered = dueDateMoved(ctx, event.data.previousDueAt, event.data.dueAt, move);
      break;
    }
    case 'RequestClosed':
      if (event.data.reason !== 'published' || !event.data.url)
        throw new UnsendableMailError(`event ${job.version} of ${job.requestId} calls for no mail`);
      cc = [agency.config.agency.archiveAddress];
      rendered = publishedAnswer(ctx, event.data.url, event.data.note);
      break;
    default:
      throw new UnsendableMailError(`event ${job.version} of ${job.requestId} (${event.type}) calls for no mail`);
  }
  const to = event.type === 'ResponseSent' ? event.data.to : requesterAddress ? [requesterAddress] : [];
  if (to.length === 0 && cc.length === 0) return privately === 'sent' ? 'sent' : 'no_recipient';
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
      headers: {
        'X-Request-Desk-Reference': state.id,
        'Auto-Submitted':
          event.type === 'RequestReceived'
            ? 'auto-replied'
            : event.type === 'DueDateRecalculated'
              ? 'auto-generated'
              : 'no',
      },
      messageId: ourMessageId(job.mailId, from.split('@')[1] as string, deps.replySecret),
    },
    { request: state.id, mail: job.mailId },
  );
  await recordMailSent(
    deps,
    read,
    { mailId: job.mailId, purpose: job.purpose, sesMessageId, to: [...to, ...cc] },
    deps.now().toISOString(),
  );
  return 'sent';
};

/**
 * The notice to a colleague asked for their view (and their stand-in): staff mail, from Request Desk,
 * never threaded into the requester's correspondence (its replies go to the intake address, not the
 * request's reply address). Addresses are the directory's as it stands when the mail leaves.
 */
const sendConsultationNotice = async (
  deps: SendMailDeps,
  job: MailJob,
  read: MailRead,
  event: Extract<RequestEvent, { type: 'ConsultationRequested' }>,
): Promise<SendMailResult> => {
  const { state } = read;
  const now = deps.now().toISOString();
  const directory = await (deps.directory ?? deps.agency.directory).asOf(now);
  const nameOf = (id: string) => directory.person(id)?.name ?? id;
  const to = [...new Set(event.data.notify.flatMap((id) => directory.user(id)?.email ?? []))];
  if (to.length === 0) return 'no_recipient';
  const standIn = event.data.notify.find((id) => id !== event.data.person);
  const asker = event.actor.kind === 'user' ? event.actor.userId : undefined;
  const askedBy = asker ? nameOf(asker) : 'Request Desk';
  const { agencyName, reference, subject } = contextOf(state, deps.agency);
  const linkFor = deps.linkFor ?? consoleLinks(`https://desk.${deps.agency.config.agency.domain}`);
  const rendered = consultationNotice(
    { agencyName, reference, subject },
    { person: nameOf(event.data.person), ...(standIn ? { standIn: nameOf(standIn) } : {}), askedBy },
    linkFor(reference),
  );
  const from = deps.agency.config.agency.intakeAddress;
  // A reply goes to whoever asked; only when they have no address does it reach intake, which holds it
  // (a reply to staff mail), never the requester's thread.
  const askerAddress = asker ? directory.user(asker)?.email : undefined;
  const sesMessageId = await deps.send(
    staffMailEnvelope({
      agencyName,
      fromAddress: from,
      to,
      mail: rendered,
      ...(askerAddress ? { replyTo: askerAddress } : {}),
      headers: { 'X-Request-Desk-Reference': state.id },
      messageId: { exact: ourMessageId(job.mailId, from.split('@')[1] as string, deps.replySecret) },
    }),
    { request: state.id, mail: job.mailId },
  );
  await recordMailSent(deps, read, { mailId: job.mailId, purpose: job.purpose, sesMessageId, to }, now);
  return 'sent';
};
