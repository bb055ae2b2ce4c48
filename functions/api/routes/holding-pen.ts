import * as z from 'zod';
import { decideHeldMail, type HoldingPenAction } from '../../../application/intake/holding-pen.js';
import { mailStreamId } from '../../../application/intake/mail-stream.js';
import { readContent } from '../../../application/object-store.js';
import { heldMailView } from '../../../domain/views/held-mail-view.js';
import type { MailEvent, MailEventOf } from '../../../events/intake-events.js';
import { downloadReply, fileReply, MAX_DOWNLOAD_BYTES, TOO_LARGE_TO_DOWNLOAD } from './attachments.js';
import { authorizeHoldingPen } from '../../../domain/intake/holding-pen-policy.js';
import { RequestReference } from '../../../events/primitives.js';
import { HttpError } from '../errors.js';
import type { Route, RouteInput } from '../types.js';
import { actorOf } from './input.js';
import { HeldMail, HeldMailDecision, HeldMailPage } from '../schemas/replies.js';

const MailIdParams = z.object({
  id: z.string().meta({ description: 'The held mail’s id (SHA-256 of the raw message)' }),
});
const listQuery = z.strictObject({ status: z.enum(['held', 'all']).optional() });
const attachBody = z.strictObject({ requestId: RequestReference });
const discardBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
const decided = (description: string, status = 200) => ({ [status]: { description, schema: HeldMailDecision } });
const heldErrors = {
  404: 'No such mail in the holding pen',
  409: 'The mail is no longer held, or `IDEMPOTENCY_KEY_REUSED`',
};

const mailIdOf = (input: RouteInput): string => {
  const id = input.params.id ?? '';
  if (!/^[a-f0-9]{64}$/.test(id)) throw new HttpError(404, 'NOT_FOUND', 'no such mail in the holding pen');
  return id;
};
const intakeOnly = (input: RouteInput) => {
  const actor = actorOf(input);
  const refused = authorizeHoldingPen(actor);
  if (refused) throw refused;
  return actor;
};
/** A held mail's events and what it received, or 404: the pen's detail and downloads read the mail's own stream. */
const heldMail = async (input: RouteInput) => {
  const id = mailIdOf(input);
  const events = (await input.services.store.read(mailStreamId(id))).events.map((e) => e.event as MailEvent);
  const received = events.find((e): e is MailEventOf<'MailReceived'> => e.type === 'MailReceived');
  const mail = heldMailView(events);
  if (!received || !mail) throw new HttpError(404, 'NOT_FOUND', 'no such mail in the holding pen');
  return { received: received.data, mail };
};
const AttachmentParams = MailIdParams.extend({
  attachmentId: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ description: 'The attachment’s SHA-256 (hex), as the held mail lists it' }),
});

const decide = (input: RouteInput, action: HoldingPenAction) =>
  decideHeldMail(
    { store: input.services.store, commands: input.services.commands, agency: input.services.agency },
    mailIdOf(input),
    action,
    intakeOnly(input),
    input.now,
  );

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
    method: 'GET',
    path: '/holding-pen/{id}',
    summary:
      'One held mail in full: its text, attachments, quarantined files and the raw From header (intake officers)',
    tags: ['holding-pen'],
    params: MailIdParams,
    replies: { 200: { description: 'The held mail with its text', schema: HeldMail } },
    errors: { 404: 'No such mail in the holding pen' },
    handle: async (input) => {
      intakeOnly(input);
      const { received, mail } = await heldMail(input);
      return { status: 200, body: { ...mail, text: await readContent(input.services.objects, received.body) } };
    },
  },
  {
    method: 'GET',
    path: '/holding-pen/{id}/attachments/{attachmentId}',
    summary: 'Download an attachment of a held mail (never a quarantined file)',
    description: `Intake officers only. The file is named by its SHA-256 as the held mail lists it; quarantined files are not served. Files over ${MAX_DOWNLOAD_BYTES / 1024 / 1024} MB are refused with 413.`,
    tags: ['holding-pen'],
    params: AttachmentParams,
    replies: { 200: fileReply() },
    errors: {
      404: 'No such held mail, or no such attachment on it (quarantined files are never offered)',
      413: TOO_LARGE_TO_DOWNLOAD,
    },
    handle: async (input) => {
      intakeOnly(input);
      const { received } = await heldMail(input);
      const ref = received.attachments.find((a) => a.sha256 === input.params.attachmentId);
      if (!ref) throw new HttpError(404, 'ATTACHMENT_NOT_FOUND', 'this held mail has no such attachment');
      return downloadReply(input.services.objects, ref);
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
      return {
        status: 200,
        body: { mailId: mailIdOf(input), status: 'attached', ...(await decide(input, { type: 'attach', requestId })) },
      };
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
      return {
        status: 201,
        body: { mailId: mailIdOf(input), status: 'promoted', ...(await decide(input, { type: 'promote' })) },
      };
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
      return {
        status: 200,
        body: { mailId: mailIdOf(input), status: 'discarded', ...(await decide(input, { type: 'discard', reason })) },
      };
    },
  },
];
