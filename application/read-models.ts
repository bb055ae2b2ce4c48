/** Read access to the read-model table, for the application and the API (the adapter does the querying). */
export interface ReadModels {
  /** Open requests with a running clock, due by `until` (ISO instant) or all; and how many items were read. */
  openByDue(until?: string): Promise<{ items: Record<string, unknown>[]; itemsRead: number }>;
  /** Every request a division holds (`unassigned` for none). */
  byDivision(division: string): Promise<Record<string, unknown>[]>;
  /** Every item of one partition (`month#2026-11`, `topics`, `holding`, …). */
  partition(pk: string): Promise<Record<string, unknown>[]>;
}
