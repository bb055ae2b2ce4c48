import * as z from 'zod';
import { sha256Hex, type ObjectStore } from '../../../application/object-store.js';
import { requestStreamId } from '../../../application/request/commands.js';
import { authorizeRead } from '../../../domain/request/read-policy.js';
import { AttachmentRef } from '../../../events/primitives.js';
import { HttpError } from '../errors.js';
import type { Route, RouteResult } from '../types.js';
import { actorOf, requestIdOf } from './input.js';

/**
 * Lambda's synchronous reply is at most 6 MB, and a binary reply travels base64 (4/3 larger): bytes over
 * this would fail at API Gateway with a 5xx, so they get a clear 413 here, locally too (one behaviour).
 */
export const MAX_DOWNLOAD_BYTES = 4 * 1024 * 1024;

const AttachmentParams = z.object({
  id: z.string().meta({ description: 'The reference number, e.g. `NECS-2026-00001`', example: 'NECS-2026-00001' }),
  attachmentId: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ description: 'The attachment’s SHA-256 (hex), as listed in the request’s history' }),
});

const attachmentsOf = (data: unknown): AttachmentRef[] => {
  const list = (data as { attachments?: unknown } | undefined)?.attachments;
  if (!Array.isArray(list)) return [];
  return list.flatMap((a) => {
    const parsed = AttachmentRef.safeParse(a);
    return parsed.success ? [parsed.data] : [];
  });
};

/**
 * A name safe in a `Content-Disposition` header: the ASCII fallback drops quotes, backslashes and control
 * characters; `filename*` (RFC 6266/8187) carries the real name, UTF-8 percent-encoded.
 */
export const contentDisposition = (filename: string): string => {
  const ascii =
    [...filename]
      .map((c) => (c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) < 0x7f && c !== '"' && c !== '\\' ? c : '_'))
      .join('') || 'attachment';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

/** A MIME type we pass on as given only when it is plainly one; anything else is served as bytes. */
const safeContentType = (type: string) => (/^[\w.+-]+\/[\w.+-]+$/.test(type) ? type : 'application/octet-stream');

/** The documented `200` of a download: the file's bytes. */
export const fileReply = () => ({
  description: 'The file',
  contentType: 'application/octet-stream',
  schema: z.string().meta({ format: 'binary' }),
});

/** The documented `413` of a download. */
export const TOO_LARGE_TO_DOWNLOAD = 'The file is too large to download through the API';

/** How a download names the refusal of a file over {@link MAX_DOWNLOAD_BYTES}. */
const tooLargeToDownload = (ref: AttachmentRef): string => `${ref.filename} is too large to download through the API`;

/**
 * The download reply of a file an event names: 413 over {@link MAX_DOWNLOAD_BYTES}, 404 when its stored
 * bytes are missing or do not match the SHA-256 the event recorded (never handed out as if they were
 * the file received), else the bytes as an attachment that no cache keeps.
 */
export const downloadReply = async (
  objects: ObjectStore,
  ref: AttachmentRef,
  {
    contentType = 'application/octet-stream',
    tooLarge = tooLargeToDownload,
  }: { readonly contentType?: string; readonly tooLarge?: (ref: AttachmentRef) => string } = {},
): Promise<RouteResult> => {
  if (ref.sizeBytes > MAX_DOWNLOAD_BYTES) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', tooLarge(ref));
  const bytes = await objects.get(ref.storageKey);
  if (!bytes || sha256Hex(bytes) !== ref.sha256)
    throw new HttpError(
      404,
      'ATTACHMENT_NOT_FOUND',
      `the stored bytes of ${ref.filename} are missing or do not match their SHA-256`,
    );
  return {
    status: 200,
    body: bytes,
    contentType,
    // `X-Content-Type-Options: nosniff` comes with every reply (http-security-headers).
    headers: { 'content-disposition': contentDisposition(ref.filename), 'cache-control': 'private, no-store' },
  };
};

/** `GET /requests/{id}/attachments/{attachmentId}`: the bytes of a file received or sent on that request. */
export const attachmentRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/requests/{id}/attachments/{attachmentId}',
    summary: 'Download an attachment of mail received or sent on a request',
    description:
      'Staff only. The attachment is named by its SHA-256, as the history lists it, and must belong to this request. ' +
      'The reply is the file itself, as a download (`Content-Disposition: attachment`), never rendered by the browser (`X-Content-Type-Options: nosniff`). ' +
      `Files over ${MAX_DOWNLOAD_BYTES / 1024 / 1024} MB are refused with 413 (the API's reply limit).`,
    tags: ['requests'],
    params: AttachmentParams,
    replies: {
      200: {
        ...fileReply(),
        headers: {
          'Content-Disposition': { description: '`attachment` with the file’s name', schema: z.string() },
          'X-Content-Type-Options': { description: '`nosniff`', schema: z.string() },
        },
      },
    },
    errors: {
      404: 'No such request, or no such attachment on it',
      413: TOO_LARGE_TO_DOWNLOAD,
    },
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'view_request');
      if (refused) throw refused;
      const id = requestIdOf(input);
      const wanted = input.params.attachmentId ?? '';
      const { events } = await input.services.store.read(requestStreamId(id));
      if (events.length === 0) throw new HttpError(404, 'REQUEST_NOT_FOUND', `no request ${id}`);
      const ref = events.flatMap((e) => attachmentsOf(e.event.data)).find((a) => a.sha256 === wanted);
      if (!ref) throw new HttpError(404, 'ATTACHMENT_NOT_FOUND', `request ${id} has no attachment ${wanted}`);
      return downloadReply(input.services.objects, ref, {
        contentType: safeContentType(ref.contentType),
        tooLarge: (r) =>
          `${r.filename} is over ${MAX_DOWNLOAD_BYTES / 1024 / 1024} MB, too large to download through the API`,
      });
    },
  },
];
