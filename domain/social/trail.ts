import { toCsv } from '../reports/csv.js';
import type { SocialAccount } from './account-state.js';

/** One line of the record trail, with the account it belongs to. */
export interface TrailRow {
  readonly account: string;
  readonly handle: string;
  readonly platform: string;
  readonly postNumber: number;
  readonly kind: string;
  readonly text: string;
  readonly url: string | null;
  readonly publishedAt: string;
  readonly reason: string | null;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** The filter of `GET /social/posts`: published at or after `from`, before `to` (instants compared as instants). */
export interface TrailPeriod {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

const ms = (iso: string) => Date.parse(iso);

/** What the accounts shared in a period, oldest first. */
export const trailOf = (accounts: readonly SocialAccount[], period: TrailPeriod): TrailRow[] =>
  accounts
    .flatMap((a) =>
      a.posts.map((p) => ({
        account: a.id,
        handle: a.handle,
        platform: a.platform,
        postNumber: p.postNumber,
        kind: p.kind,
        text: p.text,
        url: p.url ?? null,
        publishedAt: p.publishedAt,
        reason: p.reason ?? null,
        recordedAt: p.recordedAt,
        recordedBy: p.recordedBy,
      })),
    )
    .filter(
      (r) =>
        (period.from === undefined || ms(r.publishedAt) >= ms(period.from)) &&
        (period.to === undefined || ms(r.publishedAt) < ms(period.to)),
    )
    .sort(
      (a, b) =>
        ms(a.publishedAt) - ms(b.publishedAt) || a.account.localeCompare(b.account) || a.postNumber - b.postNumber,
    );

/** The trail as CSV, with formulas disarmed as in every CSV the system writes. */
export const trailCsv = (rows: readonly TrailRow[]): string =>
  toCsv(
    [
      'account',
      'platform',
      'handle',
      'number',
      'kind',
      'published at',
      'text',
      'url',
      'takedown reason',
      'recorded at',
      'recorded by',
    ],
    rows.map((r) => [
      r.account,
      r.platform,
      r.handle,
      r.postNumber,
      r.kind,
      r.publishedAt,
      r.text,
      r.url,
      r.reason,
      r.recordedAt,
      r.recordedBy,
    ]),
  );
