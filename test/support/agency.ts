import { loadAgency, type LoadedAgency } from '../../config/load.js';
import type { Actor } from '../../domain/agency/actor.js';
import { WorkingCalendar } from '../../domain/calendar/working-calendar.js';

/** The bundled NECS sample agency, loaded once per test file. */
export const necs: LoadedAgency = loadAgency();

/** The actor for a NECS user id; fails the test for an unknown one. */
export const as = (userId: string): Actor => {
  const actor = necs.directory.actorFor(userId);
  if (!actor) throw new Error(`no NECS user ${userId}`);
  return actor;
};

export const system = (component = 'test'): Actor => ({ kind: 'system', component });

/** A NECS-like calendar with no public holidays, for rules that should not depend on the holiday list. */
export const plainCalendar = (holidays: { date: string; name: string; region?: string }[] = []): WorkingCalendar =>
  new WorkingCalendar(necs.config.calendar, holidays);
