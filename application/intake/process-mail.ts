import { systemActor } from '../../domain/agency/actor.js';
import { detectAutomatic } from '../../domain/intake/automatic-mail.js';
import {
  isStaffMessageId,
  messageIdsReferenced,
  normalizeMessageId,
  ourMessageIdParts,
  referencesInSubject,
  sesMessageIdOf,
} from '../../domain/intake/references.js';
import { isStaffMailPurpose } from '../../domain/mail/staff-mail.js';
import { requesterFrom } from '../../domain/intake/requester.js';
import { routeMail, type CandidateRequest, type Routing } from '../../domain/intake/routing.js';
import { referenceFromReplyAddress } from '../../domain/mail/reply-address.js';
import { exists, type MailRecord, type RequestState } from '../../domain/request/state.js';
import { isFinishedStatus } from '../../domain/request/statuses.js';
import { isEmailAddress, normalizeEmailAddress } from '../../events/email-address.js';
import type { RecordInboundMail } from '../../domain/intake/mail-decider.js';
import type { MailEvent, MailEventOf } from '../../events/intake-events.js';
import type { RequestEvent } from '../../events/request-events.js';
import { mailJobFor } from '../mail-jobs.js';
import { clipText } from '../../events/text.js';
import type { LoadedAgency } from '../../domain/agency/loaded-agency.js';
import { IdempotencyKeyReusedError } from '../errors.js';
import type { EventStore } from '../event-store.js';
import { storeContent, type ObjectStore } from '../object-store.js';
import type { CommandOutcome, RequestCommands } from '../request/commands.js';
import { defaultIntakeLimits, parseMail, type IntakeLimits } from './parse-mail.js';
import { mailCommands, mailStreamId } from './mail-stream.js';
import { takeSenderAllowance } from './sender-allowance.js';

/** Read models intake consults to thread replies (kept by the projector). */
export interface ThreadLookups {
  requestForSesMessageId(sesMessageId: string): Promise<string | undefined>;
  requestForMessageId(normalizedMessageId: string): Promise<string | undefined>;
}

export interface IntakeDeps {
  readonly store: EventStore;
  readonly commands: RequestCommands;
  readonly objects: ObjectStore;
  readonly agency: LoadedAgency;
  readonly replySecret: string;
  readonly lookups: ThreadLookups;
  readonly now: () => Date;
  readonly limits?: IntakeLimits;
}

/** A raw message as the transport left it: in object storage, with when it arrived. */
export interface InboundMail {
  readonly storageKey: string;
  /** When the transport received it; the same on every redelivery, so retries decide the same way. */
  readonly receivedAt: string;
  /** SMTP envelope recipients, when known (they may differ from To/Cc). */
  readonly recipients?: readonly string[];
  /** The receiving service's own verdicts (SES's receipt; locally the SMTP listener's). Never read from the message's headers. */
  readonly verdicts?: ReceiptVerdicts;
}

/** Spam, virus and DMARC verdicts as the receiving service reports them (`PASS`, `FAIL`, `GRAY`, …). */
export interface ReceiptVerdicts {
  readonly spam?: string;
  readonly virus?: string;
  readonly dmarc?: string;
}

export interface IntakeResult {
  readonly mailId: string;
  readonly outcome: 'new_request' | 'threaded' | 'held' | 'ignored';
  readonly requestId?: string;
  readonly reason: string;
  /** True when this mail had been processed before (a redelivery): nothing new happened. */
  readonly replayed: boolean;
}

export { mailStreamId };

/**
 * What a mail we sent for a request was for: by our Message-ID (`REF.vN`, the event that called for it,
 * known even before its `MailSent` is recorded) or by SES's message id (its `MailSent`).
 */
const purposeOfOurMail = (
  requestId: string,
  { state, events }: { state: RequestState; events: readonly { version: number; event: unknown }[] },
  by: { mailId: string } | { sesMessageId: string },
): MailRecord['purpose'] | undefined => {
  if (!exists(state)) return undefined;
  if ('sesMessageId' in by) return state.mails.find((m) => m.sesMessageId.toLowerCase() === by.sesMessageId)?.purpose;
  const version = Number(by.mailId.split('.v')[1]);
  const event = events.find((e) => e.version === version)?.event as RequestEvent | undefined;
  return (
    (event ? mailJobFor(requestId, version, event)?.purpose : undefined) ??
    state.mails.find((m) => m.mailId === by.mailId)?.purpose
  );
};

/**
 * Takes one received mail from object storage to its outcome: a new request (acknowledged by the
 * outbox), a message on an existing request, the holding pen, or ignored. Every outcome is recorded
 * on the mail's own stream with the raw message's key; processing the same raw message again has no
 * further effect, and a second copy of a Message-ID already seen is recorded as a duplicate.
 */
export const processInboundMail = async (deps: IntakeDeps, inbound: InboundMail): Promise<IntakeResult> => {
  const { config } = deps.agency;
  const limits = deps.limits ?? defaultIntakeLimits;
  const stream = await deps.objects.getStream(inbound.storageKey);
  if (!stream) throw new Error(`raw message ${inbound.storageKey} is not in object storage`);
  const parsed = await parseMail(stream, deps.objects, limits);
  const mailId = parsed.raw.sha256;
  const streamId = mailStreamId(mailId);

  const earlier = await deps.store.read(streamId);
  if (earlier.events.length > 0)
    return {
      ...summarize(
        mailId,
        earlier.events.map((e) => e.event as MailEvent),
      ),
      replayed: true,
    };

  type Loaded = Awaited<ReturnType<RequestCommands['load']>>;
  const loads = new Map<string, Promise<Loaded>>();
  const loaded = (requestId: string): Promise<Loaded> => {
    if (!loads.has(requestId)) loads.set(requestId, deps.commands.load(requestId));
    return loads.get(requestId) as Promise<Loaded>;
  };
  const candidate = async (requestId: string | undefined): Promise<CandidateRequest | undefined> => {
    if (!requestId) return undefined;
    const { state } = await loaded(requestId);
    if (!exists(state)) return { requestId, exists: false, acceptsMessages: false, requesterAddresses: [] };
    return {
      requestId,
      exists: true,
      acceptsMessages: !isFinishedStatus(state.status),
      requesterAddresses: [state.requester.email, state.replyTo].flatMap((a) => (a ? [a.toLowerCase()] : [])),
    };
  };
  const [intakeLocal, domain] = config.agency.intakeAddress.toLowerCase().split('@') as [string, string];
  // Only addresses by the one definition, each once: an envelope or Cc entry the catalogue would refuse is not a recipient.
  const recipients = [
    ...new Set([...(inbound.recipients ?? []), ...parsed.to, ...parsed.cc].map(normalizeEmailAddress)),
  ].filter(isEmailAddress);
  const replyRecipient = recipients.find((r) => r.startsWith(`${intakeLocal}+`) && r.endsWith(`@${domain}`));
  const replyRef = replyRecipient
    ? referenceFromReplyAddress(replyRecipient, config.agency.intakeAddress, deps.replySecret)
    : undefined;
  // A message we sent proves the sender received our mail; a requester's own Message-ID proves nothing
  // (anyone they wrote to, or who saw the thread, can quote it), so it threads only mail from the requester.
  let threadRef: string | undefined;
  let threadedByRequesterMessage = false;
  // The newest message of ours the mail names decides: a reply to mail we sent to staff (a view asked,
  // a digest) is never the requester's, whatever request that mail was about.
  let repliesToStaffMail: { requestId?: string } | undefined;
  const fromAgencyDomain =
    parsed.from?.address.toLowerCase().endsWith(`@${config.agency.domain.toLowerCase()}`) ?? false;
  for (const id of messageIdsReferenced(parsed.inReplyTo, parsed.references)) {
    if (isStaffMessageId(id, domain)) {
      repliesToStaffMail = {};
      break;
    }
    const ours = ourMessageIdParts(id, domain, deps.replySecret);
    const ses = ours ? undefined : sesMessageIdOf(id);
    const ref = ours?.reference ?? (ses ? await deps.lookups.requestForSesMessageId(ses) : undefined);
    // On AWS, SES gives staff mail that belongs to no request (digests, reports) its own id, which no
    // lookup knows: a colleague of the agency replying to such an id is answering mail we sent to staff.
    if (!ref && ses && fromAgencyDomain) {
      repliesToStaffMail = {};
      break;
    }
    if (!ref) continue;
    const purpose = purposeOfOurMail(
      ref,
      await loaded(ref),
      ours ? { mailId: ours.mailId } : { sesMessageId: ses as string },
    );
    if (purpose && isStaffMailPurpose(purpose)) repliesToStaffMail = { requestId: ref };
    else threadRef = ref;
    break;
  }
  if (!threadRef && !repliesToStaffMail) {
    for (const id of messageIdsReferenced(parsed.inReplyTo, parsed.references)) {
      threadRef = await deps.lookups.requestForMessageId(id);
      if (threadRef) {
        threadedByRequesterMessage = true;
        break;
      }
    }
  }
  const ownAddresses = [config.agency.intakeAddress, config.agency.archiveAddress].map((a) => a.toLowerCase());
  const fromAddress = parsed.from?.address;
  const tooLarge = parsed.raw.sizeBytes > limits.maxMessageBytes;
  const replyCandidate = replyRecipient ? await candidate(replyRef) : undefined;
  const threadCandidate = await candidate(threadRef);
  const subjectCandidate = await candidate(referencesInSubject(parsed.subject, config.agency.referencePrefix)[0]);
  const routing: Routing = tooLarge
    ? {
        outcome: 'hold',
        reason: 'too_large',
        detail: `${parsed.raw.sizeBytes} bytes, over the ${limits.maxMessageBytes}-byte limit`,
      }
    : routeMail({
        ...(fromAddress ? { fromAddress } : {}),
        fromOurAddress:
          fromAddress !== undefined &&
          (ownAddresses.includes(fromAddress) ||
            (fromAddress.startsWith(`${intakeLocal}+`) && fromAddress.endsWith(`@${domain}`))),
        ...(() => {
          const automatic = detectAutomatic({
            headers: parsed.headers,
            ...(fromAddress ? { fromAddress } : {}),
            subject: parsed.subject,
            contentType: parsed.contentType,
          });
          return automatic ? { automatic } : {};
        })(),
        verdicts: inbound.verdicts ?? {},
        ...(replyRecipient
          ? {
              replyAddress: {
                genuine: replyRef !== undefined,
                ...(replyCandidate ? { candidate: replyCandidate } : {}),
              },
            }
          : {}),
        ...(threadCandidate
          ? { threadedBy: { ...threadCandidate, byRequesterMessage: threadedByRequesterMessage } }
          : {}),
        ...(subjectCandidate ? { subjectReference: subjectCandidate } : {}),
        ...(repliesToStaffMail ? { repliesToStaffMail } : {}),
      });

  const body = await storeContent(deps.objects, 'bodies', parsed.text);
  const now = deps.now().toISOString();
  const metadata = { now, actor: systemActor('email-intake') };
  const key = parsed.messageId ? `message-id:${normalizeMessageId(parsed.messageId)}` : `mail:${mailId}`;
  const messageFields = {
    subject: parsed.subject,
    body,
    attachments: [...parsed.attachments],
    receivedAt: inbound.receivedAt,
    channel: 'email' as const,
    ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
  };

  let outcome: MailEvent;
  const recordedAs = (type: 'MailRouted' | 'MailHeld' | 'MailIgnored', data: Record<string, unknown>): MailEvent =>
    ({
      type,
      schemaVersion: 1,
      occurredAt: now,
      actor: { kind: 'system', component: 'email-intake' },
      data,
    }) as MailEvent;
  const settle = async (
    run: () => Promise<CommandOutcome>,
    kind: 'new_request' | 'threaded',
    reason: string,
  ): Promise<MailEvent> => {
    try {
      const result = await run();
      if (!result.ok)
        return recordedAs('MailHeld', { reason: 'request_refused', detail: result.error.message.slice(0, 1000) });
      return recordedAs('MailRouted', {
        outcome: kind,
        requestId: result.requestId,
        reason: result.replayed ? `${reason} (same Message-ID as a mail already taken)` : reason,
      });
    } catch (err) {
      if (err instanceof IdempotencyKeyReusedError)
        return recordedAs('MailIgnored', {
          reason: 'duplicate',
          detail: `Message-ID ${parsed.messageId ?? ''} was already received`.slice(0, 1000),
        });
      throw err;
    }
  };
  switch (routing.outcome) {
    case 'new_request': {
      // A new request is acknowledged: at most a few a day to one sender, or a mail loop never ends.
      const allowance = await takeSenderAllowance(deps, {
        from: fromAddress as string,
        mailId,
        receivedAt: inbound.receivedAt,
        timeZone: config.calendar.timeZone,
      });
      if (allowance.kind === 'over_limit') {
        outcome = recordedAs('MailHeld', {
          reason: 'too_many_from_sender',
          detail: `this sender already had ${allowance.limit} acknowledgments today: held unanswered, so that an automatic responder and our acknowledgment do not answer each other for ever`,
        });
        break;
      }
      const requester = requesterFrom(fromAddress as string, parsed.from?.name, config.agency.agencyDomains);
      outcome = await settle(
        () =>
          deps.commands.receive(
            {
              requester,
              ...(parsed.replyTo && parsed.replyTo !== requester.email ? { replyTo: parsed.replyTo } : {}),
              ...messageFields,
            },
            metadata,
            key,
          ),
        'new_request',
        routing.reason,
      );
      break;
    }
    case 'thread':
      outcome = await settle(
        () =>
          deps.commands.execute(
            routing.requestId,
            {
              type: 'ReceiveRequesterMessage',
              data: { ...(fromAddress ? { from: fromAddress } : {}), ...messageFields },
              metadata,
            },
            key,
          ),
        'threaded',
        routing.reason,
      );
      break;
    case 'hold':
      outcome = recordedAs('MailHeld', {
        reason: routing.reason,
        detail: routing.detail.slice(0, 1000),
        ...(routing.candidateRequestId ? { candidateRequestId: routing.candidateRequestId } : {}),
      });
      break;
    case 'ignore':
      outcome = recordedAs('MailIgnored', { reason: routing.reason, detail: routing.detail.slice(0, 1000) });
      break;
  }

  const received: MailEventOf<'MailReceived'>['data'] = {
    mailId,
    raw: { storageKey: inbound.storageKey, sha256: parsed.raw.sha256, sizeBytes: parsed.raw.sizeBytes },
    ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
    ...(fromAddress ? { from: fromAddress } : {}),
    ...(parsed.from?.name ? { fromName: clipText(parsed.from.name, 200) } : {}),
    ...(parsed.fromHeader ? { fromHeader: parsed.fromHeader } : {}),
    ...(parsed.replyTo ? { replyTo: parsed.replyTo } : {}),
    to: recipients.slice(0, 100),
    subject: parsed.subject,
    body,
    attachments: [...parsed.attachments],
    quarantined: [...parsed.quarantined],
    receivedAt: inbound.receivedAt,
    parseWarnings: parsed.warnings.slice(0, 20),
  };
  // Recorded through the mail's decider: a redelivery that raced this one past the check above records nothing.
  const recorded = await mailCommands(deps.store).handle(mailId, {
    type: 'RecordInboundMail',
    data: { received, outcome: { type: outcome.type, data: outcome.data } as RecordInboundMail['data']['outcome'] },
    metadata: { now, actor: { kind: 'system', component: 'email-intake' } },
  });
  if (!recorded.ok) throw recorded.error;
  return { ...summarize(mailId, recorded.state.events), replayed: recorded.events.length === 0 };
};

const summarize = (mailId: string, events: readonly MailEvent[]): Omit<IntakeResult, 'replayed'> => {
  const decided = events.find((e) => e.type === 'MailRouted' || e.type === 'MailHeld' || e.type === 'MailIgnored');
  if (decided?.type === 'MailRouted')
    return { mailId, outcome: decided.data.outcome, requestId: decided.data.requestId, reason: decided.data.reason };
  if (decided?.type === 'MailHeld')
    return {
      mailId,
      outcome: 'held',
      reason: decided.data.reason,
      ...(decided.data.candidateRequestId ? { requestId: decided.data.candidateRequestId } : {}),
    };
  if (decided?.type === 'MailIgnored') return { mailId, outcome: 'ignored', reason: decided.data.reason };
  return { mailId, outcome: 'held', reason: 'undecided' };
};
