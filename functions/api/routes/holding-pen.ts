import * as z from 'zod';
import { decideHeldMail, type HoldingPenAction } from '../../../application/intake/holding-pen.js';
import { DomainError } from '../../../domain/request/errors.js';
import { RequestReference } from '../../../events/primitives.js';
import { HttpError } from '../errors.js';
import type { Route, RouteInput } from '../types.js';
import { actorOf } from './input.js';

const mailIdOf = (input: RouteInput): string => {
  const id = input.params.id ?? '';
  if (!/^[a-f0-9]{64}$/.test(id)) throw new HttpError(404, 'NOT_FOUND', 'no such mail in the holding pen');
  return id;
};
const intakeOnly = (input: RouteInput) => {
  const actor = actorOf(input);
  if (actor.kind !== 'user' || !actor.roles.includes('intake_officer')) throw new DomainError('FORBIDDEN', 'the holding pen is for intake officers');
  return actor;
};
const decide = (input: RouteInput, action: HoldingPenAction) =>
  decideHeldMail({ store: input.services.store, commands: input.services.commands, agency: input.services.agency }, mailIdOf(input), action, intakeOnly(input), input.now);

export const holdingPenRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/holding-pen',
    handle: async (input) => {
      intakeOnly(input);
      const { status } = z.strictObject({ status: z.enum(['held', 'all']).optional() }).parse(input.query);
      const items = (await input.services.readModels.partition('holding')).map((i) => i.mail as { status: string });
      const shown = status === 'all' ? items : items.filter((i) => i.status === 'held');
      return { status: 200, body: { items: shown, count: shown.length } };
    },
  },
  {
    method: 'POST',
    path: '/holding-pen/{id}/attach',
    handle: async (input) => {
      const { requestId } = z.strictObject({ requestId: RequestReference }).parse(input.body ?? {});
      return { status: 200, body: { mailId: mailIdOf(input), status: 'attached', ...(await decide(input, { type: 'attach', requestId })) } };
    },
  },
  {
    method: 'POST',
    path: '/holding-pen/{id}/promote',
    handle: async (input) => {
      z.strictObject({}).parse(input.body ?? {});
      return { status: 201, body: { mailId: mailIdOf(input), status: 'promoted', ...(await decide(input, { type: 'promote' })) } };
    },
  },
  {
    method: 'POST',
    path: '/holding-pen/{id}/discard',
    handle: async (input) => {
      const { reason } = z.strictObject({ reason: z.string().trim().min(1).max(1000) }).parse(input.body ?? {});
      return { status: 200, body: { mailId: mailIdOf(input), status: 'discarded', ...(await decide(input, { type: 'discard', reason })) } };
    },
  },
];
