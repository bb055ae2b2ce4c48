import type { Request } from '../domain/request/state.js';
import type { WebsiteUpdate } from '../domain/website/state.js';
import type { SocialAccount } from '../domain/social/account-state.js';
import type { SocialIncident } from '../domain/social/incident.js';
import type { MailEvent } from '../events/intake-events.js';

/** Read access to the read-model table, for the application and the API (the adapter does the querying). */
export interface ReadModels {
  /** Open requests with a running clock, due by `until` (ISO instant) or all; and how many items were read. */
  openByDue(until?: string): Promise<{ items: Record<string, unknown>[]; itemsRead: number }>;
  /** Every request a division holds (`unassigned` for none). */
  byDivision(division: string): Promise<Record<string, unknown>[]>;
  /** Every item of one partition (`month#2026-11`, `topics`, `holding`, …). */
  partition(pk: string): Promise<Record<string, unknown>[]>;
  /**
   * Up to `limit` items of one index partition (`listByDue`, `statusByDue`, … `termByDue`), soonest due
   * first, after the due key `after`, that pass `filter`; `more` when the partition holds more; `itemsRead`
   * counts what DynamoDB read (filtered-out items included).
   */
  indexPage(input: IndexPageInput): Promise<{ items: Record<string, unknown>[]; itemsRead: number; more: boolean }>;
  /**
   * Up to `limit` entries of one log, newest first, before the entry whose `sk` is `before`; `more` when
   * the log holds more. Each entry's `sk` is its place in the log (the next page's `before`).
   */
  newestPage(
    input: NewestFirstLog & { readonly limit: number; readonly before?: string },
  ): Promise<{ items: Record<string, unknown>[]; itemsRead: number; more: boolean }>;
  /** The items at these keys that exist (any order), and how many were read. */
  getItems(
    keys: readonly { pk: string; sk: string }[],
  ): Promise<{ items: Record<string, unknown>[]; itemsRead: number }>;
}

/**
 * The logs the projector keeps newest first: the disclosure log (the agency's whole, or one division's)
 * and the public portal's log of responses archived as publishable. Where they live is the adapter's business.
 */
export type NewestFirstLog =
  { readonly log: 'disclosures'; readonly division?: string } | { readonly log: 'public-disclosures' };

/** One page's query of a list index. */
export interface IndexPageInput {
  readonly index: string;
  readonly keyName: string;
  readonly keyValue: string;
  readonly after?: string;
  readonly limit: number;
  readonly filter?: {
    readonly expression: string;
    readonly names: Record<string, string>;
    readonly values: Record<string, unknown>;
  };
}

/** What a projection did: wrote newer read models, found them current already, or had nothing to show. */
export type ProjectionResult = 'applied' | 'already_current' | 'skipped';

/**
 * Writes the read models of one stream's state at `version`, all at once, if they are newer than what is
 * stored (always, with `force`). The adapter decides which items and keys; the projector only folds.
 */
export interface ReadModelWriter {
  request(state: Request, version: number, force: boolean): Promise<ProjectionResult>;
  /** Mail placed or ignored at once has no read model: `skipped`. */
  heldMail(events: readonly MailEvent[], version: number, force: boolean): Promise<ProjectionResult>;
  website(state: WebsiteUpdate, version: number, force: boolean): Promise<ProjectionResult>;
  /** An official account's line in the register. */
  socialAccount(state: SocialAccount, version: number, force: boolean): Promise<ProjectionResult>;
  socialIncident(state: SocialIncident, version: number, force: boolean): Promise<ProjectionResult>;
}
