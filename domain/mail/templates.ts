import { longEnglishDateTime } from '../time/english.js';
import { ZonedDateTime } from '../time/zoned-date-time.js';
import type { LinkFor } from '../sla/links.js';

/** A mail ready to compose: subject, plain text and HTML in the agency's voice. */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface MailContext {
  readonly agencyName: string;
  readonly reference: string;
  readonly requesterName: string;
  readonly subject: string;
  readonly timeZone: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** "Friday, 27 November 2026, 17:00 (Bhutan time)" — a due date as a requester reads it. */
export const humanDue = (dueAt: string, timeZone: string): string =>
  `${longEnglishDateTime(ZonedDateTime.fromISO(dueAt, timeZone))} (${timeZone})`;

const subjectLine = (ctx: MailContext, prefix: string): string =>
  `${prefix} [${ctx.reference}] ${ctx.subject}`.trim().slice(0, 200);

const html = (paragraphs: readonly string[], ctx: MailContext): string =>
  `<!doctype html><html><body style="font-family:Arial,sans-serif;line-height:1.5;color:#222">` +
  paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('') +
  `<p style="color:#666;font-size:12px">Reference ${escapeHtml(ctx.reference)} · ${escapeHtml(ctx.agencyName)}. Please keep the reference in the subject when you reply.</p>` +
  `</body></html>`;

const compose = (ctx: MailContext, prefix: string, paragraphs: readonly string[]): RenderedMail => ({
  subject: subjectLine(ctx, prefix),
  text: `${paragraphs.join('\n\n')}\n\n--\nReference ${ctx.reference} · ${ctx.agencyName}\nPlease keep the reference in the subject when you reply.\n`,
  html: html(paragraphs, ctx),
});

/**
 * Sent when a request is registered: its reference and the date the agency will answer by, and — when the
 * agency runs the portal — the link where the requester can follow it (`trackUrl`, with its own keyed token).
 */
export const acknowledgment = (ctx: MailContext, dueAt: string, workingDays: number, trackUrl?: string): RenderedMail =>
  compose(ctx, 'Received:', [
    `Dear ${ctx.requesterName},`,
    `Thank you for your request to the ${ctx.agencyName}. It has been registered under the reference ${ctx.reference}.`,
    `We will respond within ${workingDays} working days, by ${humanDue(dueAt, ctx.timeZone)}. If we need more information from you, we will write to you, and the time until your answer does not count against this date.`,
    ...(trackUrl ? [`You can follow your request, read our replies and write to us here:\n${trackUrl}`] : []),
    `With kind regards,\n${ctx.agencyName}`,
  ]);

/** Why a due date moved, as the requester is told it. */
export type DueDateMove =
  | { readonly kind: 'extension'; readonly workingDays: number; readonly reason: string }
  | { readonly kind: 'holiday_declared' | 'holiday_withdrawn'; readonly date: string; readonly name?: string }
  | { readonly kind: 'official_list_recorded'; readonly year: number };

const longDate = (date: string): string =>
  longEnglishDateTime(ZonedDateTime.fromISO(`${date}T12:00:00Z`, 'UTC')).replace(/, \d{2}:\d{2}$/, '');

const whyItMoved = (move: DueDateMove): string => {
  switch (move.kind) {
    case 'extension':
      return `The division handling your request has extended the time to respond by ${move.workingDays} working day${move.workingDays === 1 ? '' : 's'}, for this reason: ${move.reason}`;
    case 'holiday_declared':
      return `${longDate(move.date)} has been declared a public holiday${move.name ? ` (${move.name})` : ''}, so it is not counted as a working day.`;
    case 'holiday_withdrawn':
      return `The holiday on ${longDate(move.date)}${move.name ? ` (${move.name})` : ''} has been withdrawn, so that day is a working day again.`;
    case 'official_list_recorded':
      return `The government's official list of public holidays for ${move.year} has been published, and the days counted towards your request follow it.`;
  }
};

/** Tells the requester their request's due date moved: the new date, the one it replaces, and why. */
export const dueDateMoved = (ctx: MailContext, previousDueAt: string, dueAt: string, move: DueDateMove): RenderedMail =>
  compose(ctx, 'New due date:', [
    `Dear ${ctx.requesterName},`,
    `The date by which we will respond to your request ${ctx.reference} has changed. We will now respond by ${humanDue(dueAt, ctx.timeZone)}; the date we gave you before was ${humanDue(previousDueAt, ctx.timeZone)}.`,
    whyItMoved(move),
    `With kind regards,\n${ctx.agencyName}`,
  ]);

/** Asks the requester to clarify; the clock stops until they answer. */
export const clarificationRequest = (ctx: MailContext, message: string): RenderedMail =>
  compose(ctx, 'Clarification needed:', [
    `Dear ${ctx.requesterName},`,
    `To answer your request ${ctx.reference} we need a little more information:`,
    message,
    `Please reply to this message. The time until we receive your answer is not counted in the response period.`,
    `With kind regards,\n${ctx.agencyName}`,
  ]);

/** The official response, with what is shared attached. */
export const officialResponse = (
  ctx: MailContext,
  body: string,
  disposition: 'full' | 'partial' | 'refused',
  reason: string | undefined,
  attachmentNames: readonly string[],
): RenderedMail =>
  compose(ctx, 'Response:', [
    `Dear ${ctx.requesterName},`,
    body,
    ...(disposition === 'full'
      ? []
      : [
          `${disposition === 'partial' ? 'Some of the information you asked for is withheld' : 'We are unable to provide the information you asked for'}: ${reason ?? ''}`,
        ]),
    ...(attachmentNames.length > 0 ? [`Attached: ${attachmentNames.join(', ')}.`] : []),
    `With kind regards,\n${ctx.agencyName}`,
  ]);

/** Answers a request by pointing to what the agency already published on its website. */
export const publishedAnswer = (ctx: MailContext, url: string, note: string | undefined): RenderedMail =>
  compose(ctx, 'Response:', [
    `Dear ${ctx.requesterName},`,
    `Thank you for your request ${ctx.reference}. The information you asked for is published on our website, where anyone can read it at any time:`,
    url,
    ...(note ? [note] : []),
    `If it does not answer your question, please reply to this message and we will look into it further.`,
    `With kind regards,\n${ctx.agencyName}`,
  ]);

export interface DigestLine {
  /** The item's workflow (`request`, `website`). */
  readonly kind: string;
  /** The item's id in its workflow. */
  readonly itemId: string;
  readonly subject: string;
  readonly requesterKind: string | null;
  /** Why the line is there. */
  readonly alert: 'breached' | 'escalated' | 'at_risk';
  readonly workingDaysOverdue: number;
  readonly division: string | null;
  readonly assignee: string | null;
  readonly dueAt: string;
}

const kindLabel = { breached: 'Overdue', escalated: 'Overdue — escalated', at_risk: 'Due soon' } as const;

/** Names for what a digest line holds as ids: a staff mail names divisions and people, never their ids. */
export interface DigestNames {
  readonly division: (id: string) => string;
  readonly person: (id: string) => string;
}
const byId: DigestNames = { division: (id) => id, person: (id) => id };
const requesterLabel: Record<string, string> = { public: 'Member of the public', agency: 'Another agency' };
/** The words of a line's requester, division and holder columns. */
const lineWords = (l: DigestLine, names: DigestNames) => ({
  requester: l.requesterKind ? (requesterLabel[l.requesterKind] ?? l.requesterKind) : 'Website update',
  division: l.division ? names.division(l.division) : 'No division yet',
  heldBy: l.assignee ? names.person(l.assignee) : 'Nobody yet',
});

/** The daily digest for a chief, an officer or the head of agency: what is late or about to be. */
export const alertDigest = (
  agencyName: string,
  recipientName: string,
  day: string,
  lines: readonly DigestLine[],
  linkFor: LinkFor,
  timeZone: string,
  notices: readonly string[] = [],
  names: DigestNames = byId,
): RenderedMail => {
  const overdue = lines.filter((l) => l.alert !== 'at_risk').length;
  const soon = lines.length - overdue;
  const requests = lines.filter((l) => l.kind === 'request');
  const website = lines.filter((l) => l.kind === 'website');
  const what = [
    ...(requests.length > 0 ? ['Information requests'] : []),
    ...(website.length > 0 ? ['website updates'] : []),
  ]
    .join(' and ')
    .replace(/^w/, 'W');
  const subject =
    lines.length > 0 || notices.length === 0
      ? `${what || 'Information requests'}: ${overdue} overdue, ${soon} due soon (${day})`
      : `Request Desk: calendar notice (${day})`;
  if (lines.length === 0) {
    const text = [
      `Dear ${recipientName},`,
      '',
      ...notices.flatMap((n) => [n, '']),
      `— Request Desk, ${agencyName}`,
    ].join('\n');
    const html = `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222"><p>Dear ${escapeHtml(recipientName)},</p>${notices.map((n) => `<p><strong>${escapeHtml(n)}</strong></p>`).join('')}<p style="color:#666;font-size:12px">Request Desk, ${escapeHtml(agencyName)}</p></body></html>`;
    return { subject, text: `${text}\n`, html };
  }
  const row = (l: DigestLine) => {
    const w = lineWords(l, names);
    return `${l.itemId} | ${kindLabel[l.alert]} | ${l.alert === 'at_risk' ? `due ${humanDue(l.dueAt, timeZone)}` : `${l.workingDaysOverdue} working day(s) overdue`} | ${l.subject} | ${w.requester} | ${w.division} | ${w.heldBy} | ${linkFor(l.itemId, l.kind)}`;
  };
  const text = [
    `Dear ${recipientName},`,
    '',
    ...notices.flatMap((n) => [n, '']),
    ...(requests.length > 0
      ? [
          `These information requests need attention today. The agency's plan gives five working days to respond.`,
          '',
          'Reference | Status | When | Subject | Requester | Division | Held by | Link',
          ...requests.map(row),
          '',
        ]
      : []),
    ...(website.length > 0
      ? [
          `These website updates need attention today. The plan gives divisions two working days after an event to give ICT services the complete information, and ICT services one working day to publish it.`,
          '',
          'Update | Status | When | What is due | Kind | Division | Held by | Link',
          ...website.map(row),
          '',
        ]
      : []),
    `— Request Desk, ${agencyName}`,
  ].join('\n');
  const cell = (s: string) => `<td style="padding:4px 8px;border-bottom:1px solid #ddd">${escapeHtml(s)}</td>`;
  const html =
    `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222"><p>Dear ${escapeHtml(recipientName)},</p>` +
    notices.map((n) => `<p><strong>${escapeHtml(n)}</strong></p>`).join('') +
    `<p>${website.length > 0 ? 'These information requests and website updates need attention today (information requests: five working days to respond; website updates: two working days for the division, one for ICT services).' : "These information requests need attention today. The agency's plan gives five working days to respond."}</p>` +
    `<table style="border-collapse:collapse"><tr>${['Reference', 'Status', 'When', 'Subject', 'Requester', 'Division', 'Held by'].map((h) => `<th style="text-align:left;padding:4px 8px">${h}</th>`).join('')}</tr>` +
    lines
      .map(
        (l) =>
          `<tr><td style="padding:4px 8px;border-bottom:1px solid #ddd"><a href="${escapeHtml(linkFor(l.itemId, l.kind))}">${escapeHtml(l.itemId)}</a></td>` +
          cell(kindLabel[l.alert]) +
          cell(
            l.alert === 'at_risk'
              ? `due ${humanDue(l.dueAt, timeZone)}`
              : `${l.workingDaysOverdue} working day(s) overdue`,
          ) +
          cell(l.subject) +
          cell(lineWords(l, names).requester) +
          cell(lineWords(l, names).division) +
          cell(lineWords(l, names).heldBy) +
          `</tr>`,
      )
      .join('') +
    `</table><p style="color:#666;font-size:12px">Request Desk, ${escapeHtml(agencyName)}</p></body></html>`;
  return { subject, text: `${text}\n`, html };
};

/** Who a consultation notice is about: the person asked, who stands in for them, who asked. */
export interface ConsultationNoticeNames {
  readonly person: string;
  readonly standIn?: string;
  readonly askedBy: string;
}

/**
 * Tells a colleague (and whoever stands in for them on leave) that their view is asked on a request.
 * Staff mail: the reference and subject, nothing of the requester's address or message, and plainly
 * where the view is recorded — the request's page in the staff console, button "Record my view" — since
 * a reply to this mail records nothing (it goes to whoever asked, never into the requester's thread).
 */
export const consultationNotice = (
  ctx: Pick<MailContext, 'agencyName' | 'reference' | 'subject'>,
  names: ConsultationNoticeNames,
  requestPage: string,
): RenderedMail => {
  const whom = names.standIn ? names.person : 'you';
  const paragraphs = [
    `Dear ${names.standIn ? `${names.person} and ${names.standIn}` : names.person},`,
    `${names.askedBy} asks ${whom} for a view on information request ${ctx.reference}: "${ctx.subject}".`,
    ...(names.standIn
      ? [`${names.person} is on leave: ${names.standIn}, standing in, may record the view in their own name.`]
      : []),
    `To give the view, sign in to Request Desk and open the request (it is also in your work list, "My work"), read the question there and choose "Record my view". The response cannot be sent until the view is recorded.`,
    `A reply to this mail does not record a view: it goes to ${names.askedBy} only, never to the requester.`,
    `— Request Desk, ${ctx.agencyName}`,
  ];
  const text = [
    ...paragraphs.slice(0, 3 + (names.standIn ? 1 : 0)),
    `The request in Request Desk: ${requestPage}`,
    ...paragraphs.slice(3 + (names.standIn ? 1 : 0)),
  ];
  const linkParagraph = `<p><a href="${escapeHtml(requestPage)}">Open ${escapeHtml(ctx.reference)} in Request Desk</a></p>`;
  const htmlParagraphs = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  htmlParagraphs.splice(3 + (names.standIn ? 1 : 0), 0, linkParagraph);
  return {
    subject: `View asked: [${ctx.reference}] ${ctx.subject}`.trim().slice(0, 200),
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html><html><body style="font-family:Arial,sans-serif;line-height:1.5;color:#222">${htmlParagraphs.join('')}</body></html>`,
  };
};
