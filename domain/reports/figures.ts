/** A month's figures for a set of requests: received, answered (on time), breached, open, and how long answers took. */
export interface Figures {
  readonly received: number;
  readonly responded: number;
  readonly respondedOnTime: number;
  readonly breached: number;
  readonly open: number;
  /** Working days from receipt to first response, time waiting on the requester left out. */
  readonly medianWorkingDays: number | null;
  readonly p90WorkingDays: number | null;
}
