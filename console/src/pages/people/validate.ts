/**
 * The directory's input rules as the API applies them (application/people-input.ts, events/directory-events.ts),
 * checked in the browser first so a person sees what is wrong before sending. The API stays the judge:
 * its 400 details are shown beside the same fields.
 */
export const PERSON_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const DIVISION_ID = /^[a-z][a-z0-9_-]{0,31}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Roles that act for a division: the API refuses them without one. */
export const DIVISION_ROLES = new Set(['intake_officer', 'division_officer', 'division_chief', 'spokesperson']);

export type Errors<K extends string> = Partial<Record<K, string>>;

const m = {
  required: 'Required.',
  personId: 'Lowercase letters, digits, dots, dashes or underscores (the local part of their email), up to 64.',
  divisionId: 'Lowercase letter first, then letters, digits, dashes or underscores, up to 32.',
  email: 'An email address, e.g. name@necs.example.',
  roles: 'At least one role.',
  divisionNeeded: 'These roles act for a division: choose one.',
  date: 'A date, YYYY/MM/DD.',
  order: 'To follow from.',
  delegateSelf: 'The delegate must be someone else.',
  long: (n: number) => `At most ${n} characters.`,
};

const text = (v: string, max: number) => (!v.trim() ? m.required : v.trim().length > max ? m.long(max) : undefined);
const roles = (rs: readonly string[], division: string) =>
  rs.length === 0
    ? m.roles
    : rs.length > 7
      ? m.roles
      : rs.some((r) => DIVISION_ROLES.has(r)) && !division
        ? m.divisionNeeded
        : undefined;

export const personErrors = (p: {
  id: string;
  name: string;
  email: string;
  roles: readonly string[];
  division: string;
}): Errors<'id' | 'name' | 'email' | 'roles' | 'division'> => ({
  id: !p.id ? m.required : PERSON_ID.test(p.id) ? undefined : m.personId,
  name: text(p.name, 200),
  email: !p.email.trim() ? m.required : EMAIL.test(p.email.trim()) && p.email.length <= 320 ? undefined : m.email,
  roles: roles(p.roles, p.division),
  division: roles(p.roles, p.division) === m.divisionNeeded ? m.divisionNeeded : undefined,
});

export const appointmentErrors = (a: {
  roles: readonly string[];
  division: string;
  effectiveFrom: string;
  order: string;
}): Errors<'roles' | 'division' | 'effectiveFrom' | 'order'> => ({
  roles: roles(a.roles, a.division),
  division: roles(a.roles, a.division) === m.divisionNeeded ? m.divisionNeeded : undefined,
  effectiveFrom: a.effectiveFrom && !DATE.test(a.effectiveFrom) ? m.date : undefined,
  order: a.order.length > 200 ? m.long(200) : undefined,
});

export const leaveErrors = (l: {
  person: string;
  from: string;
  to: string;
  delegateTo: string;
}): Errors<'from' | 'to' | 'delegateTo'> => ({
  from: DATE.test(l.from) ? undefined : m.date,
  to: !DATE.test(l.to)
    ? m.date
    : DATE.test(l.from) && l.to < l.from
      ? 'Their last day away cannot be before the first.'
      : undefined,
  delegateTo: !l.delegateTo ? m.required : l.delegateTo === l.person ? m.delegateSelf : undefined,
});

export const divisionErrors = (d: { id: string; name: string }): Errors<'id' | 'name'> => ({
  id: !d.id ? m.required : DIVISION_ID.test(d.id) ? undefined : m.divisionId,
  name: text(d.name, 200),
});

export const reasonErrors = (r: { reason: string }): Errors<'reason'> => ({ reason: text(r.reason, 2000) });
