import type { DirectoryEvent } from '../../events/directory-events.js';
import type { Role } from '../../events/primitives.js';
import type { Leave } from '../agency/directory.js';

/** One appointment: the roles (and division) a person holds from `effectiveFrom` on. */
export interface Appointment {
  readonly roles: readonly Role[];
  readonly division?: string;
  readonly effectiveFrom: string;
  readonly order?: string;
}

/** Everything the directory has recorded about one person. */
export interface PersonRecord {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** In the order they were recorded; the first is the one they joined with. */
  readonly appointments: readonly Appointment[];
  readonly leaves: readonly Leave[];
  readonly deactivatedAt?: string;
  readonly deactivationReason?: string;
}

/** The directory stream folded: every division and person ever recorded, with their whole history. */
export interface DirectoryState {
  readonly divisions: ReadonlyMap<string, { readonly id: string; readonly name: string }>;
  readonly people: ReadonlyMap<string, PersonRecord>;
  /** How many events were folded (the stream version they reach). */
  readonly version: number;
}

export const initialDirectoryState = (): DirectoryState => ({ divisions: new Map(), people: new Map(), version: 0 });

const withPerson = (state: DirectoryState, id: string, change: (p: PersonRecord) => PersonRecord): DirectoryState => {
  const person = state.people.get(id);
  if (!person) return { ...state, version: state.version + 1 };
  return { ...state, people: new Map(state.people).set(id, change(person)), version: state.version + 1 };
};

/** Applies one recorded directory event. Never refuses: what was recorded happened. */
export const evolveDirectory = (state: DirectoryState, event: DirectoryEvent): DirectoryState => {
  switch (event.type) {
    case 'DivisionAdded':
      return {
        ...state,
        divisions: new Map(state.divisions).set(event.data.divisionId, {
          id: event.data.divisionId,
          name: event.data.name,
        }),
        version: state.version + 1,
      };
    case 'PersonAdded': {
      const { personId, name, email, roles, division, effectiveFrom } = event.data;
      const person: PersonRecord = {
        id: personId,
        name,
        email,
        appointments: [{ roles, effectiveFrom, ...(division ? { division } : {}) }],
        leaves: [],
      };
      return { ...state, people: new Map(state.people).set(personId, person), version: state.version + 1 };
    }
    case 'PersonAppointed': {
      const { personId, roles, division, effectiveFrom, order } = event.data;
      const appointment: Appointment = {
        roles,
        effectiveFrom,
        ...(division ? { division } : {}),
        ...(order ? { order } : {}),
      };
      return withPerson(state, personId, (p) => ({ ...p, appointments: [...p.appointments, appointment] }));
    }
    case 'LeaveGranted': {
      const { personId, from, to, delegateTo } = event.data;
      return withPerson(state, personId, (p) => ({ ...p, leaves: [...p.leaves, { from, to, delegateTo }] }));
    }
    case 'PersonDeactivated':
      // The first deactivation is the one that counts; a later one repeats it.
      return withPerson(state, event.data.personId, (p) =>
        p.deactivatedAt ? p : { ...p, deactivatedAt: event.occurredAt, deactivationReason: event.data.reason },
      );
  }
};

export const foldDirectory = (
  events: readonly DirectoryEvent[],
  from: DirectoryState = initialDirectoryState(),
): DirectoryState => events.reduce(evolveDirectory, from);
