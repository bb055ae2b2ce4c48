import * as z from 'zod';
import {
  AppointmentInput,
  AsOfQuery,
  DeactivationInput,
  LeaveInput,
  NewDivisionInput,
  NewPersonInput,
  addDivision,
  addPerson,
  appoint,
  asOfInstant,
  deactivate,
  grantLeave,
} from '../../../application/people-input.js';
import { PersonId } from '../../../events/directory-events.js';
import { HttpError } from '../errors.js';
import { DivisionChangeReply, DivisionsReply, LeaveReply, PeopleReply, PersonChangeReply } from '../schemas/people.js';
import type { Route, RouteInput } from '../types.js';
import { metadataOf } from './input.js';

const personIdOf = (input: RouteInput): string => {
  const id = PersonId.safeParse(input.params.id ?? '');
  if (!id.success) throw new HttpError(404, 'PERSON_NOT_FOUND', `${input.params.id ?? ''} is not a person id`);
  return id.data;
};

const zoneOf = (input: RouteInput) => input.services.agency.config.calendar.timeZone;

/** Applies a directory command and answers with the person as they stand right after it. */
const change = async (
  input: RouteInput,
  personId: string,
  command: Parameters<RouteInput['services']['directory']['execute']>[0],
  created = false,
) => {
  const result = await input.services.directory.execute(command, input.idempotencyKey);
  const person = result.directory.person(personId);
  return {
    status: created && result.events.length > 0 ? 201 : 200,
    body: { person: person ? person : undefined, recorded: result.events.length > 0 },
  };
};

const personParams = z.object({ id: PersonId });
const asOfQuery = z.strictObject({
  asOf: AsOfQuery.optional().meta({
    description: 'An ISO instant, or a date (the end of that day in the agency’s zone); default now',
  }),
});
const notFound = { 404: 'No such person' };

/** People, divisions and roles as run-time data (contract: People and roles). */
export const peopleRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/people',
    summary: 'Everyone, with roles, division and leave, as the directory stood at `asOf` (default now)',
    description: 'Answers "who was the PPD chief on 4 March": appointments count from their effective date.',
    tags: ['people'],
    query: asOfQuery,
    replies: { 200: { description: 'The directory at that instant', schema: PeopleReply } },
    handle: async (input) => {
      metadataOf(input);
      const { asOf } = asOfQuery.parse(input.query);
      const at = asOfInstant(asOf, input.now, zoneOf(input));
      const directory = await input.services.directory.asOf(at);
      return { status: 200, body: { asOf: at, people: directory.everyone() } };
    },
  },
  {
    method: 'POST',
    path: '/people',
    summary: 'Add a person (admins); they can act at once',
    tags: ['people'],
    body: NewPersonInput,
    replies: { 201: { description: 'Added', schema: PersonChangeReply } },
    errors: { 409: 'The id or the email address is taken' },
    handle: async (input) => {
      const body = NewPersonInput.parse(input.body ?? {});
      return change(input, body.id, addPerson(body, metadataOf(input)), true);
    },
  },
  {
    method: 'POST',
    path: '/people/{id}/roles',
    summary: 'Appoint a person to roles (admins), from `effectiveFrom` (default now), by an office order',
    tags: ['people'],
    params: personParams,
    body: AppointmentInput,
    replies: { 200: { description: 'Appointed', schema: PersonChangeReply } },
    errors: { ...notFound, 409: 'The person was deactivated' },
    handle: async (input) => {
      const id = personIdOf(input);
      return change(input, id, appoint(id, AppointmentInput.parse(input.body ?? {}), zoneOf(input), metadataOf(input)));
    },
  },
  {
    method: 'POST',
    path: '/people/{id}/leave',
    summary: 'Record leave (admins, or the person themself): their alerts and work go to the delegate until `to`',
    description:
      'A date for `from` is the start of that day; a date for `to` is their last day away (they are back the next morning).',
    tags: ['people'],
    params: personParams,
    body: LeaveInput,
    replies: { 201: { description: 'Recorded', schema: LeaveReply } },
    errors: { ...notFound, 409: 'The person was deactivated' },
    handle: async (input) => {
      const id = personIdOf(input);
      const body = LeaveInput.parse(input.body ?? {});
      const command = grantLeave(id, body, zoneOf(input), metadataOf(input));
      const result = await input.services.directory.execute(command, input.idempotencyKey);
      return {
        status: result.events.length > 0 ? 201 : 200,
        body: { personId: id, leave: command.data, recorded: result.events.length > 0 },
      };
    },
  },
  {
    method: 'POST',
    path: '/people/{id}/deactivate',
    summary: 'Deactivate a person (admins): they can no longer sign in or act; their history stays',
    tags: ['people'],
    params: personParams,
    body: DeactivationInput,
    replies: { 200: { description: 'Deactivated (or already was)', schema: PersonChangeReply } },
    errors: notFound,
    handle: async (input) => {
      const id = personIdOf(input);
      return change(input, id, deactivate(id, DeactivationInput.parse(input.body ?? {}), metadataOf(input)));
    },
  },
  {
    method: 'GET',
    path: '/divisions',
    summary: 'The divisions',
    tags: ['people'],
    replies: { 200: { description: 'Every division', schema: DivisionsReply } },
    handle: async (input) => {
      metadataOf(input);
      const directory = await input.services.directory.asOf(input.now);
      return { status: 200, body: { divisions: directory.allDivisions() } };
    },
  },
  {
    method: 'POST',
    path: '/divisions',
    summary: 'Add a division (admins)',
    tags: ['people'],
    body: NewDivisionInput,
    replies: {
      201: { description: 'Added', schema: DivisionChangeReply },
      200: { description: 'Already there with that name: nothing new recorded', schema: DivisionChangeReply },
    },
    errors: { 409: 'A division with that id and another name exists' },
    handle: async (input) => {
      const body = NewDivisionInput.parse(input.body ?? {});
      const result = await input.services.directory.execute(addDivision(body, metadataOf(input)), input.idempotencyKey);
      return {
        status: result.events.length > 0 ? 201 : 200,
        body: { division: result.directory.division(body.id), recorded: result.events.length > 0 },
      };
    },
  },
];
