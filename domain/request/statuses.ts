/**
 * The request statuses (the contract's, in workflow order) and the groups the rules speak of: the one
 * definition every list of statuses on the server derives from (the decider, allowed actions, the
 * API's schemas and filters, intake, the SLA scan, the portal).
 */
export const REQUEST_STATUSES = [
  'received',
  'assigned',
  'in_consultation',
  'awaiting_clarification',
  'responded',
  'archived',
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Not yet answered: the statutory clock applies (it may be paused while the requester is asked). */
export const OPEN_STATUSES = [
  'received',
  'assigned',
  'in_consultation',
  'awaiting_clarification',
] as const satisfies readonly RequestStatus[];

/** A division holds the request and works on it. */
export const WORKING_STATUSES = ['assigned', 'in_consultation'] as const satisfies readonly RequestStatus[];

/** Open with the clock running: every open status but waiting for the requester's clarification. */
export const CLOCK_RUNNING_STATUSES = OPEN_STATUSES.filter(
  (s): s is Exclude<(typeof OPEN_STATUSES)[number], 'awaiting_clarification'> => s !== 'awaiting_clarification',
);

/** The end of a request's life: it accepts notes and the mail system's facts, no message and no other work. */
export const FINISHED_STATUSES = ['archived', 'closed'] as const satisfies readonly RequestStatus[];

/** Everything before the end: open, or answered and not yet archived or closed. */
export const UNFINISHED_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => !isFinishedStatus(s));

/** Whether a status is one of {@link OPEN_STATUSES}. */
export function isOpenStatus(status: RequestStatus): boolean {
  return (OPEN_STATUSES as readonly RequestStatus[]).includes(status);
}

/** Whether a status is one of {@link FINISHED_STATUSES}. */
export function isFinishedStatus(status: RequestStatus): boolean {
  return (FINISHED_STATUSES as readonly RequestStatus[]).includes(status);
}
