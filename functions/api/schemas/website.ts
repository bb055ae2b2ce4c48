import * as z from 'zod';
import { Instant, LocalDate, RequestReference } from '../../../events/primitives.js';
import { WebsiteUpdateId, WebsiteUpdateKind } from '../../../events/website-events.js';
import { WEBSITE_ACTIONS } from '../../../domain/website/allowed-actions.js';
import { SlaStatusSchema } from './replies.js';

/** Reply schemas of the website-update routes (the OpenAPI document is generated from them). */

export const WebsiteIdParams = z.strictObject({ id: WebsiteUpdateId });

export const WebsiteSlaReply = z
  .object({
    submission: SlaStatusSchema.meta({
      description: "The division's clock: complete information within 2 working days of the event",
    }),
    publication: SlaStatusSchema.nullable().meta({
      description:
        "ICT's clock: on the website within 1 working day of complete information; null until confirmed complete",
    }),
    current: SlaStatusSchema.meta({ description: 'The clock that matters now' }),
  })
  .meta({ id: 'WebsiteSla' });

export const WebsiteUpdateReply = z
  .looseObject({
    id: WebsiteUpdateId,
    status: z.enum(['submitted', 'returned', 'complete', 'published', 'withdrawn']),
    division: z.string(),
    kind: WebsiteUpdateKind,
    title: z.string(),
    eventDate: LocalDate.nullable(),
    submittedAt: Instant,
    submittedBy: z.string(),
    submissionDueAt: Instant,
    lastSubmittedAt: Instant,
    informationCompleteAt: Instant.nullable(),
    completedAt: Instant.nullable(),
    publicationDueAt: Instant.nullable(),
    pausedAt: Instant.nullable(),
    clock: z.object({ kind: z.enum(['submission', 'publication']), dueAt: Instant, division: z.string() }).nullable(),
    returns: z.array(z.object({ at: Instant, reason: z.string() })),
    publishedAt: Instant.nullable(),
    url: z.string().nullable(),
    topic: z.string().nullable(),
    requestIds: z.array(RequestReference),
    attachments: z.array(
      z.looseObject({
        filename: z.string(),
        contentType: z.string(),
        sizeBytes: z.number().int(),
        sha256: z.string(),
        publishable: z.boolean(),
      }),
    ),
    sla: WebsiteSlaReply,
  })
  .meta({ id: 'WebsiteUpdate', description: 'A website update as it stands now, with both clocks' });

/** One update as ICT reads it before confirming it complete: with the information itself. */
export const WebsiteUpdateDetailReply = WebsiteUpdateReply.extend({
  text: z.string().meta({
    description: 'The information as the division last sent it (the latest resubmission’s text, else the submission’s)',
  }),
  allowedActions: z.array(z.enum(WEBSITE_ACTIONS)).meta({
    description:
      'What the caller may do on this update now, decided by the policy the commands use: `complete`, `return`, `published` (ICT services), `resubmit`, `withdraw` (its division)',
  }),
}).meta({ id: 'WebsiteUpdateDetail' });

export const WebsiteCommandReply = WebsiteUpdateReply.extend({
  version: z.number().int().positive(),
  appended: z.array(z.string()),
}).meta({ id: 'WebsiteCommandResult' });

export const WebsiteCreatedReply = z
  .object({
    id: WebsiteUpdateId,
    dueAt: Instant.meta({ description: "The division's submission due date" }),
    status: z.string(),
  })
  .meta({ id: 'WebsiteUpdateCreated' });

export const WebsiteUpdatePage = z
  .object({ items: z.array(WebsiteUpdateReply), count: z.number().int() })
  .meta({ id: 'WebsiteUpdatePage' });

export const PublishedPage = z
  .object({
    items: z.array(
      z.object({
        topic: z.string(),
        title: z.string(),
        url: z.string(),
        publishedAt: Instant,
        updateId: WebsiteUpdateId,
        requestsAnswered: z.number().int(),
      }),
    ),
    count: z.number().int(),
  })
  .meta({ id: 'PublishedPage', description: 'What was published because people kept asking' });

export const ReviewPackReply = z
  .looseObject({
    year: z.number().int(),
    period: z.object({ from: LocalDate, to: LocalDate }),
    website: z.looseObject({
      submitted: z.number().int(),
      submittedOnTime: z.number().int(),
      published: z.number().int(),
      publishedOnTime: z.number().int(),
    }),
    topicsToPublish: z.array(z.object({ topic: z.string(), count: z.number().int(), examples: z.array(z.string()) })),
    answeredFromWebsite: z.object({ count: z.number().int(), requestIds: z.array(RequestReference) }),
    disclosuresByDivision: z.array(
      z.object({ division: z.string(), responses: z.number().int(), attachments: z.number().int() }),
    ),
    reviewDate: z.string(),
    sent: z.object({ at: Instant, recipients: z.array(z.string()) }).nullable(),
  })
  .meta({
    id: 'WebsiteReviewPack',
    description: "The website review committee's yearly pack, and whether it was mailed",
  });

export const Suggestions = z.array(z.object({ topic: z.string(), url: z.string() })).meta({
  description: 'Published pages on the subject: the officer can answer with the link (close reason `published`)',
});
