import * as z from 'zod';
import { readContent, storeContent, type ObjectStore } from '../../../application/object-store.js';
import { StagedObjects } from '../../../application/staged-objects.js';
import { proposeFromCommonRequests, ProposalRefusedError } from '../../../application/website/propose.js';
import type { WebsiteOutcome } from '../../../application/website/website-commands.js';
import { listWebsiteUpdates, loadPublishedTopics } from '../../../application/website/website-queries.js';
import { buildReviewPack, reviewStreamId } from '../../../application/website/review.js';
import { websiteSlaAt } from '../../../application/website/website-sla.js';
import { authorizeRead } from '../../../domain/request/read-policy.js';
import { ICT_DIVISION, websiteView } from '../../../domain/views/website-view.js';
import { websiteAllowedActions } from '../../../domain/website/allowed-actions.js';
import { authorizeReviewPack } from '../../../domain/website/policy.js';
import type { WebsiteCommand, CreatingWebsiteCommand } from '../../../domain/website/commands.js';
import { websiteUpdateExists, type WebsiteUpdate } from '../../../domain/website/state.js';
import { LocalDate } from '../../../events/primitives.js';
import { WebsiteUpdateKind, type WebsiteAttachment, type WebsiteEvent } from '../../../events/website-events.js';
import type { Content } from '../../../events/primitives.js';
import { downloadReply, fileReply, MAX_DOWNLOAD_BYTES, TOO_LARGE_TO_DOWNLOAD } from './attachments.js';
import { HttpError } from '../errors.js';
import type { Route, RouteInput, RouteResult } from '../types.js';
import { actorOf, metadataOf } from './input.js';
import { Filename, storeUploads, Text } from './uploads.js';
import {
  ReviewPackReply,
  PublishedPage,
  WebsiteCommandReply,
  WebsiteCreatedReply,
  WebsiteIdParams,
  WebsiteUpdateDetailReply,
  WebsiteUpdatePage,
} from '../schemas/website.js';

const Upload = z.strictObject({
  filename: Filename,
  contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'a MIME type'),
  contentBase64: z.base64(),
});
const PageUrl = z.url({ protocol: /^https?$/ }).max(2_000);

/** The schemas of the website routes (request bodies and queries), named for the API description. */
export const websiteSchemas = {
  submit: z.strictObject({
    kind: WebsiteUpdateKind,
    title: Text(300),
    body: Text(100_000),
    eventDate: LocalDate.optional(),
    attachments: z.array(Upload).max(20).optional(),
  }),
  complete: z.strictObject({}),
  return: z.strictObject({ reason: Text(2_000) }),
  resubmit: z.strictObject({ body: Text(100_000).optional(), attachments: z.array(Upload).max(20).optional() }),
  published: z.strictObject({ url: PageUrl }),
  withdraw: z.strictObject({ reason: Text(2_000) }),
  list: z.strictObject({
    status: z.enum(['submitted', 'returned', 'complete', 'published', 'withdrawn']).optional(),
    division: z.string().min(1).max(64).optional(),
  }),
  propose: z.strictObject({ topic: Text(100) }),
  review: z.strictObject({ year: z.string().regex(/^20\d{2}$/, 'YYYY') }),
};

const updateIdOf = (input: RouteInput): string => {
  const id = input.params.id ?? '';
  if (!/^WEB-\d{4}-\d{5,}$/.test(id))
    throw new HttpError(404, 'WEBSITE_UPDATE_NOT_FOUND', `${id} is not a website update id`);
  return id;
};

const store = async (
  objects: ObjectStore,
  uploads: readonly z.infer<typeof Upload>[] | undefined,
): Promise<WebsiteAttachment[]> => {
  // A division sends it to be published.
  return (await storeUploads(objects, uploads)).map((ref) => ({ ...ref, publishable: true }));
};

const reply = async (result: WebsiteOutcome, input: RouteInput, created = false): Promise<RouteResult> => {
  if (!result.ok) throw result.error;
  if (!websiteUpdateExists(result.state)) throw new HttpError(500, 'INTERNAL_ERROR', 'command left no website update');
  const s = result.state as WebsiteUpdate;
  if (created) return { status: 201, body: { id: s.id, dueAt: s.submissionDueAt, status: s.status } };
  const view = websiteView(s);
  return {
    status: 200,
    body: {
      ...view,
      sla: websiteSlaAt(await input.services.agencyCalendar.current(), view, input.now),
      version: result.version,
      appended: result.events.map((e) => e.type),
    },
  };
};

type ExistingCommand = Exclude<WebsiteCommand, CreatingWebsiteCommand>;

const commandRoute = <S extends z.ZodType>(
  path: string,
  schema: S,
  toCommand: (body: z.infer<S>, objects: ObjectStore) => Promise<Pick<ExistingCommand, 'type' | 'data'>>,
  summary: string,
): Route => ({
  method: 'POST',
  path,
  summary,
  tags: ['website'],
  params: WebsiteIdParams,
  body: schema,
  replies: { 200: { description: 'The update after the command', schema: WebsiteCommandReply } },
  errors: {
    403: 'Not yours to do (ICT services confirm, return and publish; the division resubmits)',
    404: 'No such website update',
    409: 'A transition the workflow forbids (`INVALID_TRANSITION`)',
  },
  handle: async (input) => {
    const id = updateIdOf(input);
    const body = schema.parse(input.body ?? {});
    // What the command refers to is written only once it is allowed.
    const staged = new StagedObjects(input.services.objects);
    const { type, data } = await toCommand(body, staged);
    return reply(
      await input.services.websiteCommands.execute(
        id,
        { type, data, metadata: metadataOf(input) } as ExistingCommand,
        input.idempotencyKey,
        { beforeAppend: () => staged.commit() },
      ),
      input,
    );
  },
});

export const websiteRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/website-updates',
    summary:
      'A division gives ICT services an update for the website (due within 2 working days of the event, at once without one)',
    tags: ['website'],
    body: websiteSchemas.submit,
    replies: { 201: { description: 'Submitted: its id and the division’s due date', schema: WebsiteCreatedReply } },
    errors: { 403: 'Division staff only', 413: 'An attachment over 7 MB' },
    handle: async (input) => {
      const b = websiteSchemas.submit.parse(input.body ?? {});
      const staged = new StagedObjects(input.services.objects);
      const command: CreatingWebsiteCommand = {
        type: 'SubmitWebsiteUpdate',
        data: {
          updateId: '',
          kind: b.kind,
          title: b.title,
          body: await storeContent(staged, 'website', b.body),
          ...(b.eventDate ? { eventDate: b.eventDate } : {}),
          attachments: await store(staged, b.attachments),
        },
        metadata: metadataOf(input),
      };
      return reply(
        await input.services.websiteCommands.create(command, input.idempotencyKey, {
          beforeAppend: () => staged.commit(),
        }),
        input,
        true,
      );
    },
  },
  {
    method: 'GET',
    path: '/website-updates',
    summary: 'The queue of website updates, soonest due first, with both clocks’ SLA status',
    tags: ['website'],
    query: websiteSchemas.list,
    replies: { 200: { description: 'The updates', schema: WebsiteUpdatePage } },
    errors: { 403: 'Staff only' },
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'list_requests');
      if (refused) throw refused;
      const q = websiteSchemas.list.parse(input.query);
      const items = await listWebsiteUpdates(
        input.services.readModels,
        await input.services.agencyCalendar.current(),
        input.now,
        q,
      );
      return { status: 200, body: { items, count: items.length } };
    },
  },
  {
    method: 'GET',
    path: '/website-updates/{id}',
    summary: 'A website update as it stands now',
    tags: ['website'],
    params: WebsiteIdParams,
    replies: {
      200: { description: 'The update, with the information as last sent', schema: WebsiteUpdateDetailReply },
    },
    errors: { 403: 'Staff only', 404: 'No such website update' },
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'view_request');
      if (refused) throw refused;
      const { state, head, events } = await input.services.websiteCommands.load(updateIdOf(input));
      if (!websiteUpdateExists(state))
        throw new HttpError(404, 'WEBSITE_UPDATE_NOT_FOUND', `no website update ${input.params.id}`);
      const view = websiteView(state);
      // ICT reads what they confirm: the information as the division last sent it.
      const bodies = events
        .map((e) => (e.event as WebsiteEvent).data as { body?: Content })
        .flatMap((d) => (d.body ? [d.body] : []));
      const latest = bodies[bodies.length - 1];
      const text = latest ? await readContent(input.services.objects, latest) : '';
      return {
        status: 200,
        body: {
          ...view,
          text,
          sla: websiteSlaAt(await input.services.agencyCalendar.current(), view, input.now),
          version: head?.version ?? 0,
          allowedActions: websiteAllowedActions(actorOf(input), state, ICT_DIVISION),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/website-updates/{id}/attachments/{attachmentId}',
    summary: 'Download a file of a website update',
    description: `Staff only. The file is named by its SHA-256 as the update lists it. Files over ${MAX_DOWNLOAD_BYTES / 1024 / 1024} MB are refused with 413.`,
    tags: ['website'],
    params: WebsiteIdParams.extend({
      attachmentId: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .meta({ description: 'The file’s SHA-256 (hex)' }),
    }),
    replies: { 200: fileReply() },
    errors: {
      403: 'Staff only',
      404: 'No such website update, or no such file on it',
      413: TOO_LARGE_TO_DOWNLOAD,
    },
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'view_request');
      if (refused) throw refused;
      const { state } = await input.services.websiteCommands.load(updateIdOf(input));
      if (!websiteUpdateExists(state))
        throw new HttpError(404, 'WEBSITE_UPDATE_NOT_FOUND', `no website update ${input.params.id}`);
      const ref = state.attachments.find((a) => a.sha256 === input.params.attachmentId);
      if (!ref) throw new HttpError(404, 'ATTACHMENT_NOT_FOUND', 'this website update has no such file');
      return downloadReply(input.services.objects, ref);
    },
  },
  commandRoute(
    '/website-updates/{id}/complete',
    websiteSchemas.complete,
    async () => ({ type: 'ConfirmComplete', data: {} }),
    'ICT services confirm the information complete: published within 1 working day',
  ),
  commandRoute(
    '/website-updates/{id}/return',
    websiteSchemas.return,
    async (b) => ({ type: 'ReturnIncomplete', data: { reason: b.reason } }),
    'ICT services return it as incomplete: their clock stops until the division resubmits',
  ),
  commandRoute(
    '/website-updates/{id}/resubmit',
    websiteSchemas.resubmit,
    async (b, objects) => ({
      type: 'ResubmitWebsiteUpdate',
      data: {
        ...(b.body ? { body: await storeContent(objects, 'website', b.body) } : {}),
        ...(b.attachments ? { attachments: await store(objects, b.attachments) } : {}),
      },
    }),
    'The division sends the returned information again',
  ),
  commandRoute(
    '/website-updates/{id}/published',
    websiteSchemas.published,
    async (b) => ({ type: 'RecordPublished', data: { url: b.url } }),
    'ICT services record where it went live',
  ),
  commandRoute(
    '/website-updates/{id}/withdraw',
    websiteSchemas.withdraw,
    async (b) => ({ type: 'WithdrawWebsiteUpdate', data: { reason: b.reason } }),
    'The division withdraws the update',
  ),
  {
    method: 'POST',
    path: '/reports/common-requests/propose',
    summary: 'Turn a commonly requested topic into a website update for ICT, with its responses’ publishable files',
    tags: ['website', 'reports'],
    body: websiteSchemas.propose,
    replies: { 201: { description: 'Proposed: the new update’s id', schema: WebsiteCreatedReply } },
    errors: {
      403: 'Staff only',
      404: '`TOPIC_NOT_FOUND`: no archived request has the topic',
      409: '`ALREADY_PROPOSED`: the topic is already with ICT or published',
    },
    handle: async (input) => {
      const refused = authorizeRead(actorOf(input), 'list_requests');
      if (refused) throw refused;
      const b = websiteSchemas.propose.parse(input.body ?? {});
      try {
        const result = await proposeFromCommonRequests(
          input.services,
          b.topic,
          actorOf(input),
          input.now,
          input.idempotencyKey,
        );
        return reply(result, input, true);
      } catch (err) {
        if (err instanceof ProposalRefusedError)
          throw new HttpError(err.code === 'TOPIC_NOT_FOUND' ? 404 : 409, err.code, err.message, err.details);
        throw err;
      }
    },
  },
  {
    method: 'GET',
    path: '/reports/website-review',
    summary:
      "The website review committee's yearly pack: website-update SLA, topics to publish, requests answered from the website, disclosures by division",
    tags: ['website', 'reports'],
    query: websiteSchemas.review,
    replies: {
      200: { description: 'The pack of that year (as it stands now), and when it was mailed', schema: ReviewPackReply },
    },
    errors: {
      403: 'The committee (head of agency, chiefs) and auditors',
      404: 'No review date configured (`website.reviewDate`)',
    },
    handle: async (input) => {
      const refused = authorizeReviewPack(actorOf(input));
      if (refused) throw refused;
      const q = websiteSchemas.review.parse(input.query);
      const reviewDate = input.services.agency.config.website?.reviewDate;
      if (!reviewDate) throw new HttpError(404, 'NOT_CONFIGURED', 'the agency configuration has no website.reviewDate');
      const year = Number(q.year);
      const pack = await buildReviewPack(
        { readModels: input.services.readModels, timeZone: input.services.agency.config.calendar.timeZone },
        await input.services.agencyCalendar.current(),
        year,
        reviewDate,
      );
      const sent = (await input.services.store.read(reviewStreamId(year))).events[0];
      return {
        status: 200,
        body: {
          ...pack,
          reviewDate,
          sent: sent
            ? { at: sent.event.occurredAt, recipients: (sent.event.data as { recipients: string[] }).recipients }
            : null,
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/published',
    public: true,
    summary: 'What was published on the website because people kept asking, with its URL',
    tags: ['website'],
    replies: { 200: { description: 'The published topics, newest first', schema: PublishedPage } },
    handle: async (input) => {
      const items = (await loadPublishedTopics(input.services.readModels)).map((p) => ({
        topic: p.topic,
        title: p.title,
        url: p.url,
        publishedAt: p.publishedAt,
        updateId: p.updateId,
        requestsAnswered: p.requestIds.length,
      }));
      return { status: 200, body: { items, count: items.length } };
    },
  },
];
