import type { WorkingCalendar } from './working-calendar.js';

/** The contract's SLA states. */
export type SlaStatus = 'on_track' | 'at_risk' | 'breached' | 'met';

export interface SlaFacts {
  readonly dueAt: string;
  /** The first response sent, if any. */
  readonly respondedAt?: string;
  /** When the request was closed without a response (duplicate, withdrawn, …). */
  readonly closedAt?: string;
  /** When a clarification stopped the clock, while it is still stopped. */
  readonly pausedAt?: string;
}

/**
 * SLA status at `now`: `met` when answered (or closed) by the due date, `breached` once the due date
 * passed without an answer, `at_risk` when the due date is the current or next working day, else
 * `on_track`. While a clarification stops the clock, the request is on track unless it was already late.
 */
export const slaStatusAt = (cal: WorkingCalendar, facts: SlaFacts, now: string): SlaStatus => {
  const due = cal.parseInstant(facts.dueAt);
  const endedAt = facts.respondedAt ?? facts.closedAt;
  if (endedAt !== undefined) return cal.parseInstant(endedAt) <= due ? 'met' : 'breached';
  if (facts.pausedAt !== undefined) return cal.parseInstant(facts.pausedAt) > due ? 'breached' : 'on_track';
  const at = cal.parseInstant(now);
  if (at > due) return 'breached';
  return workingDaysUntilAtMost(cal, cal.localDate(at), cal.localDate(due), 2) <= 1 ? 'at_risk' : 'on_track';
};

/** Working days after `today` up to and including `dueDate` (0 when due today), counting no further than `cap`. */
const workingDaysUntilAtMost = (cal: WorkingCalendar, today: string, dueDate: string, cap: number): number => {
  let days = 0;
  for (let date = cal.addDays(today, 1); date <= dueDate && days < cap; date = cal.addDays(date, 1)) {
    if (cal.isWorkingDay(date)) days++;
  }
  return days;
};
