import type { StreamHead } from '../domain/shared/stream-head.js';
import { systemActor } from '../domain/agency/actor.js';
import type { RequestDecider } from '../domain/request/decider.js';
import { DomainError } from '../domain/shared/errors.js';
import { exists, fold, type Request } from '../domain/request/state.js';
import type { RequestEvent, RequestEventOf } from '../events/request-events.js';
import { ConcurrencyError, ConflictError } from './errors.js';
import type { EventStore } from './event-store.js';
import type { MailJob } from './mail-jobs.js';
import { requestStreamId } from './request/commands.js';

/**
 * What the mailer knows of a request without reading its whole stream: the request as opened (its
 * reference, requester, reply address and subject — set by `RequestReceived` and by no later event), the
 * event whose mail it sends, and every event since that one (where the mail's `MailSent` would be: it is
 * appended only after its event was read, so always after it).
 */
export interface MailRead {
  /** The request folded from its opening event and the events from the job's version on. */
  readonly state: Request;
  /** The event that calls for the mail. */
  readonly event: RequestEvent;
  /** The stream head as read, for a `MailSent` appended on it. */
  readonly head: StreamHead;
}

/** A job that can never succeed (its request or event is gone); retrying will not help. */
export class UnsendableMailError extends Error {
  override readonly name = 'UnsendableMailError';
}

/**
 * Reads what a mail job needs: version 1 and the versions from the job's on (a ranged read, with the head),
 * side by side. For an official response near the end of a long stream that is a handful of items instead
 * of the whole stream.
 */
export const readMailJob = async (store: EventStore, job: MailJob): Promise<MailRead> => {
  const streamId = requestStreamId(job.requestId);
  const [opening, since] = await Promise.all([
    job.version === 1 ? undefined : store.read(streamId, { fromVersion: 1, toVersion: 1 }),
    store.read(streamId, { fromVersion: job.version }),
  ]);
  const first = (opening ?? since).events[0];
  if (!first || first.version !== 1 || !since.head) throw new UnsendableMailError(`no request ${job.requestId}`);
  const later = since.events.filter((e) => e.version > 1);
  const state = fold([first, ...later].map((e) => e.event as RequestEvent));
  const event = since.events.find((e) => e.version === job.version)?.event as RequestEvent | undefined;
  if (!exists(state)) throw new UnsendableMailError(`no request ${job.requestId}`);
  if (!event) throw new UnsendableMailError(`request ${job.requestId} has no event ${job.version}`);
  return { state, event, head: since.head };
};

/** True when the mail of `job` is on record in what was read (see {@link MailRead}). */
export const isMailRecorded = (read: MailRead, job: MailJob): boolean =>
  read.state.mails.some((m) => m.mailId === job.mailId);

/**
 * Records `MailSent` on the head the mailer read, decided by the request decider on what it knows (the
 * mails recorded since the job's event, the only place this mail's record can be). When another writer
 * appended meanwhile, only the events after the known head are read, folded in and decided again: the
 * stream is never read whole.
 */
export const recordMailSent = async (
  deps: { readonly store: EventStore; readonly decider: RequestDecider; readonly maxAttempts?: number },
  read: MailRead,
  data: RequestEventOf<'MailSent'>['data'],
  now: string,
): Promise<void> => {
  const streamId = requestStreamId(read.state.id);
  let { state, head } = read;
  for (let attempt = 1; attempt <= (deps.maxAttempts ?? 8); attempt++) {
    const decision = deps.decider.decide(
      { type: 'RecordMailSent', data, metadata: { now, actor: systemActor('mailer') } },
      state,
    );
    if (decision instanceof DomainError) throw decision;
    if (decision.length === 0) return;
    try {
      await deps.store.append(streamId, decision, head);
      return;
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err;
      const more = await deps.store.read(streamId, { fromVersion: head.version + 1 });
      const folded = fold(
        more.events.map((e) => e.event as RequestEvent),
        state,
      );
      if (!exists(folded) || !more.head) throw new UnsendableMailError(`no request ${read.state.id}`);
      state = folded;
      head = more.head;
    }
  }
  throw new ConflictError(`request ${read.state.id} kept changing while its mail ${data.mailId} was recorded`);
};
