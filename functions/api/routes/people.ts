import * as z from 'zod';
import {
  AppointmentInput, AsOfQuery, DeactivationInput, LeaveInput, NewDivisionInput, NewPersonInput,
  addDivision, addPerson, appoint, asOfInstant, deactivate, grantLeave,
} from '../../../application/people-input.js';
import { PersonId } from '../../../events/directory-events.js';
import { HttpError } from '../errors.js';
import type { Route, RouteInput } from '../types.js';
import { metadataOf } from './input.js';

const personIdOf = (input: RouteInput): string => {
  const id = PersonId.safeParse(input.params.id ?? '');
  if (!id.success) throw new HttpError(404, 'PERSON_NOT_FOUND', `${input.params.id ?? ''} is not a person id`);
  return id.data;
};

const zoneOf = (input: RouteInput) => input.services.agency.config.calendar.timeZone;

/** Applies a directory command and answers with the person as they stand right after it. */
const change = async (input: RouteInput, personId: string, command: Parameters<RouteInput['services']['directory']['execute']>[0], created = false) => {
  const result = await input.services.directory.execute(command, input.idempotencyKey);
  const person = result.directory.person(personId);
  return { status: created && result.events.length > 0 ? 201 : 200, body: { person: person ? person : undefined, recorded: result.events.length > 0 } };
};

/** People, divisions and roles as run-time data (contract: People and roles). */
export const peopleRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/people',
    handle: async (input) => {
      metadataOf(input);
      const { asOf } = z.strictObject({ asOf: AsOfQuery.optional() }).parse(input.query);
      const at = asOfInstant(asOf, input.now, zoneOf(input));
      const directory = await input.services.directory.asOf(at);
      return { status: 200, body: { asOf: at, people: directory.everyone() } };
    },
  },
  {
    method: 'POST',
    path: '/people',
    handle: async (input) => {
      const body = NewPersonInput.parse(input.body ?? {});
      return change(input, body.id, addPerson(body, metadataOf(input)), true);
    },
  },
  {
    method: 'POST',
    path: '/people/{id}/roles',
    handle: async (input) => {
      const id = personIdOf(input);
      return change(input, id, appoint(id, AppointmentInput.parse(input.body ?? {}), zoneOf(input), metadataOf(input)));
    },
  },
  {
    method: 'POST',
    path: '/people/{id}/leave',
    handle: async (input) => {
      const id = personIdOf(input);
      const body = LeaveInput.parse(input.body ?? {});
      const command = grantLeave(id, body, zoneOf(input), metadataOf(input));
      const result = await input.services.directory.execute(command, input.idempotencyKey);
      return { status: result.events.length > 0 ? 201 : 200, body: { personId: id, leave: command.data, recorded: result.events.length > 0 } };
    },
  },
  {
    method: 'POST',
    path: '/people/{id}/deactivate',
    handle: async (input) => {
      const id = personIdOf(input);
      return change(input, id, deactivate(id, DeactivationInput.parse(input.body ?? {}), metadataOf(input)));
    },
  },
  {
    method: 'GET',
    path: '/divisions',
    handle: async (input) => {
      metadataOf(input);
      const directory = await input.services.directory.asOf(input.now);
      return { status: 200, body: { divisions: directory.allDivisions() } };
    },
  },
  {
    method: 'POST',
    path: '/divisions',
    handle: async (input) => {
      const body = NewDivisionInput.parse(input.body ?? {});
      const result = await input.services.directory.execute(addDivision(body, metadataOf(input)), input.idempotencyKey);
      return { status: result.events.length > 0 ? 201 : 200, body: { division: result.directory.division(body.id), recorded: result.events.length > 0 } };
    },
  },
];
