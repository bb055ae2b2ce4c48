import type { Actor } from '../domain/agency/actor.js';
import type { AgencyCalendar } from './calendar/agency-calendar.js';
import type { ReadModels } from './read-models.js';
import { workflowOf, type DueDateCause, type MovedDueDate, type SlaWorkflow } from './sla/sla-workflow.js';

export type { DueDateCause, MovedDueDate } from './sla/sla-workflow.js';

export interface CalendarChangeDeps {
  readonly agencyCalendar: AgencyCalendar;
  readonly readModels: ReadModels;
  /** The workflows whose due dates follow the calendar: the registry's SLA list (`buildWorkflows(…).sla`). */
  readonly workflows: readonly SlaWorkflow[];
}

/** What a calendar change moved: the due dates of open items of every workflow, each with its kind. */
export interface CalendarChangeResult {
  readonly recorded: boolean;
  readonly moved: MovedDueDate[];
}

/**
 * Declares or withdraws a holiday and moves the due date of every open request and website update it
 * touches: each records `DueDateRecalculated` (`WebsiteDueDateRecalculated`) with the cause, so its
 * history says why the date moved.
 * (Requests waiting for the requester take the new calendar when the clock restarts.)
 *
 * Resumable: declaring a holiday that is already declared records nothing new but still brings every
 * open request's due date up to the calendar, so a declaration that failed part-way is finished by
 * running it again (each request's recalculation is idempotent: it records nothing once its date is right).
 */
export const changeHoliday = async (
  deps: CalendarChangeDeps,
  change:
    | { type: 'DeclareHoliday'; date: string; name: string; region?: string }
    | { type: 'WithdrawHoliday'; date: string; reason: string },
  actor: Actor,
  now: string,
): Promise<CalendarChangeResult> => {
  const events =
    change.type === 'DeclareHoliday'
      ? await deps.agencyCalendar.change({
          type: 'DeclareHoliday',
          data: { date: change.date, name: change.name, ...(change.region ? { region: change.region } : {}) },
          metadata: { now, actor },
        })
      : await deps.agencyCalendar.change({
          type: 'WithdrawHoliday',
          data: { date: change.date, reason: change.reason },
          metadata: { now, actor },
        });
  // Nothing new recorded: only a re-declared holiday may have open requests left to move from an earlier, interrupted run.
  if (events.length === 0 && change.type !== 'DeclareHoliday') return { recorded: false, moved: [] };
  const cause: DueDateCause =
    change.type === 'DeclareHoliday'
      ? { kind: 'holiday_declared' as const, date: change.date, name: change.name }
      : { kind: 'holiday_withdrawn' as const, date: change.date };
  return { recorded: events.length > 0, ...(await moveOpenDueDates(deps, cause, now)) };
};

/**
 * Recomputes every pending due date under the calendar as it now stands: each item on the open-by-due
 * index is handed to its workflow (requests record `DueDateRecalculated`, website updates
 * `WebsiteDueDateRecalculated`, each naming the cause), then the items a workflow keeps pending off
 * that index. Safe to run again: an item whose date is already right records nothing.
 */
export const moveOpenDueDates = async (
  deps: CalendarChangeDeps,
  cause: DueDateCause,
  now: string,
): Promise<{ moved: MovedDueDate[] }> => {
  const moved: MovedDueDate[] = [];
  const seen = new Set<string>();
  const moveOne = async (workflow: SlaWorkflow, id: string) => {
    if (seen.has(`${workflow.kind}#${id}`)) return;
    seen.add(`${workflow.kind}#${id}`);
    const move = await workflow.moveDueDate(id, cause, now);
    if (move) moved.push(move);
  };
  for (const item of (await deps.readModels.openByDue()).items) {
    const workflow = workflowOf(deps.workflows, typeof item.workflow === 'string' ? item.workflow : undefined);
    if (workflow) await moveOne(workflow, workflow.fromReadItem(item).itemId);
  }
  for (const workflow of deps.workflows)
    for (const id of (await workflow.pendingIds?.()) ?? []) await moveOne(workflow, id);
  return { moved };
};
