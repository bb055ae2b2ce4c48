import * as z from 'zod';
import { auditStream } from '../../../application/audit.js';
import { sha256Hex, storeContent, type ObjectStore } from '../../../application/object-store.js';
import { StagedObjects } from '../../../application/staged-objects.js';
import type { CommandOutcome } from '../../../application/request/commands.js';
import { requestStreamId } from '../../../application/request/commands.js';
import { suggestionsForSubject } from '../../../application/website/website-queries.js';
import { slaStatusAt, type SlaStatus } from '../../../domain/calendar/sla-status.js';
import type { RequestCommand, RequestCommandOf } from '../../../domain/request/commands.js';
import { allowedActions, REQUEST_ACTIONS } from '../../../domain/request/allowed-actions.js';
import { authorizeRead } from '../../../domain/request/read-policy.js';
import { exists, type Request } from '../../../domain/request/state.js';
import { requestView, type RequestView } from '../../../domain/views/request-view.js';
import { Channel, Instant, Requester } from '../../../events/primitives.js';
import { CloseReason, ConsultationOutcome, ConsultationWith, Disposition } from '../../../events/request-events.js';
import { StaleVersionError } from '../../../application/errors.js';
import { HttpError } from '../errors.js';
import {
  CommandReply,
  CreatedReply,
  HistoryReply,
  RequestPage,
  RequestViewReply,
  VerificationReply,
} from '../schemas/replies.js';
import type { WorkingCalendar } from '../../../domain/calendar/working-calendar.js';
import type { ApiServices, Route, RouteInput, RouteResult } from '../types.js';
import { actorOf, idempotencyOf, metadataOf, requestIdOf } from './input.js';
import { Filename, storeUploads, Text } from './uploads.js';
import {
  decodeCursor,
  encodeCursor,
  filterFor,
  indexFor,
  listQuery,
  searchPage,
  searchTermsOf,
} from './request-list.js';

const bodies = {
  // A social request comes only through its platform's webhook: staff cannot invent a platform identity.
  intake: z.strictObject({
    channel: Channel.exclude(['social']),
    requester: Requester.omit({ platform: true, senderId: true }),
    subject: Text(998),
    body: Text(1_000_000),
    receivedAt: Instant.optional(),
  }),
  assign: z.strictObject({ division: Text(64), assignee: Text(100).optional() }),
  note: z.strictObject({ text: Text(10_000) }),
  consultation: z.strictObject({
    with: ConsultationWith,
    person: Text(100),
    outcome: ConsultationOutcome,
    note: Text(10_000).optional(),
  }),
  consultationRequest: z.strictObject({
    person: Text(100).meta({
      description: 'The user id of a media spokesperson, or of a colleague of the division holding the request',
    }),
    question: Text(2_000),
  }),
  clarification: z.strictObject({ message: Text(100_000) }),
  extension: z.strictObject({ workingDays: z.number().int().min(1).max(60), reason: Text(2_000) }),
  response: z.strictObject({
    body: Text(1_000_000),
    disposition: Disposition,
    reason: Text(10_000).optional(),
    attachments: z
      .array(
        z.strictObject({
          filename: Filename,
          contentType: z
            .string()
            .max(255)
            .regex(/^[\w.+-]+\/[\w.+-]+$/, 'a MIME type'),
          contentBase64: z.base64(),
        }),
      )
      .max(20)
      .optional(),
  }),
  archive: z.strictObject({ topics: z.array(Text(100)).min(1).max(20), publishable: z.boolean() }),
  close: z.strictObject({
    reason: CloseReason,
    note: Text(10_000).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2_000)
      .optional(),
  }),
};

const historyQuery = z.strictObject({
  asOf: Instant.optional().meta({ description: 'The history and state as they stood at this instant' }),
});

/** The `{id}` of request paths: a reference number. */
export const RequestIdParams = z.object({
  id: z.string().meta({ description: 'The reference number, e.g. `NECS-2026-00001`', example: 'NECS-2026-00001' }),
});
const commandReplies = {
  200: { description: 'The request after the command, with the events it appended', schema: CommandReply },
};

/** The request as the API shows it: the view plus its SLA status now. */
const present = (view: RequestView, cal: WorkingCalendar, now: string): RequestView & { sla: SlaStatus } => ({
  ...view,
  sla: slaStatusAt(
    cal,
    {
      dueAt: view.dueAt,
      ...(view.respondedAt ? { respondedAt: view.respondedAt } : {}),
      ...(view.closedAt && !view.respondedAt ? { closedAt: view.closedAt } : {}),
      ...(view.pausedAt ? { pausedAt: view.pausedAt } : {}),
    },
    now,
  ),
});

const outcome = async (
  result: CommandOutcome,
  services: ApiServices,
  now: string,
  created = false,
): Promise<RouteResult> => {
  if (!result.ok) throw result.error;
  if (!exists(result.state)) throw new HttpError(500, 'INTERNAL_ERROR', 'command left no request');
  const state = result.state as Request;
  if (created) return { status: 201, body: { id: state.id, dueAt: state.dueAt } };
  return {
    status: 200,
    body: {
      ...present(requestView(state), await services.agencyCalendar.current(), now),
      version: result.version,
      appended: result.events.map((e) => e.type),
    },
    headers: etag(result.version),
  };
};

type ExistingCommand = Exclude<RequestCommand, RequestCommandOf<'ReceiveRequest'>>;

/** A route that runs one command on the request in the path. */
const commandRoute = <S extends z.ZodType>(
  path: string,
  schema: S,
  /** Builds the command; what it writes to `objects` is written only if the command is allowed. */
  toCommand: (
    body: z.infer<S>,
    input: RouteInput,
    objects: ObjectStore,
  ) => Promise<Pick<ExistingCommand, 'type' | 'data'>>,
  doc: { summary: string; description?: string; errors?: Record<number, string> },
): Route => ({
  method: 'POST',
  path,
  ...doc,
  tags: ['requests'],
  params: RequestIdParams,
  body: schema,
  replies: commandReplies,
  errors: {
    404: 'No such request',
    409: 'A transition the workflow forbids (`INVALID_TRANSITION`), or `IDEMPOTENCY_KEY_REUSED`',
    412: '`STALE_VERSION`: `If-Match` named a version the request has moved on from; `details` is the request now',
    ...doc.errors,
  },
  handle: async (input) => {
    const id = requestIdOf(input);
    const body = schema.parse(input.body ?? {});
    const staged = new StagedObjects(input.services.objects);
    const { type, data } = await toCommand(body, input, staged);
    const command = { type, data, metadata: metadataOf(input) } as ExistingCommand;
    const expectedVersion = expectedVersionOf(input);
    const options = {
      beforeAppend: () => staged.commit(),
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    };
    try {
      return await outcome(
        await input.services.commands.execute(id, command, idempotencyOf(input), options),
        input.services,
        input.now,
      );
    } catch (err) {
      // The details carry the request as it stands now, so the client can show what changed.
      if (err instanceof StaleVersionError && exists(err.state as Request)) {
        throw new StaleVersionError(err.expected, err.current, {
          ...present(requestView(err.state as Request), await input.services.agencyCalendar.current(), input.now),
          version: err.current,
        });
      }
      throw err;
    }
  },
});

const loadView = async (input: RouteInput) => {
  const { state, head } = await input.services.commands.load(requestIdOf(input));
  if (!exists(state)) throw new HttpError(404, 'REQUEST_NOT_FOUND', `no request ${input.params.id}`);
  return { state: state as Request, view: requestView(state), version: head?.version ?? 0 };
};

/** `If-Match: "7"` (or `W/"7"`, or `7`) → 7; anything else is a 400, so a typo never skips the check. */
const expectedVersionOf = (input: RouteInput): number | undefined => {
  if (input.ifMatch === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(input.ifMatch);
  if (!m) throw new HttpError(400, 'INVALID_INPUT', 'If-Match: the request\'s version as its ETag, e.g. "7"');
  return Number(m[1]);
};
const etag = (version: number) => ({ etag: `"${version}"` });

export const requestRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/requests',
    summary: 'Register a request received by walk-in, phone, letter, web or email (manual intake)',
    description:
      'Intake officers only. `receivedAt` defaults to now. The requester is acknowledged by mail when an address is given.',
    tags: ['requests'],
    body: bodies.intake,
    replies: { 201: { description: 'The new request’s reference and due date', schema: CreatedReply } },
    handle: async (input) => {
      const body = bodies.intake.parse(input.body ?? {});
      const staged = new StagedObjects(input.services.objects);
      const content = await storeContent(staged, 'bodies', body.body);
      const result = await input.services.commands.receive(
        {
          channel: body.channel,
          requester: body.requester,
          subject: body.subject,
          body: content,
          attachments: [],
          receivedAt: body.receivedAt ?? input.now,
        },
        metadataOf(input),
        idempotencyOf(input),
        { beforeAppend: () => staged.commit() },
      );
      return outcome(result, input.services, input.now, true);
    },
  },
  {
    method: 'GET',
    path: '/requests',
    summary: 'A page of requests, soonest due first',
    description: 'Staff, and auditors (read-only: to choose a request whose history to audit).',
    tags: ['requests'],
    query: listQuery,
    replies: { 200: { description: 'The page', schema: RequestPage } },
    handle: async (input) => {
      const actor = actorOf(input);
      const refused = authorizeRead(actor, 'find_requests');
      if (refused) throw refused;
      const q = listQuery.parse(input.query);
      const userId = actor.kind === 'user' ? actor.userId : actor.component;
      const cal = await input.services.agencyCalendar.current();
      const after = q.cursor ? decodeCursor(q.cursor) : undefined;
      const { readModels } = input.services;
      // Each read asks one more than the page, so the last page carries no cursor.
      const want = q.limit + 1;
      const picked: { view: RequestView; dueSk: string }[] = [];
      let more = true;
      let position = after;
      if (q.q) {
        // Search: the rarest term's index, walked; the other terms checked on the views it carries.
        const filter = filterFor(q, userId, '');
        picked.push(
          ...(await searchPage(readModels, searchTermsOf(q.q), { want, after, ...(filter ? { filter } : {}) })).picked,
        );
      } else {
        const index = indexFor(q, userId);
        const filter = filterFor(q, userId, index.index);
        while (more && picked.length < want) {
          const page = await readModels.indexPage({
            ...index,
            limit: want - picked.length,
            ...(position ? { after: position } : {}),
            ...(filter ? { filter } : {}),
          });
          for (const item of page.items) {
            const view = item.view as RequestView;
            position = String(item.dueSk);
            // SLA status depends on now; it is checked here, on what the indexes return.
            if (!q.sla || present(view, cal, input.now).sla === q.sla) picked.push({ view, dueSk: String(item.dueSk) });
          }
          more = page.more;
          if (page.items.length === 0) break;
        }
      }
      const shown = picked.slice(0, q.limit);
      const hasNext = picked.length > q.limit;
      // Marks what the caller was asked to give a view on, so a work list can say so.
      const items = shown.map((p) => ({
        ...present(p.view, cal, input.now),
        ...((p.view.asked ?? []).some((a) => a.person === userId) ? { askedOfMe: true } : {}),
      }));
      const last = shown.at(-1);
      return {
        status: 200,
        body: { items, count: items.length, ...(hasNext && last ? { nextCursor: encodeCursor(last.dueSk) } : {}) },
      };
    },
  },
  {
    method: 'GET',
    path: '/requests/{id}',
    summary: 'A request as it stands now',
    tags: ['requests'],
    params: RequestIdParams,
    replies: {
      200: {
        description: 'The request, with its version (also as the `ETag`, for `If-Match` on commands)',
        schema: RequestViewReply.extend({
          version: z.number().int().positive(),
          allowedActions: z.array(z.enum(REQUEST_ACTIONS)).meta({
            description:
              'What the caller may do on the request now, decided by the policy the commands use (a page shows these actions and no others)',
          }),
          extension: z
            .looseObject({
              usedWorkingDays: z.number().int().nonnegative(),
              maxWorkingDays: z.number().int().positive(),
            })
            .meta({ description: 'Working days added by extensions so far, and the agency’s cap on them' }),
          archiveCopyTo: z
            .string()
            .meta({ description: 'Where the copy of the official response goes for the archive' }),
        }),
        headers: { ETag: { description: 'The request’s version, e.g. `"7"`', schema: z.string() } },
      },
    },
    errors: { 404: 'No such request' },
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'view_request');
      if (refused) throw refused;
      const { state, view, version } = await loadView(input);
      // Published pages on the subject, so the officer can answer with the link.
      const suggestions = await suggestionsForSubject(input.services.readModels, view.subject);
      const { agency, sla } = input.services.agency.config;
      const forCaller = {
        allowedActions: allowedActions(actorOf(input), state, sla.maxExtensionWorkingDays),
        extension: { usedWorkingDays: state.extendedWorkingDays, maxWorkingDays: sla.maxExtensionWorkingDays },
        archiveCopyTo: agency.archiveAddress,
      };
      return {
        status: 200,
        body: {
          ...present(view, await input.services.agencyCalendar.current(), input.now),
          version,
          suggestions,
          ...forCaller,
        },
        headers: etag(version),
      };
    },
  },
  {
    method: 'GET',
    path: '/requests/{id}/history',
    summary: 'Every event of a request, in order, and the state folded from them',
    tags: ['audit'],
    params: RequestIdParams,
    query: historyQuery,
    replies: { 200: { description: 'The events and the state', schema: HistoryReply } },
    errors: { 404: 'No such request' },
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'view_history');
      if (refused) throw refused;
      const q = historyQuery.parse(input.query);
      const audited = await auditStream(input.services.store, requestStreamId(requestIdOf(input)), q.asOf);
      if (!audited) throw new HttpError(404, 'REQUEST_NOT_FOUND', `no request ${input.params.id}`);
      const { state } = audited.history;
      return {
        status: 200,
        body: {
          ...(q.asOf ? { asOf: q.asOf } : {}),
          events: audited.history.events,
          state: exists(state)
            ? present(requestView(state), await input.services.agencyCalendar.current(), q.asOf ?? input.now)
            : null,
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/requests/{id}/verify',
    summary: 'Check the hash chain of a request’s events, and the request against the latest anchor',
    description:
      'A request rewritten as a whole (every hash and its head recomputed) passes its own chain but not the anchor: then `valid` is false and `anchor.matches` says why.',
    tags: ['audit'],
    params: RequestIdParams,
    replies: {
      200: { description: 'Whether the chain is intact, and where it breaks if not', schema: VerificationReply },
    },
    errors: { 404: 'No such request' },
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'verify_history');
      if (refused) throw refused;
      const audited = await auditStream(input.services.store, requestStreamId(requestIdOf(input)));
      if (!audited) throw new HttpError(404, 'REQUEST_NOT_FOUND', `no request ${input.params.id}`);
      // Against the latest anchor too: a stream rewritten as a whole passes its own chain, not the anchor.
      const anchor =
        (await input.services.anchors?.standing(requestStreamId(requestIdOf(input)), audited.history.events)) ?? null;
      const v = audited.verification;
      if (v.valid && anchor && !anchor.matches)
        return { status: 200, body: { valid: false, brokenAt: anchor.version, reason: anchor.reason, anchor } };
      return { status: 200, body: { ...v, anchor } };
    },
  },
  commandRoute(
    '/requests/{id}/assign',
    bodies.assign,
    async (b) => ({
      type: 'AssignRequest',
      data: { division: b.division, ...(b.assignee ? { assignee: b.assignee } : {}) },
    }),
    { summary: 'Assign the request to a division, and optionally to the officer who holds it' },
  ),
  commandRoute('/requests/{id}/notes', bodies.note, async (b) => ({ type: 'AddNote', data: { text: b.text } }), {
    summary: 'Add an internal note (never mailed to the requester)',
  }),
  commandRoute(
    '/requests/{id}/consultations',
    bodies.consultation,
    async (b) => ({
      type: 'RecordConsultation',
      data: { with: b.with, person: b.person, outcome: b.outcome, ...(b.note ? { note: b.note } : {}) },
    }),
    {
      summary: 'Record a consultation with the division or a spokesperson',
      description:
        'A spokesperson consultation is recorded by that spokesperson themself (or, while they are on leave, by whoever stands in for them, in their own name); anyone else gets 403. A division consultation is recorded by the staff of the division holding the request.',
      errors: {
        400: '`UNKNOWN_PERSON`: not a spokesperson, or not in the division',
        403: 'Not the spokesperson (nor their stand-in), or not staff of the division',
      },
    },
  ),
  commandRoute(
    '/requests/{id}/consultations/requested',
    bodies.consultationRequest,
    async (b) => ({ type: 'RequestConsultation', data: { person: b.person, question: b.question } }),
    {
      summary: 'Ask a spokesperson (or a colleague of the division) for their view',
      description:
        'Division staff only. The person (and, while they are on leave, whoever stands in for them) is told by a mail naming the reference and subject — no link, nothing of the requester — and finds the request in their work list (`GET /requests?assignee=me`, marked `askedOfMe`) until they record their consultation. The request goes `in_consultation`. Asking the same question again before they answer changes nothing.',
      errors: {
        400: '`UNKNOWN_PERSON`: not an active member of the agency, or neither a spokesperson nor in the division',
        403: 'Not staff of the division holding the request',
      },
    },
  ),
  commandRoute(
    '/requests/{id}/clarification',
    bodies.clarification,
    async (b, _input, objects) => ({
      type: 'RequestClarification',
      data: { message: await storeContent(objects, 'clarifications', b.message) },
    }),
    { summary: 'Ask the requester to clarify (mailed); the SLA clock stops until they reply' },
  ),
  commandRoute(
    '/requests/{id}/extension',
    bodies.extension,
    async (b) => ({ type: 'ExtendDeadline', data: { workingDays: b.workingDays, reason: b.reason } }),
    {
      summary: 'Extend the deadline by working days (the division chief)',
      errors: { 409: 'Over the agency’s extension limit, or a forbidden transition' },
    },
  ),
  commandRoute(
    '/requests/{id}/response',
    bodies.response,
    async (b, input, objects) => {
      const attachments = await storeUploads(objects, b.attachments);
      const responseId = input.idempotencyKey
        ? `resp-${sha256Hex(Buffer.from(input.idempotencyKey)).slice(0, 16)}`
        : `resp-${Date.parse(input.now)}-${Math.random().toString(36).slice(2, 8)}`;
      return {
        type: 'SendResponse',
        data: {
          responseId,
          body: await storeContent(objects, 'responses', b.body),
          disposition: b.disposition,
          ...(b.reason ? { reason: b.reason } : {}),
          attachments,
        },
      };
    },
    {
      summary: 'Send the official response to the requester, with a copy to the archive',
      errors: {
        409: '`SPOKESPERSON_NOT_CONSULTED` until a spokesperson has recorded their consultation; or a forbidden transition',
      },
    },
  ),
  commandRoute(
    '/requests/{id}/archive',
    bodies.archive,
    async (b) => ({ type: 'ArchiveRequest', data: { topics: b.topics, publishable: b.publishable } }),
    { summary: 'Archive a responded request under topics' },
  ),
  commandRoute(
    '/requests/{id}/close',
    bodies.close,
    async (b) => {
      if (b.reason === 'published') {
        if (!b.url) throw new HttpError(400, 'INVALID_INPUT', 'reason published needs the url of the published page');
        return { type: 'AnswerWithPublishedPage', data: { url: b.url, ...(b.note ? { note: b.note } : {}) } };
      }
      if (b.url) throw new HttpError(400, 'INVALID_INPUT', 'url goes only with reason published');
      return {
        type: 'CloseRequest',
        data: { reason: b.reason as Exclude<typeof b.reason, 'published'>, ...(b.note ? { note: b.note } : {}) },
      };
    },
    {
      summary:
        'Close the request without a response (duplicate, spam, withdrawn, transferred, out of scope), or answer it with a page already published (reason `published`, with its `url`)',
    },
  ),
];
