import type { CommandIdempotency } from '../../../application/request/commands.js';
import type { Actor } from '../../../domain/agency/actor.js';
import { HttpError } from '../errors.js';
import type { RouteInput } from '../types.js';

/** The signed-in actor; routes that are not public never run without one. */
export const actorOf = (input: RouteInput): Actor => {
  if (!input.actor) throw new HttpError(401, 'UNAUTHENTICATED', 'sign in first');
  return input.actor;
};

export const metadataOf = (input: RouteInput) => ({ now: input.now, actor: actorOf(input) });

/** The `{id}` of the path, checked as a reference number. */
export const requestIdOf = (input: RouteInput): string => {
  const id = input.params.id ?? '';
  if (!/^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{5,}$/.test(id))
    throw new HttpError(404, 'REQUEST_NOT_FOUND', `${id} is not a reference number`);
  return id;
};

/** The idempotency of a command run by this request: the scoped key and the fingerprint of what the client sent. */
export const idempotencyOf = (input: RouteInput): CommandIdempotency | undefined =>
  input.idempotencyKey === undefined
    ? undefined
    : input.idempotencyFingerprint === undefined
      ? input.idempotencyKey
      : { key: input.idempotencyKey, fingerprint: input.idempotencyFingerprint };
