import type { Actor } from '../domain/agency/actor.js';
import type { RecalculateDueDate } from '../domain/request/commands.js';
import type { AgencyCalendar } from './agency-calendar.js';
import type { ReadModels } from './read-models.js';
import type { RequestCommands } from './request-commands.js';
import { requestSlaWorkflow, workflowOf, type MovedDueDate, type SlaWorkflow } from './sla/workflows.js';

export interface CalendarChangeDeps {
  readonly agencyCalendar: AgencyCalendar;
  readonly commands: RequestCommands;
  readonly readModels: ReadModels;
  /** The workflows whose due dates follow the calendar (default: requests alone). */
  readonly workflows?: readonly SlaWorkflow[];
}

export interface Moved {
  readonly requestId: string;
  readonly previousDueAt: string;
  readonly dueAt: string;
}

/** A website update's due date that moved (the division's submission or ICT's publication clock). */
export interface WebsiteMoved {
  readonly updateId: string;
  readonly clock: string;
  readonly previousDueAt: string;
  readonly dueAt: string;
}

/** What a calendar change moved: open requests' due dates, and website updates' (`websiteMoved`). */
export interface CalendarChangeResult {
  readonly recorded: boolean;
  readonly moved: Moved[];
  readonly websiteMoved: WebsiteMoved[];
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
  if (events.length === 0 && change.type !== 'DeclareHoliday') return { recorded: false, moved: [], websiteMoved: [] };
  const cause: DueDateCause =
    change.type === 'DeclareHoliday'
      ? { kind: 'holiday_declared' as const, date: change.date, name: change.name }
      : { kind: 'holiday_withdrawn' as const, date: change.date };
  return { recorded: events.length > 0, ...(await moveOpenDueDates(deps, cause, now)) };
};

/** Why due dates moved, as `DueDateRecalculated` records it. */
export type DueDateCause = RecalculateDueDate['data']['cause'];

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
): Promise<{ moved: Moved[]; websiteMoved: WebsiteMoved[] }> => {
  const workflows = deps.workflows ?? [requestSlaWorkflow(deps.commands)];
  const all: { kind: string; move: MovedDueDate }[] = [];
  const seen = new Set<string>();
  const moveOne = async (workflow: SlaWorkflow, id: string) => {
    if (seen.has(`${workflow.kind}#${id}`)) return;
    seen.add(`${workflow.kind}#${id}`);
    const move = await workflow.moveDueDate(id, cause, now);
    if (move) all.push({ kind: workflow.kind, move });
  };
  for (const item of (await deps.readModels.openByDue()).items) {
    const workflow = workflowOf(workflows, item.workflow as SlaWorkflow['kind'] | undefined);
    if (workflow) await moveOne(workflow, workflow.fromReadItem(item).requestId);
  }
  for (const workflow of workflows) for (const id of (await workflow.pendingIds?.()) ?? []) await moveOne(workflow, id);
  return {
    moved: all
      .filter((m) => m.kind === 'request')
      .map(({ move: m }) => ({ requestId: m.id, previousDueAt: m.previousDueAt, dueAt: m.dueAt })),
    websiteMoved: all
      .filter((m) => m.kind === 'website')
      .map(({ move: m }) => ({
        updateId: m.id,
        clock: m.clock ?? 'submission',
        previousDueAt: m.previousDueAt,
        dueAt: m.dueAt,
      })),
  };
};
