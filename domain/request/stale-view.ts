import type { RequestEvent } from '../../events/request-events.js';

/**
 * What the system records on its own — mail leaving and being delivered, SLA flags and alerts, a due date
 * moved by the calendar — changes nothing a person decided or the requester said. An officer whose view
 * predates only such events is not acting on a stale view: the acknowledgment's `MailSent`, appended a
 * moment after intake, must not turn the first assignment into a 412.
 */
const BOOKKEEPING: ReadonlySet<RequestEvent['type']> = new Set([
  'MailSent',
  'SocialMessageSent',
  'ResponseDelivered',
  'ResponseBounced',
  'SlaAtRisk',
  'SlaBreached',
  'BreachAlertSent',
  'DueDateRecalculated',
]);

/**
 * True when a view taken at `seenVersion` no longer shows what people did on the request: a later event
 * other than bookkeeping, or a version the stream never had.
 */
export const isStaleView = (
  seenVersion: number,
  events: readonly { readonly version: number; readonly event: { readonly type: string } }[],
  headVersion: number,
): boolean => {
  if (seenVersion > headVersion) return true;
  return events.some((e) => e.version > seenVersion && !BOOKKEEPING.has(e.event.type as RequestEvent['type']));
};
