// What the SLA scan knows of an open item and the kinds of alert: shared by the digests and by who hears
// of them (recipients.ts), in a module of their own so that neither imports the other.

/** The workflows the one SLA mechanism serves. */
export type SlaWorkflowKind = 'request' | 'website';

/**
 * What the scan knows of an open item of any workflow (from the open-by-due read model): what is due,
 * when, and which division answers for it.
 */
export interface OpenItem {
  /** Absent on digests queued before website updates existed: a request. */
  readonly workflow?: SlaWorkflowKind;
  /** The item's id in its workflow: a request reference or a website update id. */
  readonly requestId: string;
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
/** @deprecated the scan serves every workflow: use OpenItem. */
export type OpenRequest = OpenItem;

export type AlertKind = 'breached' | 'escalated' | 'at_risk';
