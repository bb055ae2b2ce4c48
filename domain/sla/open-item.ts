// What the SLA scan knows of an open item and the kinds of alert: shared by the digests and by who hears
// of them (recipients.ts), in a module of their own so that neither imports the other.

/**
 * What the scan knows of an open item of any workflow (from the open-by-due read model): what is due,
 * when, and which division answers for it.
 */
export interface OpenItem {
  /** The item's workflow: its stream kind (`request`, `website`, …; see application/workflows.ts). */
  readonly kind: string;
  /** The item's id in its workflow: a request reference, a website update id, … */
  readonly itemId: string;
  readonly subject: string;
  /** Requests: the requester's kind; website updates: null. */
  readonly requesterKind: 'public' | 'agency' | null;
  /** The division answerable for the running clock (null: an unassigned request). */
  readonly division: string | null;
  /** Who holds it (a request's assignee; a returned website update's submitter). */
  readonly assignee: string | null;
  readonly dueAt: string;
  readonly pausedAt: string | null;
}

export type AlertKind = 'breached' | 'escalated' | 'at_risk';
