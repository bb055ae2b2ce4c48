import { createHash, randomBytes } from 'node:crypto';
import type { LoadedAgency } from '../../domain/agency/loaded-agency.js';
import { systemActor } from '../../domain/agency/actor.js';
import { publicRequestView, type PublicAttachment } from '../../domain/portal/public-view.js';
import {
  confirmationExpiresAt,
  isConfirmable,
  limitDay,
  MAX_SUBMISSIONS_PER_IP_PER_DAY,
  MAX_UNCONFIRMED_PER_ADDRESS_PER_DAY,
  normalizedAddress,
} from '../../domain/portal/submission-rules.js';
import { isTrackingToken, trackingPath } from '../../domain/portal/tracking-token.js';
import { REQUESTER_COMPONENT } from '../../domain/request/policy.js';
import type { AttachmentRef } from '../../events/primitives.js';
import type { RequestEvent } from '../../events/request-events.js';
import type { EventStore } from '../event-store.js';
import { readContent, sha256Hex, storeContent, type ObjectStore } from '../object-store.js';
import type { ConfirmationQueue } from '../mail-jobs.js';
import { requestStreamId, type RequestCommands } from '../request/commands.js';
import type { ConfirmedReply, SubmissionStore } from './submission-store.js';
import { submissionKeyOf } from './confirmation-mail.js';

/** What the portal needs beyond the API's own services. */
export interface PortalDeps {
  readonly submissions: SubmissionStore;
  readonly commands: RequestCommands;
  readonly store: EventStore;
  readonly objects: ObjectStore;
  readonly agency: LoadedAgency;
  /** Queues the confirmation mail for the mailer (the API sends no mail itself). */
  readonly queueConfirmation: ConfirmationQueue;
  /** The agency's HMAC key (the reply-address secret): tracking tokens are keyed hashes under their own label. */
  readonly secret: string;
  /** The portal's address as people open it, e.g. `http://127.0.0.1:3000/portal`. */
  readonly baseUrl: string;
}

export interface Submission {
  readonly name: string;
  readonly email: string;
  readonly subject: string;
  readonly body: string;
  readonly organization?: string;
  readonly kind?: 'public' | 'agency';
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
const origin = (baseUrl: string) => baseUrl.replace(/\/portal\/?$/, '');

/**
 * A new submission: nothing is registered, a confirmation link is mailed. Refused (`too_many`) when the
 * address already has five unconfirmed submissions today, or the network address sent a flood.
 */
export const submit = async (
  deps: PortalDeps,
  input: Submission,
  context: { now: string; sourceIp?: string },
): Promise<'confirmation_sent' | 'too_many'> => {
  const { timeZone } = deps.agency.config.calendar;
  const day = limitDay(context.now, timeZone);
  const expiresAt = confirmationExpiresAt(context.now);
  // The counters' keys are digests: an address in clear is never a key or a log line.
  if (
    context.sourceIp &&
    !(await deps.submissions.take(`ip#${hashOf(context.sourceIp)}#${day}`, MAX_SUBMISSIONS_PER_IP_PER_DAY, expiresAt))
  )
    return 'too_many';
  const limitKey = `address#${hashOf(normalizedAddress(input.email))}#${day}`;
  if (!(await deps.submissions.take(limitKey, MAX_UNCONFIRMED_PER_ADDRESS_PER_DAY, expiresAt))) return 'too_many';
  const token = randomBytes(24).toString('base64url');
  await deps.submissions.put(submissionKeyOf(token), {
    name: input.name,
    email: input.email,
    subject: input.subject,
    body: input.body,
    ...(input.organization ? { organization: input.organization } : {}),
    kind: input.kind ?? (input.organization ? 'agency' : 'public'),
    submittedAt: context.now,
    expiresAt,
    limitKey,
  });
  // The mailer sends the link (with retries), reading what was asked from the submission just kept.
  await deps.queueConfirmation({ purpose: 'portal_confirmation', token });
  return 'confirmation_sent';
};

/** The tracking link of a request: `<origin>/portal/track/<REF>?token=…`. */
export const trackUrlOf = (deps: Pick<PortalDeps, 'secret' | 'baseUrl'>, reference: string): string =>
  `${origin(deps.baseUrl)}${trackingPath(deps.secret, reference)}`;

/**
 * Registers the submission a confirmation token names (channel `web`, received now, acknowledged by mail
 * as any other request). The same token again answers with the same reply and registers nothing.
 */
export const confirm = async (
  deps: PortalDeps,
  token: string,
  now: string,
): Promise<{ reply: ConfirmedReply; created: boolean } | 'not_found' | 'expired'> => {
  const tokenHash = submissionKeyOf(token);
  const stored = await deps.submissions.get(tokenHash);
  if (!stored) return 'not_found';
  if ('confirmed' in stored) return { reply: stored.confirmed, created: false };
  const s = stored.pending;
  if (!isConfirmable(s.submittedAt, now)) return 'expired';
  const body = await storeContent(deps.objects, 'bodies', s.body);
  // The token's digest is the idempotency key: two confirmations at once register one request.
  const result = await deps.commands.receive(
    {
      channel: 'web',
      requester: {
        name: s.name,
        email: s.email,
        kind: s.kind,
        ...(s.organization ? { organization: s.organization } : {}),
      },
      subject: s.subject,
      body,
      attachments: [],
      receivedAt: now,
    },
    { now, actor: systemActor('portal') },
    { key: `portal-confirm#${tokenHash}`, fingerprint: tokenHash },
  );
  if (!result.ok) throw result.error;
  const state = result.state as { id: string; dueAt: string };
  const reply: ConfirmedReply = {
    id: result.requestId,
    dueAt: state.dueAt,
    trackUrl: trackUrlOf(deps, result.requestId),
  };
  if (await deps.submissions.markConfirmed(tokenHash, reply)) {
    await deps.submissions.release(s.limitKey);
    return { reply, created: !result.replayed };
  }
  const again = await deps.submissions.get(tokenHash);
  return again && 'confirmed' in again ? { reply: again.confirmed, created: false } : { reply, created: false };
};

/** A message of the requester's view with its text read. */
export interface PublicMessage {
  readonly at: string;
  readonly direction: 'in' | 'out';
  readonly kind: string;
  readonly text: string;
  readonly attachments: readonly (PublicAttachment & { readonly url: string })[];
}

export type PublicRequest = Omit<NonNullable<ReturnType<typeof publicRequestView>>, 'messages'> & {
  readonly messages: readonly PublicMessage[];
};

const eventsOf = async (deps: Pick<PortalDeps, 'store'>, id: string): Promise<RequestEvent[]> =>
  (await deps.store.read(requestStreamId(id))).events.map((e) => e.event as RequestEvent);

/**
 * The requester's view of their request, or undefined for a wrong token or an unknown reference (the
 * same answer, so the portal never says which references exist).
 */
export const publicRequest = async (
  deps: Pick<PortalDeps, 'store' | 'objects' | 'agency' | 'secret'>,
  id: string,
  token: string | undefined,
): Promise<PublicRequest | undefined> => {
  if (!isTrackingToken(deps.secret, id, token)) return undefined;
  const view = publicRequestView(
    await eventsOf(deps, id),
    deps.agency.config.agency.name,
    deps.agency.config.calendar.timeZone,
  );
  if (!view) return undefined;
  const messages: PublicMessage[] = [];
  for (const m of view.messages) {
    const parts = await Promise.all(m.text.map((p) => (typeof p === 'string' ? p : readContent(deps.objects, p))));
    messages.push({
      at: m.at,
      direction: m.direction,
      kind: m.kind,
      text: parts.join('\n\n'),
      attachments: m.attachments.map((a) => ({
        ...a,
        url: `/public/requests/${id}/attachments/${a.sha256}?token=${token}`,
      })),
    });
  }
  return { ...view, messages };
};

/** A file the requester sent or was sent on their request, or undefined (wrong token, no such file, bytes not matching). */
export const requesterAttachment = async (
  deps: Pick<PortalDeps, 'store' | 'objects' | 'agency' | 'secret'>,
  id: string,
  token: string | undefined,
  sha256: string,
): Promise<{ ref: AttachmentRef; bytes: Uint8Array } | undefined> => {
  if (!isTrackingToken(deps.secret, id, token)) return undefined;
  const events = await eventsOf(deps, id);
  // Only files the requester can see: theirs, and those of responses to them.
  const refs = events.flatMap((e) =>
    e.type === 'RequestReceived' || e.type === 'RequesterMessageReceived' || e.type === 'ResponseSent'
      ? e.data.attachments
      : [],
  );
  const ref = refs.find((a) => a.sha256 === sha256);
  if (!ref) return undefined;
  const bytes = await deps.objects.get(ref.storageKey);
  return bytes && sha256Hex(bytes) === ref.sha256 ? { ref, bytes } : undefined;
};

/** The requester acting on their own request through the tracking page. */
const requesterActor = () => systemActor(REQUESTER_COMPONENT);

/**
 * The requester's reply from the tracking page: it joins the request as a mail to the reply address would
 * (`RequesterMessageReceived`, ending a clarification). The same text sent again on the same request (a
 * form posted twice, a double click) is one message.
 */
export const replyAsRequester = async (
  deps: PortalDeps,
  id: string,
  token: string | undefined,
  text: string,
  now: string,
) => {
  if (!isTrackingToken(deps.secret, id, token)) return 'not_found' as const;
  const events = await eventsOf(deps, id);
  const received = events.find((e) => e.type === 'RequestReceived');
  if (!received) return 'not_found' as const;
  const body = await storeContent(deps.objects, 'bodies', text);
  const result = await deps.commands.execute(
    id,
    {
      type: 'ReceiveRequesterMessage',
      data: {
        ...(received.data.requester.email ? { from: received.data.requester.email } : {}),
        subject: `Re: ${received.data.subject}`.slice(0, 998),
        body,
        attachments: [],
        receivedAt: now,
        channel: 'web',
      },
      metadata: { now, actor: requesterActor() },
    },
    { key: `portal-reply#${hashOf(`${id}\n${text}`)}`, fingerprint: hashOf(`${id}\n${text}`) },
  );
  return result.ok ? ('sent' as const) : ('closed' as const);
};

/** The requester withdraws their request: it closes with reason `withdrawn`, recorded as their own act. */
export const withdraw = async (deps: PortalDeps, id: string, token: string | undefined, now: string) => {
  if (!isTrackingToken(deps.secret, id, token)) return 'not_found' as const;
  const result = await deps.commands.execute(
    id,
    { type: 'CloseRequest', data: { reason: 'withdrawn' }, metadata: { now, actor: requesterActor() } },
    `portal-withdraw#${id}`,
  );
  if (!result.ok) return result.error.code === 'REQUEST_NOT_FOUND' ? ('not_found' as const) : ('closed' as const);
  return 'withdrawn' as const;
};
