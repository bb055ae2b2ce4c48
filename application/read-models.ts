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
   * Up to `limit` items of one partition, newest (highest sort key) first, before the sort key `before`;
   * `more` when the partition holds more. For logs such as the disclosure log.
   */
  newestPage(input: {
    readonly pk: string;
    readonly limit: number;
    readonly before?: string;
  }): Promise<{ items: Record<string, unknown>[]; itemsRead: number; more: boolean }>;
  /** The items at these keys that exist (any order), and how many were read. */
  getItems(
    keys: readonly { pk: string; sk: string }[],
  ): Promise<{ items: Record<string, unknown>[]; itemsRead: number }>;
}

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
