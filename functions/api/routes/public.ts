import * as z from 'zod';
import {
  confirm,
  publicRequest,
  replyAsRequester,
  requesterAttachment,
  submit,
  withdraw,
} from '../../../application/portal/portal.js';
import { disclosureById, disclosurePage, suggestionsFor } from '../../../application/portal/public-log.js';
import { sha256Hex } from '../../../application/object-store.js';
import { requestStreamId } from '../../../application/request/commands.js';
import { AttachmentRef } from '../../../events/primitives.js';
import { HttpError } from '../errors.js';
import {
  ConfirmedRequest,
  PublicActReply,
  PublicDisclosurePage,
  PublicDisclosureReply,
  PublicRequestReply,
  SubmissionAccepted,
  SuggestionsReply,
} from '../schemas/public-replies.js';
import type { Route, RouteResult } from '../types.js';
import { contentDisposition, MAX_DOWNLOAD_BYTES } from './attachments.js';
import { decodeLogCursor, encodeLogCursor, isReference, portalDepsOf, SubmissionBody } from './public-input.js';

const RefParams = z.object({
  id: z.string().meta({ description: 'The reference number, e.g. `NECS-2026-00001`', example: 'NECS-2026-00001' }),
});
const FileParams = RefParams.extend({
  attachmentId: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ description: 'The file’s SHA-256 (hex)' }),
});
const TokenQuery = z.object({
  token: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'The tracking token of the link in the acknowledgment mail' }),
});
const notFound = () => new HttpError(404, 'NOT_FOUND', 'no such request, or the link is not complete');

/** A file as a download: never rendered by the browser, its name safe in the header. */
const download = (ref: { filename: string }, bytes: Uint8Array, cache: string): RouteResult => ({
  status: 200,
  body: bytes,
  contentType: 'application/octet-stream',
  headers: { 'content-disposition': contentDisposition(ref.filename), 'cache-control': cache },
});

const fileReply = {
  200: {
    description: 'The file, as a download',
    contentType: 'application/octet-stream',
    schema: z.string().meta({ format: 'binary' }),
  },
};

/**
 * The public portal's JSON routes (no sign-in): ask, confirm, follow one's own request, reply and withdraw
 * with its tracking token; the public log of what was shared, and suggestions while writing.
 */
export const publicRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/public/requests',
    public: true,
    summary: 'Ask for information: mails a confirmation link; nothing is registered yet',
    description:
      'More than 5 unconfirmed submissions for one address in a day (or a flood from one network address) → 429. The link expires after 7 days.',
    tags: ['portal'],
    body: SubmissionBody,
    replies: { 202: { description: 'The confirmation link was mailed', schema: SubmissionAccepted } },
    errors: {
      429: '`TOO_MANY_SUBMISSIONS`: too many unconfirmed submissions for this address today',
      503: 'The portal is not set up here',
    },
    handle: async (input) => {
      const body = SubmissionBody.parse(input.body ?? {});
      const outcome = await submit(await portalDepsOf(input.services), body, {
        now: input.now,
        ...(input.sourceIp ? { sourceIp: input.sourceIp } : {}),
      });
      if (outcome === 'too_many')
        throw new HttpError(
          429,
          'TOO_MANY_SUBMISSIONS',
          'too many requests waiting for confirmation from this address today; confirm them or try tomorrow',
        );
      return { status: 202, body: { status: 'confirmation_sent' } };
    },
  },
  {
    method: 'POST',
    path: '/public/requests/confirm',
    public: true,
    summary: 'Confirm a submission: registers the request (channel web, received now) and acknowledges it',
    description: 'The same token again answers with the same reply and registers nothing new.',
    tags: ['portal'],
    body: z.strictObject({ token: z.string().min(1).max(200) }),
    replies: { 201: { description: 'The request’s reference, due date and tracking link', schema: ConfirmedRequest } },
    errors: {
      404: '`CONFIRMATION_NOT_FOUND` (no such link) or `CONFIRMATION_EXPIRED` (older than 7 days)',
      503: 'The portal is not set up here',
    },
    handle: async (input) => {
      const { token } = z.strictObject({ token: z.string().min(1).max(200) }).parse(input.body ?? {});
      const outcome = await confirm(await portalDepsOf(input.services), token, input.now);
      if (outcome === 'not_found')
        throw new HttpError(404, 'CONFIRMATION_NOT_FOUND', 'no submission waits for this link');
      if (outcome === 'expired')
        throw new HttpError(404, 'CONFIRMATION_EXPIRED', 'this link is more than 7 days old; ask again');
      return { status: 201, body: outcome.reply };
    },
  },
  {
    method: 'GET',
    path: '/public/requests/{id}',
    public: true,
    summary: 'What the requester may see of their request: their messages and every mail sent to them',
    description: 'Nothing internal: no notes, consultations or staff names. A wrong or missing token is a 404.',
    tags: ['portal'],
    params: RefParams,
    query: TokenQuery,
    replies: { 200: { description: 'The requester’s view', schema: PublicRequestReply } },
    errors: { 404: 'No such request, or a wrong token' },
    handle: async (input) => {
      const id = input.params.id;
      if (!isReference(id)) throw notFound();
      const view = await publicRequest(await portalDepsOf(input.services), id, input.query.token);
      if (!view) throw notFound();
      return { status: 200, body: view, headers: { 'cache-control': 'private, no-store' } };
    },
  },
  {
    method: 'GET',
    path: '/public/requests/{id}/attachments/{attachmentId}',
    public: true,
    summary: 'A file the requester sent or was sent on their request',
    tags: ['portal'],
    params: FileParams,
    query: TokenQuery,
    replies: fileReply,
    errors: { 404: 'No such file on this request, or a wrong token', 413: 'Too large to download through the API' },
    handle: async (input) => {
      const id = input.params.id;
      if (!isReference(id)) throw notFound();
      const file = await requesterAttachment(
        await portalDepsOf(input.services),
        id,
        input.query.token,
        input.params.attachmentId ?? '',
      );
      if (!file) throw notFound();
      if (file.ref.sizeBytes > MAX_DOWNLOAD_BYTES)
        throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `${file.ref.filename} is too large to download here`);
      return download(file.ref, file.bytes, 'private, no-store');
    },
  },
  {
    method: 'POST',
    path: '/public/requests/{id}/messages',
    public: true,
    summary: 'The requester writes on their request (as a mail to its reply address would)',
    description: 'Joins the request as the requester’s message; ends a clarification as mail would.',
    tags: ['portal'],
    params: RefParams,
    body: z.strictObject({ token: z.string().min(1).max(200), text: z.string().trim().min(1).max(20_000) }),
    replies: { 201: { description: 'The message was added', schema: PublicActReply } },
    errors: { 404: 'No such request, or a wrong token', 409: '`REQUEST_CLOSED`: the request no longer takes messages' },
    handle: async (input) => {
      const id = input.params.id;
      if (!isReference(id)) throw notFound();
      const body = z
        .strictObject({ token: z.string().min(1).max(200), text: z.string().trim().min(1).max(20_000) })
        .parse(input.body ?? {});
      const outcome = await replyAsRequester(await portalDepsOf(input.services), id, body.token, body.text, input.now);
      if (outcome === 'not_found') throw notFound();
      if (outcome === 'closed') throw new HttpError(409, 'REQUEST_CLOSED', 'this request no longer takes messages');
      return { status: 201, body: { status: 'received' } };
    },
  },
  {
    method: 'POST',
    path: '/public/requests/{id}/withdraw',
    public: true,
    summary: 'The requester withdraws their request (closed, reason withdrawn, recorded as their act)',
    tags: ['portal'],
    params: RefParams,
    body: z.strictObject({ token: z.string().min(1).max(200) }),
    replies: { 200: { description: 'The request is withdrawn', schema: PublicActReply } },
    errors: {
      404: 'No such request, or a wrong token',
      409: '`REQUEST_CLOSED`: the request is already answered or closed',
    },
    handle: async (input) => {
      const id = input.params.id;
      if (!isReference(id)) throw notFound();
      const body = z.strictObject({ token: z.string().min(1).max(200) }).parse(input.body ?? {});
      const outcome = await withdraw(await portalDepsOf(input.services), id, body.token, input.now);
      if (outcome === 'not_found') throw notFound();
      if (outcome === 'closed')
        throw new HttpError(409, 'REQUEST_CLOSED', 'this request is already answered or closed');
      return { status: 200, body: { status: 'withdrawn' } };
    },
  },
  {
    method: 'GET',
    path: '/public/disclosures',
    public: true,
    summary: 'Responses archived as publishable, newest first (the public log)',
    description:
      'A member of the public is never named; an agency requester is named by its organization. `q` searches subject, topics and division.',
    tags: ['portal'],
    query: z.strictObject({
      q: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(100).optional(),
      cursor: z.string().max(400).optional(),
    }),
    replies: { 200: { description: 'A page of the log', schema: PublicDisclosurePage } },
    handle: async (input) => {
      const q = input.query as { q?: string; limit?: number; cursor?: string };
      const page = await disclosurePage(input.services.readModels, {
        limit: q.limit ?? 20,
        ...(q.q?.trim() ? { q: q.q.trim() } : {}),
        ...(q.cursor ? { cursor: decodeLogCursor(q.cursor) } : {}),
      });
      return {
        status: 200,
        body: { items: page.items, ...(page.nextCursor ? { nextCursor: encodeLogCursor(page.nextCursor) } : {}) },
        headers: { 'cache-control': 'public, max-age=60' },
      };
    },
  },
  {
    method: 'GET',
    path: '/public/disclosures/{id}',
    public: true,
    summary: 'One response of the public log, by reference',
    tags: ['portal'],
    params: RefParams,
    replies: { 200: { description: 'The response as published', schema: PublicDisclosureReply } },
    errors: { 404: 'No such request, or not archived as publishable' },
    handle: async (input) => {
      const id = input.params.id;
      const item = isReference(id) ? await disclosureById(input.services.store, id) : undefined;
      if (!item) throw new HttpError(404, 'NOT_FOUND', 'no such published response');
      return { status: 200, body: item, headers: { 'cache-control': 'public, max-age=60' } };
    },
  },
  {
    method: 'GET',
    path: '/public/disclosures/{id}/attachments/{attachmentId}',
    public: true,
    summary: 'A file shared in a published response: anyone may download it',
    tags: ['portal'],
    params: FileParams,
    replies: fileReply,
    errors: { 404: 'No such file in a published response', 413: 'Too large to download through the API' },
    handle: async (input) => {
      const id = input.params.id;
      const item = isReference(id) ? await disclosureById(input.services.store, id) : undefined;
      const wanted = item?.attachments.find((a) => a.sha256 === input.params.attachmentId);
      if (!item || !wanted) throw new HttpError(404, 'NOT_FOUND', 'no such file in a published response');
      // The storage key is on the response's event; only a file of a publishable response gets this far.
      const { events } = await input.services.store.read(requestStreamId(item.id));
      const ref = events
        .flatMap((e) =>
          e.event.type === 'ResponseSent' ? ((e.event.data as { attachments?: unknown[] }).attachments ?? []) : [],
        )
        .map((a) => AttachmentRef.safeParse(a))
        .flatMap((p) => (p.success ? [p.data] : []))
        .find((a) => a.sha256 === wanted.sha256);
      if (!ref) throw new HttpError(404, 'NOT_FOUND', 'no such file in a published response');
      if (ref.sizeBytes > MAX_DOWNLOAD_BYTES)
        throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `${ref.filename} is too large to download here`);
      const bytes = await input.services.objects.get(ref.storageKey);
      if (!bytes || sha256Hex(bytes) !== ref.sha256)
        throw new HttpError(404, 'NOT_FOUND', 'the file’s stored bytes are missing or do not match');
      return download(ref, bytes, 'public, max-age=86400');
    },
  },
  {
    method: 'GET',
    path: '/public/suggestions',
    public: true,
    summary: 'Published pages and shared answers that may already answer a question being written',
    tags: ['portal'],
    query: z.strictObject({ q: z.string().max(500).optional() }),
    replies: { 200: { description: 'At most five of each', schema: SuggestionsReply } },
    handle: async (input) => ({
      status: 200,
      body: { items: await suggestionsFor(input.services.readModels, String(input.query.q ?? '')) },
      headers: { 'cache-control': 'public, max-age=60' },
    }),
  },
];
