import type { AgencyConfig } from '../agency/config.js';
import { Directory, type PersonView } from '../agency/directory.js';
import type { Appointment, DirectoryState, PersonRecord } from './state.js';

const ms = (instant: string): number => Date.parse(instant);

/**
 * The appointment in force at `t`: the one with the latest `effectiveFrom` not after `t`; of two
 * with the same date, the one recorded later (a corrected office order). Undefined before they joined.
 */
export const appointmentAt = (person: PersonRecord, t: number): Appointment | undefined => {
  let current: Appointment | undefined;
  for (const a of person.appointments) {
    if (ms(a.effectiveFrom) <= t && (!current || ms(a.effectiveFrom) >= ms(current.effectiveFrom))) current = a;
  }
  return current;
};

/** A person as they stood at `t`, or undefined when they had not joined yet. */
export const personAt = (person: PersonRecord, t: number): PersonView | undefined => {
  const appointment = appointmentAt(person, t);
  if (!appointment) return undefined;
  const deactivated = person.deactivatedAt !== undefined && ms(person.deactivatedAt) <= t;
  const leave = deactivated ? undefined : [...person.leaves].reverse().find((l) => ms(l.from) <= t && t < ms(l.to));
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    roles: [...appointment.roles],
    ...(appointment.division ? { division: appointment.division } : {}),
    active: !deactivated,
    appointedFrom: appointment.effectiveFrom,
    ...(appointment.order ? { order: appointment.order } : {}),
    ...(deactivated && person.deactivatedAt ? { deactivatedAt: person.deactivatedAt } : {}),
    ...(leave ? { leave } : {}),
  };
};

/** The directory as it stood at `instant`: who held which roles, who was away, who was still active. */
export const directoryAt = (state: DirectoryState, instant: string, config: AgencyConfig): Directory => {
  const t = ms(instant);
  const people = [...state.people.values()]
    .flatMap((p) => personAt(p, t) ?? [])
    .sort((a, b) => a.id.localeCompare(b.id));
  return new Directory(config, {
    people,
    divisions: [...state.divisions.values()].sort((a, b) => a.id.localeCompare(b.id)),
  });
};
