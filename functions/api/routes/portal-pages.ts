import * as z from 'zod';
import { confirm, publicRequest, replyAsRequester, submit, withdraw } from '../../../application/portal/portal.js';
import { disclosureById, disclosurePage } from '../../../application/portal/public-log.js';
import { loadPublishedTopics } from '../../../application/website/website-queries.js';
import { computeDueDate } from '../../../domain/calendar/due-date.js';
import { CONFIRMATION_VALID_DAYS } from '../../../domain/portal/submission-rules.js';
import { PORTAL_CSS, PORTAL_JS } from '../../../portal/assets.js';
import {
  askPage,
  checkEmailPage,
  confirmMissingPage,
  confirmPage,
  disclosureItemPage,
  errorPage,
  notFoundPage,
  sharedPage,
  tooManyPage,
  trackPage,
  withdrawPage,
  type DueLine,
  type FieldError,
  type PageContext,
  type TrackNotice,
} from '../../../portal/pages.js';
import { stringsFor, type Strings } from '../../../portal/strings.js';
import type { Route, RouteInput, RouteResult } from '../types.js';
import { decodeLogCursor, encodeLogCursor, isReference, portalDepsOf, SubmissionBody } from './public-input.js';

/**
 * The public portal's pages (`/portal/…`): server-rendered HTML that works without JavaScript — forms
 * post, the server answers with a redirect to a page (POST-redirect-GET), or with the same form and its
 * problems. Scripts and styles come only from this origin, as files (the pages' own CSP, no inline script).
 */

const HTML = 'text/html; charset=utf-8';

/** The pages' policy: nothing inline, nothing from elsewhere, forms post only here, never framed. */
export const PORTAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

const pageHeaders = {
  'content-security-policy': PORTAL_CSP,
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

const pageReply = (status: number, body: string): RouteResult => ({
  status,
  body,
  contentType: HTML,
  headers: pageHeaders,
});
const redirect = (location: string): RouteResult => ({
  status: 303,
  body: '',
  contentType: HTML,
  headers: { ...pageHeaders, location },
});

const contextOf = (input: RouteInput): PageContext => {
  const { agency } = input.services;
  const names = new Map(agency.config.divisions.map((d) => [d.id, d.name]));
  return {
    s: stringsFor('en'),
    agencyName: agency.config.agency.name,
    timeZone: agency.config.calendar.timeZone,
    divisionName: (id) => names.get(id) ?? id,
  };
};

/** A page's work, with a plain-words error page instead of the API's JSON should anything fail. */
const page =
  (work: (input: RouteInput, ctx: PageContext) => Promise<RouteResult>) =>
  async (input: RouteInput): Promise<RouteResult> => {
    const ctx = contextOf(input);
    try {
      return await work(input, ctx);
    } catch {
      return pageReply(500, errorPage(ctx));
    }
  };

const formOf = (body: unknown): Record<string, string> =>
  body && typeof body === 'object'
    ? Object.fromEntries(
        Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : '']),
      )
    : {};

/** The ask form's problems, in the order of the form, in plain words. */
const askErrors = (s: Strings, f: Record<string, string>): FieldError[] => {
  const errors: FieldError[] = [];
  const name = (f.name ?? '').trim();
  const email = (f.email ?? '').trim();
  if (!name) errors.push({ field: 'name', message: s.errNameMissing });
  else if (name.length > 200) errors.push({ field: 'name', message: s.errNameLong });
  if (!email) errors.push({ field: 'email', message: s.errEmailMissing });
  else if (!z.email().max(254).safeParse(email).success) errors.push({ field: 'email', message: s.errEmailInvalid });
  if ((f.organization ?? '').trim().length > 200)
    errors.push({ field: 'organization', message: s.errOrganizationLong });
  const subject = (f.subject ?? '').trim();
  if (!subject) errors.push({ field: 'subject', message: s.errSubjectMissing });
  else if (subject.length > 300) errors.push({ field: 'subject', message: s.errSubjectLong });
  const body = (f.body ?? '').trim();
  if (!body) errors.push({ field: 'body', message: s.errBodyMissing });
  else if (body.length > 20_000) errors.push({ field: 'body', message: s.errBodyLong });
  return errors;
};

const htmlReply = { 200: { description: 'An HTML page', contentType: HTML, schema: z.string() } };
const redirectReply = {
  303: { description: 'See the next page (POST-redirect-GET)' },
  200: { description: 'The same form with its problems', contentType: HTML, schema: z.string() },
};
const TokenParams = z.object({ token: z.string().meta({ description: 'The confirmation token from the mail' }) });
const RefParams = z.object({
  id: z.string().meta({ description: 'The reference number', example: 'NECS-2026-00001' }),
});
const Formatted = { description: 'Form fields (application/x-www-form-urlencoded)' };

/**
 * How the due date was counted, day by day, while it is still the one the calendar gives for the day of
 * receipt (after an extension or a clarification the page says so in words instead).
 */
const dueLinesOf = async (
  input: RouteInput,
  view: { receivedAt: string; dueAt: string; open: boolean },
): Promise<DueLine[]> => {
  if (!view.open) return [];
  const due = computeDueDate(
    await input.services.agencyCalendar.current(),
    view.receivedAt,
    input.services.agency.config.sla.responseWorkingDays,
  );
  return new Date(due.dueAt).getTime() === new Date(view.dueAt).getTime()
    ? due.explanation.map((l) => ({
        date: l.date,
        kind: l.kind,
        ...(l.count ? { count: l.count } : {}),
        reason: l.reason,
      }))
    : [];
};

const trackHref = (id: string, token: string, notice?: TrackNotice) =>
  `/portal/track/${id}?token=${encodeURIComponent(token)}${notice ? `&notice=${notice}` : ''}`;

export const portalPageRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/portal',
    public: true,
    summary: 'Portal: ask for information (the form)',
    tags: ['portal pages'],
    replies: htmlReply,
    handle: page(async (_input, ctx) => pageReply(200, askPage(ctx))),
  },
  {
    method: 'POST',
    path: '/portal/ask',
    public: true,
    summary: 'Portal: the ask form posted; mails the confirmation link and shows “check your email”',
    description: Formatted.description,
    tags: ['portal pages'],
    replies: {
      ...redirectReply,
      429: {
        description: 'Too many unconfirmed submissions today (a page in plain words)',
        contentType: HTML,
        schema: z.string(),
      },
    },
    handle: page(async (input, ctx) => {
      const f = formOf(input.body);
      // A filled honeypot is a robot: it is told what a person would be, and nothing is sent.
      if ((f.website ?? '').length > 0) return redirect('/portal/check-email');
      const errors = askErrors(ctx.s, f);
      const values = {
        name: f.name ?? '',
        email: f.email ?? '',
        organization: f.organization ?? '',
        subject: f.subject ?? '',
        body: f.body ?? '',
      };
      const parsed = SubmissionBody.safeParse({ ...values, organization: values.organization.trim() || undefined });
      if (errors.length > 0 || !parsed.success)
        return pageReply(
          400,
          askPage(ctx, values, errors.length > 0 ? errors : [{ field: 'name', message: ctx.s.errNameMissing }]),
        );
      const outcome = await submit(await portalDepsOf(input.services), parsed.data, {
        now: input.now,
        ...(input.sourceIp ? { sourceIp: input.sourceIp } : {}),
      });
      return outcome === 'too_many' ? pageReply(429, tooManyPage(ctx)) : redirect('/portal/check-email');
    }),
  },
  {
    method: 'GET',
    path: '/portal/check-email',
    public: true,
    summary: 'Portal: “check your email” after asking',
    tags: ['portal pages'],
    replies: htmlReply,
    handle: page(async (_input, ctx) => pageReply(200, checkEmailPage(ctx, CONFIRMATION_VALID_DAYS))),
  },
  {
    method: 'GET',
    path: '/portal/confirm/{token}',
    public: true,
    summary: 'Portal: the confirmation link’s page, with the button that sends the request (a GET registers nothing)',
    tags: ['portal pages'],
    params: TokenParams,
    replies: htmlReply,
    handle: page(async (input, ctx) => pageReply(200, confirmPage(ctx, input.params.token ?? ''))),
  },
  {
    method: 'POST',
    path: '/portal/confirm/{token}',
    public: true,
    summary: 'Portal: sends the request (registers it) and shows its tracking page',
    tags: ['portal pages'],
    params: TokenParams,
    replies: {
      303: { description: 'See the request’s tracking page' },
      404: {
        description: 'The link does not work (unknown or older than 7 days)',
        contentType: HTML,
        schema: z.string(),
      },
    },
    handle: page(async (input, ctx) => {
      const outcome = await confirm(await portalDepsOf(input.services), input.params.token ?? '', input.now);
      if (outcome === 'not_found' || outcome === 'expired') return pageReply(404, confirmMissingPage(ctx));
      const url = new URL(outcome.reply.trackUrl, 'http://portal.invalid');
      return redirect(`${url.pathname}${url.search}&notice=sent`);
    }),
  },
  {
    method: 'GET',
    path: '/portal/track/{id}',
    public: true,
    summary: 'Portal: the requester’s own page (status, due date, messages, reply, withdraw); 404 for a wrong token',
    tags: ['portal pages'],
    params: RefParams,
    replies: {
      ...htmlReply,
      404: { description: 'Not found (a wrong or missing token)', contentType: HTML, schema: z.string() },
    },
    handle: page(async (input, ctx) => {
      const id = input.params.id;
      const token = String(input.query.token ?? '');
      const view = isReference(id) ? await publicRequest(await portalDepsOf(input.services), id, token) : undefined;
      if (!view) return pageReply(404, notFoundPage(ctx));
      const notice = ['sent', 'replied', 'withdrawn'].includes(String(input.query.notice))
        ? (input.query.notice as TrackNotice)
        : undefined;
      return pageReply(200, trackPage(ctx, view, token, notice, [], '', await dueLinesOf(input, view)));
    }),
  },
  {
    method: 'POST',
    path: '/portal/track/{id}/reply',
    public: true,
    summary: 'Portal: the requester’s message, posted from their page',
    description: Formatted.description,
    tags: ['portal pages'],
    params: RefParams,
    replies: {
      ...redirectReply,
      404: { description: 'Not found (a wrong token)', contentType: HTML, schema: z.string() },
    },
    handle: page(async (input, ctx) => {
      const id = input.params.id ?? '';
      const f = formOf(input.body);
      const token = f.token ?? '';
      const deps = await portalDepsOf(input.services);
      const view = isReference(id) ? await publicRequest(deps, id, token) : undefined;
      if (!view) return pageReply(404, notFoundPage(ctx));
      const text = (f.message ?? '').trim();
      const problem = !text ? ctx.s.errReplyMissing : text.length > 20_000 ? ctx.s.errReplyLong : undefined;
      if (problem)
        return pageReply(
          400,
          trackPage(ctx, view, token, undefined, [{ field: 'message', message: problem }], f.message ?? ''),
        );
      await replyAsRequester(deps, id, token, text, input.now);
      return redirect(trackHref(id, token, 'replied'));
    }),
  },
  {
    method: 'GET',
    path: '/portal/track/{id}/withdraw',
    public: true,
    summary: 'Portal: “withdraw your request?” (one question on its own page)',
    tags: ['portal pages'],
    params: RefParams,
    replies: { ...htmlReply, 404: { description: 'Not found (a wrong token)', contentType: HTML, schema: z.string() } },
    handle: page(async (input, ctx) => {
      const id = input.params.id ?? '';
      const token = String(input.query.token ?? '');
      const view = isReference(id) ? await publicRequest(await portalDepsOf(input.services), id, token) : undefined;
      if (!view) return pageReply(404, notFoundPage(ctx));
      return view.open ? pageReply(200, withdrawPage(ctx, id, token)) : redirect(trackHref(id, token));
    }),
  },
  {
    method: 'POST',
    path: '/portal/track/{id}/withdraw',
    public: true,
    summary: 'Portal: withdraws the request (closed, reason withdrawn, the requester’s act)',
    description: Formatted.description,
    tags: ['portal pages'],
    params: RefParams,
    replies: {
      303: { description: 'See the request’s page' },
      404: { description: 'Not found (a wrong token)', contentType: HTML, schema: z.string() },
    },
    handle: page(async (input, ctx) => {
      const id = input.params.id ?? '';
      const token = formOf(input.body).token ?? '';
      const outcome = isReference(id)
        ? await withdraw(await portalDepsOf(input.services), id, token, input.now)
        : 'not_found';
      if (outcome === 'not_found') return pageReply(404, notFoundPage(ctx));
      return redirect(trackHref(id, token, outcome === 'withdrawn' ? 'withdrawn' : undefined));
    }),
  },
  {
    method: 'GET',
    path: '/portal/disclosures',
    public: true,
    summary:
      'Portal: what was shared (the public log, searchable, paged) and pages published because people kept asking',
    tags: ['portal pages'],
    replies: htmlReply,
    handle: page(async (input, ctx) => {
      const q = typeof input.query.q === 'string' ? input.query.q.trim().slice(0, 200) : '';
      let cursor: string | undefined;
      try {
        cursor =
          typeof input.query.cursor === 'string' && input.query.cursor
            ? decodeLogCursor(input.query.cursor)
            : undefined;
      } catch {
        cursor = undefined;
      }
      const result = await disclosurePage(input.services.readModels, {
        limit: 20,
        ...(q ? { q } : {}),
        ...(cursor ? { cursor } : {}),
      });
      const published = cursor ? [] : await loadPublishedTopics(input.services.readModels);
      return pageReply(
        200,
        sharedPage(
          ctx,
          {
            items: result.items,
            ...(result.nextCursor ? { nextCursor: encodeLogCursor(result.nextCursor) } : {}),
            ...(q ? { q } : {}),
            paged: cursor !== undefined,
          },
          published,
        ),
      );
    }),
  },
  {
    method: 'GET',
    path: '/portal/disclosures/{id}',
    public: true,
    summary: 'Portal: one shared answer’s permanent page',
    tags: ['portal pages'],
    params: RefParams,
    replies: { ...htmlReply, 404: { description: 'Not found', contentType: HTML, schema: z.string() } },
    handle: page(async (input, ctx) => {
      const id = input.params.id;
      const item = isReference(id) ? await disclosureById(input.services.store, id) : undefined;
      return item ? pageReply(200, disclosureItemPage(ctx, item)) : pageReply(404, notFoundPage(ctx));
    }),
  },
  {
    method: 'GET',
    path: '/portal/assets/portal.css',
    public: true,
    summary: 'Portal: its style sheet',
    tags: ['portal pages'],
    replies: { 200: { description: 'CSS', contentType: 'text/css; charset=utf-8', schema: z.string() } },
    handle: async () => ({
      status: 200,
      body: PORTAL_CSS,
      contentType: 'text/css; charset=utf-8',
      headers: { 'cache-control': 'public, max-age=86400' },
    }),
  },
  {
    method: 'GET',
    path: '/portal/assets/portal.js',
    public: true,
    summary: 'Portal: its one small script (suggestions while writing; the pages work without it)',
    tags: ['portal pages'],
    replies: { 200: { description: 'JavaScript', contentType: 'text/javascript; charset=utf-8', schema: z.string() } },
    handle: async () => ({
      status: 200,
      body: PORTAL_JS,
      contentType: 'text/javascript; charset=utf-8',
      headers: { 'cache-control': 'public, max-age=86400' },
    }),
  },
];
