import type { Directory } from '../domain/agency/directory.js';
import {
  acknowledgment,
  clarificationRequest,
  consultationNotice,
  officialResponse,
  publishedAnswer,
  type MailContext,
  type RenderedMail,
} from '../domain/mail/templates.js';
import { chatTextOf } from '../domain/social/messages-chat.js';
import type { EventActor } from '../events/actor.js';
import type { AttachmentRef, Content, SocialPlatform } from '../events/primitives.js';
import type { RequestEvent } from '../events/request-events.js';
import type { StoredEvent } from './event-store.js';

/** What one entry of the correspondence is. */
export type CorrespondenceKind =
  | 'request'
  | 'requester_message'
  | 'acknowledgment'
  | 'clarification'
  | 'response'
  | 'published_answer'
  | 'mail'
  | 'view_asked'
  | 'view'
  | 'note'
  | 'closed';

/** A file of a message, as the attachment route serves it (by its SHA-256). */
export interface CorrespondenceFile {
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

/** What became of one mail the agency sent: SES accepted it, then delivered or bounced it, per recipient. */
export interface MailStatus {
  readonly sentAt: string;
  readonly to: readonly string[];
  /** Sent as a private message on this platform, not as mail (a social request's requester). */
  readonly via?: SocialPlatform;
  readonly delivered: readonly { readonly at: string; readonly recipients: readonly string[] }[];
  readonly bounced: readonly {
    readonly at: string;
    readonly recipients: readonly string[];
    readonly bounceType: string;
    readonly diagnostic?: string;
  }[];
}

/** A person as the console shows them: id and name from the directory (the id alone when no longer listed). */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
}

/**
 * One entry of a request's correspondence: a message in or out (in full, as plain text), or an internal
 * note, question or view. `text` is always plain text — never HTML — so a screen shows it as text and
 * nothing in it can run, load or link.
 */
export interface CorrespondenceItem {
  readonly kind: CorrespondenceKind;
  /** `in` from the requester, `out` to the requester (or to staff: a view asked), `internal` never mailed. */
  readonly direction: 'in' | 'out' | 'internal';
  /** The event's version: a stable key, and where to find it in the history. */
  readonly version: number;
  readonly at: string;
  /** The member of staff who did it; absent for what the requester or the system did. */
  readonly by?: PersonRef & { readonly actingFor?: PersonRef };
  readonly from?: string;
  readonly to?: readonly string[];
  readonly cc?: readonly string[];
  readonly subject?: string;
  readonly text: string;
  readonly attachments: readonly CorrespondenceFile[];
  readonly disposition?: 'full' | 'partial' | 'refused';
  readonly reason?: string;
  readonly outcome?: 'cleared' | 'advice' | 'concerns';
  /** For a view asked or recorded: whose view, and whether a spokesperson's or a colleague's. */
  readonly person?: PersonRef;
  readonly with?: 'division' | 'spokesperson';
  /** For a view recorded: the question it answers, when one was asked. */
  readonly question?: string;
  /** For mail the agency sent: when it left, and delivery or bounce per recipient. */
  readonly mail?: MailStatus;
  /** The mail's purpose when the system sent one this page does not render (kind `mail`). */
  readonly purpose?: string;
  /** For a social request: the platform its messages came in and went out on, privately. */
  readonly via?: SocialPlatform;
}

export interface CorrespondenceContext {
  readonly agencyName: string;
  readonly archiveAddress: string;
  readonly timeZone: string;
  /** Reads text that may live in object storage (checking its digest). */
  readonly read: (content: Content) => Promise<string>;
  /** The directory now, to name people. */
  readonly directory: Directory;
}

const files = (list: readonly AttachmentRef[]): CorrespondenceFile[] =>
  list.map(({ filename, contentType, sizeBytes, sha256 }) => ({ filename, contentType, sizeBytes, sha256 }));

/**
 * A request's whole correspondence, oldest first (newest last): what the requester wrote and every mail
 * in and out, in full, with attachments, delivery and bounces; notes, questions asked and views recorded.
 * Outgoing mail is rendered with the same templates the mailer used, so staff read what was sent.
 */
export const correspondenceOf = async (
  stored: readonly StoredEvent[],
  ctx: CorrespondenceContext,
): Promise<CorrespondenceItem[]> => {
  const events = stored.map((s) => ({ version: s.version, event: s.event as RequestEvent }));
  const first = events[0]?.event;
  if (!first || first.type !== 'RequestReceived') return [];
  const request = first.data;
  const mailCtx: MailContext = {
    agencyName: ctx.agencyName,
    reference: request.requestId,
    requesterName: request.requester.name,
    subject: request.subject,
    timeZone: ctx.timeZone,
  };
  const platform = request.channel === 'social' ? request.requester.platform : undefined;
  // A social requester has no address: messages to them are addressed by their name on the platform.
  const requesterAddress =
    request.replyTo ?? request.requester.email ?? (platform ? request.requester.name : undefined);
  const via = platform ? { via: platform } : {};
  const person = (id: string): PersonRef => ({ id, name: ctx.directory.person(id)?.name ?? id });
  const byOf = (actor: EventActor): CorrespondenceItem['by'] | undefined =>
    actor.kind === 'user'
      ? { ...person(actor.userId), ...(actor.actingFor ? { actingFor: person(actor.actingFor) } : {}) }
      : undefined;
  const statusOf = mailStatuses(
    events.map((e) => e.event),
    request.requestId,
    request.requester.name,
  );
  const questions = new Map<string, string>();
  const items: CorrespondenceItem[] = [];
  for (const { version, event } of events) {
    const base = { version, at: event.occurredAt, ...(byOf(event.actor) ? { by: byOf(event.actor) } : {}) };
    const mail = statusOf(version);
    // A chat has no subject: a social requester was sent the text shortened for chat, and reads it so here.
    const sent = (rendered: RenderedMail) =>
      platform ? { text: chatTextOf(rendered) } : { subject: rendered.subject, text: rendered.text };
    switch (event.type) {
      case 'RequestReceived': {
        const d = event.data;
        items.push({
          ...base,
          at: d.receivedAt,
          kind: 'request',
          direction: 'in',
          from: d.requester.email ?? d.requester.name,
          ...via,
          ...(platform ? {} : { subject: d.subject }),
          text: await ctx.read(d.body),
          attachments: files(d.attachments),
        });
        if (mail)
          items.push({
            version,
            at: mail.sentAt,
            kind: 'acknowledgment',
            direction: 'out',
            to: mail.to,
            ...via,
            ...sent(acknowledgment(mailCtx, d.dueAt, d.responseWorkingDays)),
            attachments: [],
            mail,
          });
        break;
      }
      case 'RequesterMessageReceived': {
        const d = event.data;
        items.push({
          ...base,
          at: d.receivedAt,
          kind: 'requester_message',
          direction: 'in',
          ...(d.from ? { from: d.from } : platform ? { from: request.requester.name } : {}),
          ...via,
          ...(platform ? {} : { subject: d.subject }),
          text: await ctx.read(d.body),
          attachments: files(d.attachments),
        });
        break;
      }
      case 'ClarificationRequested':
        items.push({
          ...base,
          kind: 'clarification',
          direction: 'out',
          ...(requesterAddress ? { to: [requesterAddress] } : {}),
          ...via,
          ...sent(clarificationRequest(mailCtx, await ctx.read(event.data.message))),
          attachments: [],
          ...(mail ? { mail } : {}),
        });
        break;
      case 'ResponseSent': {
        const d = event.data;
        const rendered = officialResponse(
          mailCtx,
          await ctx.read(d.body),
          d.disposition,
          d.reason,
          d.attachments.map((a) => a.filename),
        );
        items.push({
          ...base,
          kind: 'response',
          direction: 'out',
          to: platform && requesterAddress ? [requesterAddress, ...d.to] : d.to,
          ...via,
          cc: d.cc,
          ...sent(rendered),
          attachments: files(d.attachments),
          disposition: d.disposition,
          ...(d.reason ? { reason: d.reason } : {}),
          ...(mail ? { mail } : {}),
        });
        break;
      }
      case 'RequestClosed': {
        const d = event.data;
        if (d.reason === 'published' && d.url) {
          items.push({
            ...base,
            kind: 'published_answer',
            direction: 'out',
            ...(requesterAddress ? { to: [requesterAddress] } : {}),
            cc: [ctx.archiveAddress],
            ...sent(publishedAnswer(mailCtx, d.url, d.note)),
            attachments: [],
            ...(mail ? { mail } : {}),
          });
        } else
          items.push({
            ...base,
            kind: 'closed',
            direction: 'internal',
            reason: d.reason,
            text: d.note ?? '',
            attachments: [],
          });
        break;
      }
      case 'ConsultationRequested': {
        const d = event.data;
        questions.set(d.person, d.question);
        // Only the notice's subject is shown here (the notice is staff mail; its link is the page being read).
        const notice = consultationNotice(
          mailCtx,
          { person: person(d.person).name, askedBy: base.by?.name ?? 'Request Desk' },
          '',
        );
        items.push({
          ...base,
          kind: 'view_asked',
          direction: 'internal',
          person: person(d.person),
          with: d.with,
          text: d.question,
          subject: notice.subject,
          attachments: [],
          ...(mail ? { mail } : {}),
        });
        break;
      }
      case 'ConsultationRecorded': {
        const d = event.data;
        const question = questions.get(d.person);
        questions.delete(d.person);
        items.push({
          ...base,
          kind: 'view',
          direction: 'internal',
          person: person(d.person),
          with: d.with,
          outcome: d.outcome,
          text: d.note ?? '',
          attachments: [],
          ...(question ? { question } : {}),
        });
        break;
      }
      case 'NoteAdded':
        items.push({ ...base, kind: 'note', direction: 'internal', text: event.data.text, attachments: [] });
        break;
      default:
        break;
    }
  }
  // Mail the system sent for an event this page does not render (a purpose added later): listed, not lost.
  const rendered = new Set(items.filter((i) => i.mail).map((i) => i.version));
  for (const { version, event } of events) {
    if (event.type !== 'MailSent' || rendered.has(mailVersion(event.data.mailId, request.requestId) ?? -1)) continue;
    const status = statusOf(mailVersion(event.data.mailId, request.requestId) ?? -1);
    items.push({
      version,
      at: event.occurredAt,
      kind: 'mail',
      direction: 'out',
      to: event.data.to,
      purpose: event.data.purpose,
      text: '',
      attachments: [],
      ...(status ? { mail: status } : {}),
    });
  }
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.version - b.version);
};

/** `NECS-2026-00001.v7` → 7: the event a mail was sent for (mail ids are `<reference>.v<version>`). */
const mailVersion = (mailId: string, reference: string): number | undefined => {
  const m = /^(.+)\.v(\d+)$/.exec(mailId);
  return m && m[1] === reference ? Number(m[2]) : undefined;
};

/**
 * For each event that called for a mail: when it was sent, and what SES reported of its delivery. For a
 * social request, the private message sent for it (to the requester, by name) stands first.
 */
const mailStatuses = (events: readonly RequestEvent[], reference: string, requesterName: string) => {
  const byVersion = new Map<number, { sentAt: string; to: string[]; sesMessageId: string; via?: SocialPlatform }>();
  for (const e of events) {
    if (e.type !== 'SocialMessageSent') continue;
    const v = mailVersion(e.data.messageId, reference);
    if (v !== undefined && !byVersion.has(v))
      byVersion.set(v, { sentAt: e.occurredAt, to: [requesterName], sesMessageId: '', via: e.data.platform });
  }
  for (const e of events) {
    if (e.type !== 'MailSent') continue;
    const v = mailVersion(e.data.mailId, reference);
    if (v !== undefined && !byVersion.has(v))
      byVersion.set(v, { sentAt: e.occurredAt, to: [...e.data.to], sesMessageId: e.data.sesMessageId });
  }
  return (version: number): MailStatus | undefined => {
    const sent = byVersion.get(version);
    if (!sent) return undefined;
    const delivered: { at: string; recipients: string[] }[] = [];
    const bounced: { at: string; recipients: string[]; bounceType: string; diagnostic?: string }[] = [];
    for (const e of events) {
      if (e.type === 'ResponseDelivered' && e.data.sesMessageId === sent.sesMessageId)
        delivered.push({ at: e.data.deliveredAt, recipients: [...e.data.recipients] });
      if (e.type === 'ResponseBounced' && e.data.sesMessageId === sent.sesMessageId)
        bounced.push({
          at: e.occurredAt,
          recipients: [...e.data.recipients],
          bounceType: e.data.bounceType,
          ...(e.data.diagnostic ? { diagnostic: e.data.diagnostic } : {}),
        });
    }
    return { sentAt: sent.sentAt, to: sent.to, delivered, bounced, ...(sent.via ? { via: sent.via } : {}) };
  };
};
