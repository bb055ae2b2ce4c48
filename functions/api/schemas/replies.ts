import type { Abilities } from '../../../domain/agency/abilities.js';
import { SocialSectionReply } from './social.js';
import * as z from 'zod';
import { REQUEST_STATUSES } from '../../../domain/request/statuses.js';
import { Channel, Instant, LocalDate, RequestReference, Role } from '../../../events/primitives.js';
import { AnchorStandingReply } from './anchors.js';
import { WebsiteMovedReply } from './holidays.js';

/**
 * Reply schemas shared by the routes: the OpenAPI document is generated from them and the API test
 * client validates every reply it receives against that document. Objects are loose where the reply may
 * grow (a new field is not a breaking change), strict nowhere: clients must ignore what they do not know.
 */

/** The contract's error JSON. */
export const ErrorReply = z
  .object({
    error: z.object({
      code: z
        .string()
        .regex(/^[A-Z][A-Z0-9_]*$/)
        .meta({ description: 'SCREAMING_SNAKE code, e.g. `INVALID_INPUT`, `STALE_VERSION`', example: 'INVALID_INPUT' }),
      message: z.string().meta({ description: 'What went wrong, for a person' }),
      details: z
        .unknown()
        .optional()
        .meta({ description: 'Machine-readable detail: the invalid fields, or the current state for `STALE_VERSION`' }),
    }),
  })
  .meta({ id: 'Error', description: 'Every error: `{"error": {"code", "message", "details"?}}`' });

const Status = z.enum(REQUEST_STATUSES).meta({ id: 'RequestStatus' });
export const SlaStatusSchema = z.enum(['on_track', 'at_risk', 'breached', 'met']).meta({ id: 'SlaStatus' });

const RequesterView = z.looseObject({
  name: z.string(),
  email: z.string().optional(),
  organization: z.string().optional(),
  kind: z.enum(['public', 'agency']),
});

/** A request as staff see it: `GET /requests/{id}`, the items of `GET /requests`, and command replies. */
export const RequestViewReply = z
  .looseObject({
    id: RequestReference,
    status: Status,
    channel: Channel,
    subject: z.string(),
    requester: RequesterView,
    division: z.string().nullable(),
    assignee: z.string().nullable(),
    receivedAt: Instant,
    dueAt: Instant,
    pausedAt: Instant.nullable(),
    respondedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    closeReason: z.string().nullable(),
    archivedAt: Instant.nullable(),
    topics: z.array(z.string()),
    extendedWorkingDays: z.number().int(),
    consultations: z.array(
      z.looseObject({
        with: z.enum(['division', 'spokesperson']),
        person: z.string(),
        outcome: z.string(),
        recordedAt: Instant,
      }),
    ),
    asked: z
      .array(
        z.looseObject({
          with: z.enum(['division', 'spokesperson']),
          person: z.string(),
          question: z.string(),
          askedAt: Instant,
        }),
      )
      .optional()
      .meta({ description: 'Views asked for (`POST /requests/{id}/consultations/requested`) and not yet recorded' }),
    askedOfMe: z
      .boolean()
      .optional()
      .meta({ description: 'In `GET /requests`: the caller was asked for their view and has not recorded it yet' }),
    responses: z.array(
      z.looseObject({
        responseId: z.string(),
        sentAt: Instant,
        disposition: z.string(),
        attachments: z.number().int(),
      }),
    ),
    slaBreachedFor: z.array(z.string()),
    notes: z.number().int().nonnegative().meta({ description: 'How many internal notes the request has' }),
    requesterMessages: z
      .number()
      .int()
      .nonnegative()
      .meta({ description: 'How many messages the requester has sent into it' }),
    lastEventAt: Instant,
    sla: SlaStatusSchema,
    suggestions: z
      .array(z.object({ topic: z.string(), url: z.string() }))
      .optional()
      .meta({
        description:
          'Published pages on the subject (GET /requests/{id}): answer with the link, close reason `published`',
      }),
  })
  .meta({ id: 'Request', description: 'A request as it stands now; `sla` is computed at the time of reading' });

/** A command's reply: the request after it, with the event types it appended. */
export const CommandReply = RequestViewReply.extend({
  version: z.number().int().positive().meta({ description: "The request's version after the command" }),
  appended: z.array(z.string()).meta({ description: 'The event types this command appended (empty on a replay)' }),
}).meta({ id: 'CommandResult' });

export const CreatedReply = z.object({ id: RequestReference, dueAt: Instant }).meta({ id: 'Created' });

export const RequestPage = z
  .object({
    items: z.array(RequestViewReply),
    count: z.number().int().nonnegative(),
    nextCursor: z
      .string()
      .optional()
      .meta({ description: 'Pass as `cursor` for the next page; absent on the last page' }),
  })
  .meta({ id: 'RequestPage' });

const StoredActor = z.union([
  z.looseObject({ kind: z.literal('user'), userId: z.string() }),
  z.looseObject({ kind: z.literal('system'), component: z.string() }),
]);

export const HistoryReply = z
  .object({
    asOf: Instant.optional(),
    events: z.array(
      z.looseObject({
        version: z.number().int().positive(),
        type: z.string(),
        schemaVersion: z.number().int(),
        occurredAt: Instant,
        actor: StoredActor,
        data: z.unknown(),
        hash: z.string(),
        prevHash: z.string(),
      }),
    ),
    state: RequestViewReply.nullable(),
  })
  .meta({ id: 'History' });

export const VerificationReply = z
  .union([
    z.looseObject({
      valid: z.literal(true),
      events: z.number().int().nonnegative(),
      head: z.string(),
      anchor: AnchorStandingReply.nullable().optional(),
    }),
    z.looseObject({
      valid: z.literal(false),
      brokenAt: z.number().int(),
      reason: z.string(),
      anchor: AnchorStandingReply.nullable().optional(),
    }),
  ])
  .meta({ id: 'Verification' });

const Moved = z.object({ requestId: RequestReference, previousDueAt: Instant, dueAt: Instant });
export const HolidayReply = z
  .object({
    date: LocalDate,
    name: z.string().optional(),
    recorded: z.boolean(),
    moved: z.array(Moved),
    websiteMoved: z.array(WebsiteMovedReply).optional(),
  })
  .meta({ id: 'HolidayChange' });

export const ScanReply = z
  .object({ breached: z.array(RequestReference), atRisk: z.array(RequestReference), alertsQueued: z.number().int() })
  .meta({ id: 'ScanResult' });

const HeldMailSummary = z.looseObject({
  id: z.string(),
  status: z.string(),
  receivedAt: Instant,
  from: z.string().nullable(),
  fromName: z.string().nullable(),
  fromHeader: z
    .string()
    .nullable()
    .optional()
    .meta({ description: 'The From header as written, when no address could be read from it' }),
  subject: z.string(),
  reason: z.string().meta({
    description:
      'Why it is held, e.g. `sender_mismatch`, `unknown_reference`, `unreadable_sender`, `possible_auto_reply`',
  }),
  detail: z.string().optional(),
  candidateRequestId: z
    .string()
    .nullable()
    .meta({ description: 'The request the mail seems to belong to, when one was named' }),
  attachments: z.array(z.looseObject({ filename: z.string(), sizeBytes: z.number().int(), sha256: z.string() })),
  quarantined: z.array(z.looseObject({ filename: z.string(), reason: z.string() })).optional(),
});
export const HeldMailPage = z
  .object({ items: z.array(HeldMailSummary), count: z.number().int() })
  .meta({ id: 'HeldMailPage' });
export const HeldMail = HeldMailSummary.extend({
  text: z.string().meta({ description: 'The mail’s text as received' }),
}).meta({ id: 'HeldMail' });
export const HeldMailDecision = z
  .object({
    mailId: z.string(),
    status: z.enum(['attached', 'promoted', 'discarded']),
    requestId: RequestReference.optional(),
  })
  .meta({ id: 'HeldMailDecision' });

const Figures = z.looseObject({
  received: z.number().int(),
  responded: z.number().int(),
  respondedOnTime: z.number().int(),
  breached: z.number().int(),
  open: z.number().int(),
  medianWorkingDays: z.number().nullable(),
  p90WorkingDays: z.number().nullable(),
});
const MonthlyReport = z.looseObject({
  month: z.string(),
  asOf: z.string(),
  total: Figures,
  byDivision: z.record(z.string(), Figures),
  byChannel: z.record(z.string(), Figures),
});
export const WebsiteFiguresReply = z
  .object({
    submitted: z.number().int(),
    complete: z.number().int(),
    submittedOnTime: z.number().int(),
    published: z.number().int(),
    publishedOnTime: z.number().int(),
    medianSubmissionWorkingDays: z.number().nullable(),
    medianPublicationWorkingDays: z.number().nullable(),
    fromCommonRequests: z.number().int(),
  })
  .meta({
    id: 'WebsiteFigures',
    description: "Website updates: the division's submissions (2 working days) and ICT's publication (1 working day)",
  });

export const MonthlyReportReply = MonthlyReport.extend({
  previousMonth: MonthlyReport.nullable().optional(),
  website: WebsiteFiguresReply.optional(),
  social: SocialSectionReply.optional(),
}).meta({ id: 'MonthlyReport' });

export const CommonRequestsReply = z
  .object({
    topics: z.array(
      z.object({ topic: z.string(), count: z.number().int(), publishable: z.boolean(), examples: z.array(z.string()) }),
    ),
  })
  .meta({ id: 'CommonRequests' });

export const DisclosureRowReply = z
  .looseObject({
    requestId: RequestReference,
    responseId: z.string(),
    sentAt: Instant,
    sentBy: z.string(),
    division: z.string(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    disposition: z.string(),
    attachments: z.array(
      z.looseObject({ filename: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string() }),
    ),
  })
  .meta({ id: 'Disclosure' });

export const DisclosuresReply = z
  .object({
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    items: z.array(DisclosureRowReply),
    count: z.number().int(),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'DisclosurePage' });

export const MeReply = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(Role),
    division: z.string().nullable(),
    can: z
      .object({
        workOnRequests: z.boolean(),
        findRequests: z.boolean(),
        registerRequest: z.boolean(),
        holdingPen: z.boolean(),
        monthlyReport: z.boolean(),
        audit: z.boolean(),
        changePeople: z.boolean(),
        changeCalendar: z.boolean(),
        runSlaScan: z.boolean(),
        submitWebsiteUpdate: z.boolean(),
        websiteReview: z.boolean(),
        socialMedia: z.boolean(),
        proposeSocialAccount: z.boolean(),
      } satisfies Record<keyof Abilities, z.ZodBoolean>)
      .meta({
        description:
          'What the caller may do beyond one request or website update, decided by the policy the routes and commands check: work on requests (`workOnRequests`), find them to audit (`findRequests`), register one by hand, the holding pen, the monthly report, audit, change people, change the calendar, run the breach scan, submit a website update, the website review pack',
      }),
  })
  .meta({ id: 'Me', description: 'The signed-in person, as the directory knows them today' });

/** CSV bodies (reports, disclosure log). */
export const CsvText = z.string().meta({ description: 'RFC 4180 CSV with a header row' });
