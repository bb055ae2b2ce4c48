import type { Actor } from '../domain/agency/actor.js';
import { systemActor } from '../domain/agency/actor.js';
import type { RequestView } from '../domain/views/read-items.js';
import type { RecalculateDueDate } from '../domain/request/commands.js';
import type { AgencyCalendar } from './agency-calendar.js';
import type { ReadModels } from './read-models.js';
import type { RequestCommands } from './request-commands.js';

export interface CalendarChangeDeps {
  readonly agencyCalendar: AgencyCalendar;
  readonly commands: RequestCommands;
  readonly readModels: ReadModels;
}

export interface Moved {
  readonly requestId: string;
  readonly previousDueAt: string;
  readonly dueAt: string;
}

/**
 * Declares or withdraws a holiday and moves the due date of every open request it touches: each such
 * request records `DueDateRecalculated` with the cause, so its history says why the date moved.
 * (Requests waiting for the requester take the new calendar when the clock restarts.)
 *
 * Resumable: declaring a holiday that is already declared records nothing new but still brings every
 * open request's due date up to the calendar, so a declaration that failed part-way is finished by
 * running it again (each request's recalculation is idempotent: it records nothing once its date is right).
 */
export const changeHoliday = async (
  deps: CalendarChangeDeps,
  change: { type: 'DeclareHoliday'; date: string; name: string; region?: string } | { type: 'WithdrawHoliday'; date: string; reason: string },
  actor: Actor,
  now: string,
): Promise<{ recorded: boolean; moved: Moved[] }> => {
  const events =
    change.type === 'DeclareHoliday'
      ? await deps.agencyCalendar.change({ type: 'DeclareHoliday', data: { date: change.date, name: change.name, ...(change.region ? { region: change.region } : {}) }, metadata: { now, actor } })
      : await deps.agencyCalendar.change({ type: 'WithdrawHoliday', data: { date: change.date, reason: change.reason }, metadata: { now, actor } });
  // Nothing new recorded: only a re-declared holiday may have open requests left to move from an earlier, interrupted run.
  if (events.length === 0 && change.type !== 'DeclareHoliday') return { recorded: false, moved: [] };
  const cause: DueDateCause =
    change.type === 'DeclareHoliday' ? { kind: 'holiday_declared' as const, date: change.date, name: change.name } : { kind: 'holiday_withdrawn' as const, date: change.date };
  return { recorded: events.length > 0, moved: await moveOpenDueDates(deps, cause, now) };
};

/** Why due dates moved, as `DueDateRecalculated` records it. */
export type DueDateCause = RecalculateDueDate['data']['cause'];

/**
 * Recomputes the due date of every open request under the calendar as it now stands; each request
 * whose date moves records `DueDateRecalculated` naming the cause.
 */
export const moveOpenDueDates = async (deps: CalendarChangeDeps, cause: DueDateCause, now: string): Promise<Moved[]> => {
  const moved: Moved[] = [];
  for (const item of (await deps.readModels.openByDue()).items) {
    const id = (item.view as RequestView).id;
    const outcome = await deps.commands.execute(id, { type: 'RecalculateDueDate', data: { cause }, metadata: { now, actor: systemActor('calendar') } });
    const e = outcome.ok ? outcome.events.find((x) => x.type === 'DueDateRecalculated') : undefined;
    if (e?.type === 'DueDateRecalculated') moved.push({ requestId: id, previousDueAt: e.data.previousDueAt, dueAt: e.data.dueAt });
  }
  return moved;
};
