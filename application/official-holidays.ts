import type { Actor } from '../domain/agency/actor.js';
import type { OfficialHoliday } from '../domain/calendar/calendar-decider.js';
import { moveOpenDueDates, type CalendarChangeDeps, type CalendarChangeResult } from './calendar-changes.js';

/**
 * Records a year's official holiday list on the calendar stream, in place of its computed
 * (provisional) or earlier official dates, and moves the due date of every open request it touches
 * (`DueDateRecalculated`, cause `official_list_recorded` with the year).
 *
 * Resumable: sending the list the calendar already holds records nothing new but still brings every
 * open request's due date up to the calendar, so a recording that failed part-way (after the list, before
 * the last request) is finished by sending it again; each request's recalculation records nothing once
 * its date is right.
 */
export const recordOfficialHolidays = async (
  deps: CalendarChangeDeps,
  list: { year: number; source: string; holidays: readonly OfficialHoliday[] },
  actor: Actor,
  now: string,
): Promise<CalendarChangeResult> => {
  const events = await deps.agencyCalendar.change({
    type: 'RecordOfficialHolidays',
    data: list,
    metadata: { now, actor },
  });
  const cause = {
    kind: 'official_list_recorded' as const,
    year: list.year,
    name: `official holiday list for ${list.year}`,
  };
  return { recorded: events.length > 0, ...(await moveOpenDueDates(deps, cause, now)) };
};
