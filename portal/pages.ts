import { longEnglishDateTime } from '../domain/time/english.js';
import { ZonedDateTime } from '../domain/time/zoned-date-time.js';
import type { PublicRequest } from '../application/portal/portal.js';
import type { PublicDisclosureItem } from '../application/portal/public-log.js';
import type { PublishedItem } from '../application/website/website-queries.js';
import { html, raw, type SafeHtml } from './html.js';
import type { Strings } from './strings.js';

/** What every page knows: the words, the agency's name and time zone, its divisions' names. */
export interface PageContext {
  readonly s: Strings;
  readonly agencyName: string;
  readonly timeZone: string;
  readonly divisionName: (id: string) => string;
}

/** A field's problem, in the order of the form (the error summary lists them so and links to each). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

const when = (ctx: PageContext, iso: string) => longEnglishDateTime(ZonedDateTime.fromISO(iso, ctx.timeZone));
const day = (ctx: PageContext, iso: string) => when(ctx, iso).replace(/, \d{2}:\d{2}$/, '');

const sizeOf = (bytes: number) =>
  bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The frame of every page: skip link, header with the service's two places, main, footer. */
export const layout = (
  ctx: PageContext,
  title: string,
  content: SafeHtml,
  options: { errors?: boolean; script?: boolean } = {},
): string =>
  html`<!doctype html>
<html lang="${ctx.s.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.errors ? `${ctx.s.errorPrefix} ` : ''}${title} – ${ctx.s.serviceName} – ${ctx.agencyName}</title>
<link rel="stylesheet" href="/portal/assets/portal.css">
${options.script ? raw('<script src="/portal/assets/portal.js" defer></script>') : ''}
</head>
<body>
<a class="skip" href="#main">${ctx.s.skipLink}</a>
<header><div class="wrap"><a class="agency" href="/portal/">${ctx.agencyName}</a><nav aria-label="${ctx.s.serviceName}"><a href="/portal/">${ctx.s.navAsk}</a> · <a href="/portal/disclosures">${ctx.s.navShared}</a></nav></div></header>
<div class="wrap"><main id="main">
${content}
</main></div>
<footer><div class="wrap">${ctx.s.footer(ctx.agencyName)}</div></footer>
</body>
</html>
`.value;

const errorSummary = (ctx: PageContext, errors: readonly FieldError[]) =>
  errors.length === 0
    ? ''
    : html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${ctx.s.errorSummaryTitle}</h2>
<ul>${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}</ul>
</div>`;

/** One labelled field with its hint and its error, linked by `aria-describedby`. */
const field = (
  f: {
    id: string;
    label: string;
    hint?: string;
    value?: string;
    type?: 'text' | 'email' | 'textarea';
    optional?: string;
    autocomplete?: string;
    spellcheck?: boolean;
  },
  errors: readonly FieldError[],
) => {
  const error = errors.find((e) => e.field === f.id);
  const described = [f.hint ? `${f.id}-hint` : '', error ? `${f.id}-error` : ''].filter(Boolean).join(' ');
  const attrs = html`id="${f.id}" name="${f.id}"${described ? html` aria-describedby="${described}"` : ''}${error ? raw(' aria-invalid="true"') : ''}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}${f.spellcheck === false ? raw(' spellcheck="false"') : ''}`;
  return html`<div class="field${error ? ' has-error' : ''}">
<label for="${f.id}">${f.label}${f.optional ? html` ${f.optional}` : ''}</label>
${f.hint ? html`<span class="hint" id="${f.id}-hint">${f.hint}</span>` : ''}
${error ? html`<span class="error-message" id="${f.id}-error">${error.message}</span>` : ''}
${f.type === 'textarea' ? html`<textarea ${attrs} rows="8">${f.value ?? ''}</textarea>` : html`<input type="${f.type ?? 'text'}" ${attrs} value="${f.value ?? ''}">`}
</div>`;
};

/** The values the ask form shows again after a problem. */
export interface AskValues {
  readonly name?: string;
  readonly email?: string;
  readonly organization?: string;
  readonly subject?: string;
  readonly body?: string;
}

/** The first page: what to ask, and what may already answer it (filled in by the script). */
export const askPage = (ctx: PageContext, values: AskValues = {}, errors: readonly FieldError[] = []): string => {
  const { s } = ctx;
  return layout(
    ctx,
    s.askTitle,
    html`${errorSummary(ctx, errors)}
<h1>${s.askTitle}</h1>
<p class="lead">${s.askLead(ctx.agencyName)}</p>
<p>${s.askHowItWorks}</p>
<form method="post" action="/portal/ask" novalidate>
${field({ id: 'name', label: s.nameLabel, value: values.name, autocomplete: 'name', spellcheck: false }, errors)}
${field({ id: 'email', label: s.emailLabel, hint: s.emailHint, value: values.email, type: 'email', autocomplete: 'email', spellcheck: false }, errors)}
${field({ id: 'organization', label: s.organizationLabel, hint: s.organizationHint, value: values.organization, optional: s.optional, autocomplete: 'organization' }, errors)}
${field({ id: 'subject', label: s.subjectLabel, hint: s.subjectHint, value: values.subject }, errors)}
<div class="suggestions" id="suggestions" hidden aria-live="polite" data-published="${s.suggestionPublished}" data-disclosure="${s.suggestionDisclosure}">
<h2>${s.suggestionsTitle}</h2>
<ul id="suggestions-list"></ul>
</div>
${field({ id: 'body', label: s.bodyLabel, hint: s.bodyHint, value: values.body, type: 'textarea' }, errors)}
<div class="hp" aria-hidden="true"><label for="website">${s.honeypotLabel}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">${s.askButton}</button>
</form>`,
    { errors: errors.length > 0, script: true },
  );
};

export const checkEmailPage = (ctx: PageContext, validDays: number): string =>
  layout(
    ctx,
    ctx.s.checkEmailTitle,
    html`<h1>${ctx.s.checkEmailTitle}</h1><p class="lead">${ctx.s.checkEmailBody}</p><p>${ctx.s.checkEmailExpiry(validDays)}</p><p>${ctx.s.checkEmailSpam}</p>`,
  );

export const tooManyPage = (ctx: PageContext): string =>
  layout(ctx, ctx.s.tooManyTitle, html`<h1>${ctx.s.tooManyTitle}</h1><p>${ctx.s.tooManyBody}</p>`);

/** The confirmation link's page: a button that POSTs (a GET registers nothing: mail scanners follow links). */
export const confirmPage = (ctx: PageContext, token: string): string =>
  layout(
    ctx,
    ctx.s.confirmTitle,
    html`<h1>${ctx.s.confirmTitle}</h1><p>${ctx.s.confirmBody}</p>
<form method="post" action="/portal/confirm/${encodeURIComponent(token)}"><button type="submit">${ctx.s.confirmButton}</button></form>`,
  );

export const confirmMissingPage = (ctx: PageContext): string =>
  layout(
    ctx,
    ctx.s.confirmMissingTitle,
    html`<h1>${ctx.s.confirmMissingTitle}</h1><p>${ctx.s.confirmMissingBody}</p><p><a href="/portal/">${ctx.s.askAgain}</a></p>`,
  );

export const notFoundPage = (ctx: PageContext): string =>
  layout(
    ctx,
    ctx.s.notFoundTitle,
    html`<h1>${ctx.s.notFoundTitle}</h1><p>${ctx.s.notFoundBody}</p><p><a href="/portal/">${ctx.s.askAgain}</a></p>`,
  );

export const errorPage = (ctx: PageContext): string =>
  layout(ctx, ctx.s.errorTitle, html`<h1>${ctx.s.errorTitle}</h1><p>${ctx.s.errorBody}</p>`);

/** One day of the due date's count, as the calendar explains it (`GET /calendar/due-date`). */
export interface DueLine {
  readonly date: string;
  readonly kind: 'day_zero' | 'counted' | 'skipped';
  readonly count?: number;
  /** The calendar's words for a skipped day (a weekend, a holiday's name). */
  readonly reason: string;
}

const dueExplanation = (ctx: PageContext, lines: readonly DueLine[]) =>
  lines.length === 0
    ? ''
    : html`<details><summary>${ctx.s.dueHowTitle}</summary><ul>${lines.map(
        (l) =>
          html`<li>${day(ctx, `${l.date}T12:00:00Z`)}: ${l.kind === 'day_zero' ? ctx.s.dueLine.day_zero : l.kind === 'counted' ? ctx.s.dueLine.counted(l.count ?? 0) : ctx.s.dueLine.skipped(l.reason)}</li>`,
      )}</ul></details>`;

/** What the tracking page says happened just before (after a POST, redirected here). */
export type TrackNotice = 'sent' | 'replied' | 'withdrawn' | undefined;

const attachmentList = (ctx: PageContext, files: readonly { filename: string; sizeBytes: number; url: string }[]) =>
  files.length === 0
    ? ''
    : html`<p><strong>${ctx.s.attachmentsLabel}</strong></p><ul>${files.map((f) => html`<li><a href="${f.url}" download>${ctx.s.download(f.filename, sizeOf(f.sizeBytes))}</a></li>`)}</ul>`;

/** The requester's own page: status in plain words, the due date and why, every message, reply and withdraw. */
export const trackPage = (
  ctx: PageContext,
  r: PublicRequest,
  token: string,
  notice: TrackNotice,
  replyErrors: readonly FieldError[] = [],
  replyValue = '',
  dueLines: readonly DueLine[] = [],
): string => {
  const { s } = ctx;
  const q = `?token=${encodeURIComponent(token)}`;
  const noticeText =
    notice === 'sent'
      ? s.trackSent
      : notice === 'replied'
        ? s.replySent
        : notice === 'withdrawn'
          ? s.withdrawn
          : undefined;
  return layout(
    ctx,
    s.trackTitle(r.id),
    html`${errorSummary(ctx, replyErrors)}
${noticeText ? html`<div class="notice" role="status"><p><strong>${noticeText}</strong></p></div>` : ''}
<h1>${s.trackTitle(r.id)}</h1>
<p class="lead">${r.subject}</p>
<dl class="summary">
<div><dt>${s.trackReference}</dt><dd>${r.id}</dd></div>
<div><dt>${s.trackStatus}</dt><dd>${s.status[r.status] ?? r.status}${r.status === 'closed' && r.closeReason ? html`<br>${s.closedBecause[r.closeReason] ?? ''}` : ''}</dd></div>
${
  r.respondedAt
    ? html`<div><dt>${s.trackResponded}</dt><dd>${day(ctx, r.respondedAt)}</dd></div>`
    : r.open
      ? html`<div><dt>${s.trackDue}</dt><dd>${r.waitingSince ? s.trackWaiting : html`${when(ctx, r.dueAt)}<br><span class="hint">${s.trackDueExplained}</span>${dueExplanation(ctx, dueLines)}`}</dd></div>`
      : ''
}
</dl>
<h2>${s.correspondenceTitle}</h2>
<ol class="messages">
${r.messages.map(
  (m) => html`<li class="message ${m.direction}">
<h3>${s.messageKind[m.kind] ?? ''}</h3>
<p class="when">${m.direction === 'in' ? s.messageFrom.in : s.messageFrom.out(ctx.agencyName)} · ${when(ctx, m.at)}</p>
<div class="text">${m.text}</div>
${attachmentList(ctx, m.attachments)}
</li>`,
)}
</ol>
${
  r.open
    ? html`<h2>${s.replyTitle}</h2>
<form method="post" action="/portal/track/${r.id}/reply" novalidate>
<input type="hidden" name="token" value="${token}">
${field({ id: 'message', label: s.replyLabel, value: replyValue, type: 'textarea' }, replyErrors)}
<button type="submit">${s.replyButton}</button>
</form>
<p><a href="/portal/track/${r.id}/withdraw${q}">${s.withdrawLink}</a></p>`
    : ''
}`,
    { errors: replyErrors.length > 0 },
  );
};

/** One question per page: are you sure you want to withdraw? */
export const withdrawPage = (ctx: PageContext, id: string, token: string): string =>
  layout(
    ctx,
    ctx.s.withdrawTitle,
    html`<h1>${ctx.s.withdrawTitle}</h1><p>${ctx.s.withdrawBody}</p>
<form method="post" action="/portal/track/${id}/withdraw"><input type="hidden" name="token" value="${token}">
<button type="submit" class="warning">${ctx.s.withdrawButton}</button>
<a class="button secondary" href="/portal/track/${id}?token=${encodeURIComponent(token)}">${ctx.s.withdrawCancel}</a></form>`,
  );

const askedBy = (ctx: PageContext, d: PublicDisclosureItem) =>
  d.requesterKind === 'agency' ? (d.organization ?? ctx.s.anAgency) : ctx.s.memberOfPublic;

const disclosureMeta = (ctx: PageContext, d: PublicDisclosureItem) =>
  html`<p class="meta">${ctx.s.answeredOn} ${day(ctx, d.respondedAt)} · ${ctx.s.division}: ${ctx.divisionName(d.division)} · ${ctx.s.askedBy}: ${askedBy(ctx, d)}</p>
<p class="meta">${ctx.s.disposition[d.disposition] ?? ''}</p>`;

/** The public log: search, a page of answers, older/newer links; and what was published because people kept asking. */
export const sharedPage = (
  ctx: PageContext,
  page: { items: readonly PublicDisclosureItem[]; nextCursor?: string; q?: string; paged: boolean },
  published: readonly PublishedItem[],
): string => {
  const { s } = ctx;
  const qs = page.q ? `q=${encodeURIComponent(page.q)}&` : '';
  return layout(
    ctx,
    s.sharedTitle,
    html`<h1>${s.sharedTitle}</h1>
<p class="lead">${s.sharedLead}</p>
<form method="get" action="/portal/disclosures" role="search">
<label for="q">${s.searchLabel}</label>
<div class="search"><input type="search" id="q" name="q" value="${page.q ?? ''}">
<button type="submit">${s.searchButton}</button></div>
</form>
${page.q ? html`<h2>${s.resultsFor(page.q)}</h2>` : ''}
${page.items.length === 0 ? html`<p>${page.q ? s.sharedNone : s.sharedEmpty}</p>` : ''}
<ul class="results">
${page.items.map(
  (d) =>
    html`<li><h3><a href="/portal/disclosures/${d.id}">${d.subject}</a></h3>${disclosureMeta(ctx, d)}${d.topics.length > 0 ? html`<p class="meta">${s.topics}: ${d.topics.join(', ')}</p>` : ''}</li>`,
)}
</ul>
<div class="pager">${page.paged ? html`<a href="/portal/disclosures${page.q ? `?q=${encodeURIComponent(page.q)}` : ''}">${s.firstPage}</a>` : ''}${page.nextCursor ? html`<a href="/portal/disclosures?${qs}cursor=${encodeURIComponent(page.nextCursor)}">${s.nextPage}</a>` : ''}</div>
${
  published.length > 0 && !page.paged
    ? html`<h2>${s.publishedTitle}</h2><ul class="results">${published.map(
        (p) =>
          html`<li><h3><a href="${/^https?:\/\//i.test(p.url) ? p.url : '#'}">${p.title}</a></h3><p class="meta">${s.topics}: ${p.topic ?? ''} · ${s.publishedOn} ${day(ctx, p.publishedAt)}</p></li>`,
      )}</ul>`
    : ''
}`,
  );
};

/** One answer's permanent page: what was asked, when answered, by which division, the files. */
export const disclosureItemPage = (ctx: PageContext, d: PublicDisclosureItem): string =>
  layout(
    ctx,
    ctx.s.disclosureTitle(d.id),
    html`<h1>${d.subject}</h1>
<p class="meta">${ctx.s.disclosureTitle(d.id)}</p>
${disclosureMeta(ctx, d)}
${d.topics.length > 0 ? html`<p>${ctx.s.topics}: ${d.topics.join(', ')}</p>` : ''}
${attachmentList(ctx, d.attachments)}
<p><a href="/portal/disclosures/${d.id}">${ctx.s.permanentLink}</a></p>
<p><a href="/portal/disclosures">${ctx.s.backToShared}</a></p>`,
  );
