import * as z from 'zod';
import { Instant, RequestReference, SocialPlatform } from '../../../events/primitives.js';

const PersonRef = z
  .looseObject({ id: z.string(), name: z.string() })
  .meta({ id: 'PersonRef', description: 'A person: user id and name from the directory' });

const File = z
  .looseObject({
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[a-f0-9]{64}$/),
  })
  .meta({
    id: 'CorrespondenceFile',
    description: 'A file of a message; download it with `GET /requests/{id}/attachments/{sha256}`',
  });

const MailStatus = z
  .looseObject({
    sentAt: Instant,
    to: z.array(z.string()),
    via: SocialPlatform.optional().meta({
      description: 'Sent as a private message on this platform (a social request), not by mail',
    }),
    delivered: z.array(z.looseObject({ at: Instant, recipients: z.array(z.string()) })),
    bounced: z.array(
      z.looseObject({
        at: Instant,
        recipients: z.array(z.string()),
        bounceType: z.string(),
        diagnostic: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'MailStatus', description: 'When the mail left, and what the mail system reported of its delivery' });

/** One entry of `GET /requests/{id}/correspondence`. */
export const CorrespondenceItemReply = z
  .looseObject({
    kind: z
      .enum([
        'request',
        'requester_message',
        'acknowledgment',
        'clarification',
        'response',
        'published_answer',
        'mail',
        'view_asked',
        'view',
        'note',
        'closed',
      ])
      .meta({
        description:
          'What the entry is: the request as received, a message from the requester, a mail sent to them, a view asked or recorded, a note, the closing',
      }),
    direction: z
      .enum(['in', 'out', 'internal'])
      .meta({ description: '`in` from the requester, `out` to them, `internal` never mailed to the requester' }),
    version: z.number().int().positive().meta({ description: 'The event it comes from, in the request’s history' }),
    at: Instant,
    by: PersonRef.extend({ actingFor: PersonRef.optional() }).optional(),
    from: z.string().optional(),
    to: z.array(z.string()).optional(),
    cc: z.array(z.string()).optional(),
    subject: z.string().optional(),
    text: z.string().meta({
      description: 'In full, as plain text (never HTML): mail received in HTML was turned into text on intake',
    }),
    attachments: z.array(File),
    disposition: z.enum(['full', 'partial', 'refused']).optional(),
    reason: z.string().optional(),
    outcome: z.enum(['cleared', 'advice', 'concerns']).optional(),
    person: PersonRef.optional(),
    with: z.enum(['division', 'spokesperson']).optional(),
    question: z.string().optional(),
    mail: MailStatus.optional(),
    purpose: z.string().optional(),
    via: SocialPlatform.optional().meta({
      description: 'A social request: the platform this message came in or went out on, privately',
    }),
  })
  .meta({ id: 'CorrespondenceItem' });

export const CorrespondenceReply = z
  .looseObject({
    id: RequestReference,
    items: z.array(CorrespondenceItemReply).meta({ description: 'Oldest first: the newest is last' }),
  })
  .meta({ id: 'Correspondence', description: 'A request’s whole correspondence, in full' });
