import * as z from 'zod';
import { decideHeldMail, type HoldingPenAction } from '../../../application/intake/holding-pen.js';
import { DomainError } from '../../../domain/request/errors.js';
import { RequestReference } from '../../../events/primitives.js';
import { HttpError } from '../errors.js';
import type { Route, RouteInput } from '../types.js';
import { actorOf } from './input.js';
import { HeldMailDecision, HeldMailPage } from '../schemas/replies.js';

const MailIdParams = z.object({ id: z.string().meta({ description: 'The held mail’s id (SHA-256 of the raw message)' }) });
const listQuery = z.strictObject({ status: z.enum(['held', 'all']).optional() });
const attachBody = z.strictObject({ requestId: RequestReference });
const discardBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
const decided = (description: string, status = 200) => ({ [status]: { description, schema: HeldMailDecision } });
const heldErrors = { 404: 'No such mail in the holding pen', 409: 'The mail is no longer held, or `IDEMPOTENCY_KEY_REUSED`' };

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
    summary: 'Mail that could not be placed with confidence (intake officers)',
    tags: ['holding-pen'],
    query: listQuery,
    replies: { 200: { description: 'The held mail', schema: HeldMailPage } },
    handle: async (input) => {
      intakeOnly(input);
      const { status } = listQuery.parse(input.query);
      const items = (await input.services.readModels.partition('holding')).map((i) => i.mail as { status: string });
      const shown = status === 'all' ? items : items.filter((i) => i.status === 'held');
      return { status: 200, body: { items: shown, count: shown.length } };
    },
  },
  {
    method: 'POST',
    path: '/holding-pen/{id}/attach',
    summary: 'Attach a held mail to a request, as a message from its requester',
    tags: ['holding-pen'],
    params: MailIdParams,
    body: attachBody,
    replies: decided('Attached'),
    errors: heldErrors,
    handle: async (input) => {
      const { requestId } = attachBody.parse(input.body ?? {});
      return { status: 200, body: { mailId: mailIdOf(input), status: 'attached', ...(await decide(input, { type: 'attach', requestId })) } };
    },
  },
  {
    method: 'POST',
    path: '/holding-pen/{id}/promote',
    summary: 'Turn a held mail into a new request',
    tags: ['holding-pen'],
    params: MailIdParams,
    body: z.strictObject({}).optional(),
    replies: decided('The new request', 201),
    errors: heldErrors,
    handle: async (input) => {
      z.strictObject({}).parse(input.body ?? {});
      return { status: 201, body: { mailId: mailIdOf(input), status: 'promoted', ...(await decide(input, { type: 'promote' })) } };
    },
  },
  {
    method: 'POST',
    path: '/holding-pen/{id}/discard',
    summary: 'Discard a held mail, with the reason',
    tags: ['holding-pen'],
    params: MailIdParams,
    body: discardBody,
    replies: decided('Discarded'),
    errors: heldErrors,
    handle: async (input) => {
      const { reason } = discardBody.parse(input.body ?? {});
      return { status: 200, body: { mailId: mailIdOf(input), status: 'discarded', ...(await decide(input, { type: 'discard', reason })) } };
    },
  },
];
