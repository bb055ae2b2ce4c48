import type { SocialAccountView, SocialIncidentView } from '../views/social-view.js';
import type { CsvCell } from './csv.js';
import type { Figures } from './figures.js';

/** One active account's month: what it shared, its followers, its incidents. */
export interface SocialAccountMonth {
  readonly account: string;
  readonly platform: string;
  readonly handle: string;
  readonly posts: number;
  readonly replies: number;
  readonly takedowns: number;
  /** The count the Lead recorded for the month; null when none was. */
  readonly followers: number | null;
  readonly incidentsOpened: number;
  /** Incidents on the account still open when the report is read. */
  readonly openIncidents: number;
}

/** The social section of the monthly report (the plan's clause 9; the monthly report to the head of agency). */
export interface SocialSection {
  readonly accounts: readonly SocialAccountMonth[];
  /** Messages received on the pages as requests (channel `social`) in the month, and those answered on time. */
  readonly messages: { readonly received: number; readonly answeredOnTime: number };
}

const inMonth = (instant: string, month: string, monthOf: (iso: string) => string) => monthOf(instant) === month;

/**
 * The social section of `month`: one line per active account (and per account retired during the
 * month), and the month's messages on channel `social` from the request figures. `monthOf` gives an
 * instant's month in the agency's time zone.
 */
export const socialSection = (
  month: string,
  accounts: readonly SocialAccountView[],
  incidents: readonly SocialIncidentView[],
  socialChannel: Figures | undefined,
  monthOf: (iso: string) => string,
): SocialSection => ({
  accounts: accounts
    .filter((a) => a.status === 'active' || (a.retired !== null && inMonth(a.retired.at, month, monthOf)))
    .map((a) => {
      const counts = a.trailCounts[month] ?? { post: 0, reply: 0, takedown: 0 };
      const own = incidents.filter((i) => i.account === a.id);
      return {
        account: a.id,
        platform: a.platform,
        handle: a.handle,
        posts: counts.post,
        replies: counts.reply,
        takedowns: counts.takedown,
        followers: a.followers[month] ?? null,
        incidentsOpened: own.filter((i) => inMonth(i.openedAt, month, monthOf)).length,
        openIncidents: own.filter((i) => i.status === 'open').length,
      };
    }),
  messages: { received: socialChannel?.received ?? 0, answeredOnTime: socialChannel?.respondedOnTime ?? 0 },
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const name = (a: SocialAccountMonth) => `${a.handle} (${a.platform})`;
const followers = (a: SocialAccountMonth) => (a.followers === null ? 'not recorded' : String(a.followers));

/** The monthly mail's social media section as plain-text lines. */
export const socialSectionText = (month: string, s: SocialSection): string[] => [
  `Official social media accounts in ${month}:`,
  '',
  ...(s.accounts.length === 0
    ? ['No account was active.']
    : s.accounts.map(
        (a) =>
          `  ${name(a)}: ${a.posts} posts, ${a.replies} replies, ${a.takedowns} takedowns; followers ${followers(a)}; ${a.incidentsOpened} incidents opened, ${a.openIncidents} open`,
      )),
  `Messages received on the pages: ${s.messages.received}, answered on time: ${s.messages.answeredOnTime}`,
];

/** The same section as an HTML table. */
export const socialSectionHtml = (month: string, s: SocialSection): string => {
  const th = (t: string) => `<th style="padding:3px 8px;text-align:left">${t}</th>`;
  const td = (t: string | number) => `<td style="padding:3px 8px">${esc(String(t))}</td>`;
  return (
    `<h3 style="margin:16px 0 4px">Official social media accounts, ${esc(month)}</h3>` +
    `<table style="border-collapse:collapse"><tr>${['Account', 'Posts', 'Replies', 'Takedowns', 'Followers', 'Incidents opened', 'Open incidents'].map(th).join('')}</tr>` +
    s.accounts
      .map(
        (a) =>
          `<tr>${[name(a), a.posts, a.replies, a.takedowns, followers(a), a.incidentsOpened, a.openIncidents].map(td).join('')}</tr>`,
      )
      .join('') +
    `</table><p>Messages received on the pages: <b>${s.messages.received}</b>, answered on time: <b>${s.messages.answeredOnTime}</b></p>`
  );
};

/** The extra CSV columns of the monthly report for the social rows. */
export const SOCIAL_CSV_COLUMNS = ['posts', 'replies', 'takedowns', 'followers', 'incidents_opened', 'open_incidents'];

/** One CSV row per account: month, scope `social_account`, the account's name, then the social columns. */
export const socialCsvRows = (month: string, s: SocialSection, requestColumns: number): CsvCell[][] =>
  s.accounts.map((a) => [
    month,
    'social_account',
    name(a),
    ...Array.from({ length: requestColumns }, () => ''),
    a.posts,
    a.replies,
    a.takedowns,
    a.followers,
    a.incidentsOpened,
    a.openIncidents,
  ]);
