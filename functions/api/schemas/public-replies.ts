import * as z from 'zod';
import { PUBLIC_STATUSES } from '../../../domain/portal/public-view.js';

/** The portal's JSON replies (`/public/*`), described once for validation tests and the OpenAPI document. */

const Instant = z.string().meta({ description: 'ISO-8601 instant' });

export const SubmissionAccepted = z
  .object({ status: z.literal('confirmation_sent') })
  .meta({ id: 'SubmissionAccepted' });

export const ConfirmedRequest = z
  .object({
    id: z.string(),
    dueAt: Instant,
    trackUrl: z.string().meta({ description: 'The tracking page, `…/portal/track/<REF>?token=…`' }),
  })
  .meta({ id: 'ConfirmedRequest' });

const PublicAttachmentReply = z.object({
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  url: z.string(),
});

export const PublicRequestReply = z
  .object({
    id: z.string(),
    subject: z.string(),
    status: z.enum(PUBLIC_STATUSES),
    receivedAt: Instant,
    dueAt: Instant,
    waitingSince: Instant.nullable(),
    respondedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    closeReason: z.string().nullable(),
    open: z.boolean(),
    messages: z.array(
      z.object({
        at: Instant,
        direction: z.enum(['in', 'out']),
        kind: z.enum([
          'request',
          'message',
          'acknowledgment',
          'clarification',
          'response',
          'published_answer',
          'withdrawn',
        ]),
        text: z.string(),
        attachments: z.array(PublicAttachmentReply),
      }),
    ),
  })
  .meta({ id: 'PublicRequest' });

export const PublicDisclosureReply = z
  .object({
    id: z.string(),
    subject: z.string(),
    respondedAt: Instant,
    division: z.string(),
    disposition: z.enum(['full', 'partial', 'refused']),
    requesterKind: z.enum(['public', 'agency']),
    organization: z.string().optional(),
    topics: z.array(z.string()),
    attachments: z.array(
      z.object({
        filename: z.string(),
        sha256: z.string(),
        url: z.string(),
        contentType: z.string(),
        sizeBytes: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'PublicDisclosure' });

export const PublicDisclosurePage = z
  .object({ items: z.array(PublicDisclosureReply), nextCursor: z.string().optional() })
  .meta({ id: 'PublicDisclosurePage' });

export const SuggestionsReply = z
  .object({
    items: z.array(z.object({ title: z.string(), url: z.string(), kind: z.enum(['published', 'disclosure']) })),
  })
  .meta({ id: 'Suggestions' });

export const PublicActReply = z.object({ status: z.enum(['received', 'withdrawn']) }).meta({ id: 'PublicAct' });
