import * as z from 'zod';
import { Instant, Role } from '../../../events/primitives.js';

/**
 * Reply schemas of the people and divisions routes (contract: People and roles). Loose objects, like
 * the other replies: a client ignores fields it does not know.
 */

const LeaveView = z.looseObject({ from: Instant, to: Instant, delegateTo: z.string() }).meta({
  id: 'Leave',
  description:
    'Away from `from` until `to` (exclusive); alerts and work go to `delegateTo`, who acts in their own name',
});

export const PersonReply = z
  .looseObject({
    id: z.string().meta({ description: 'User id: the local part of their agency email', example: 'ppd.chief' }),
    name: z.string(),
    email: z.string(),
    roles: z.array(Role),
    division: z.string().optional(),
    active: z.boolean().meta({ description: 'False once deactivated: they can no longer sign in or act' }),
    appointedFrom: Instant.optional().meta({ description: 'When their current roles took effect' }),
    order: z.string().optional().meta({ description: 'The office order that made the current appointment' }),
    deactivatedAt: Instant.optional(),
    leave: LeaveView.optional().meta({ description: 'The leave they are on at that instant' }),
  })
  .meta({ id: 'Person', description: 'A person as the directory stood at one instant' });

export const PeopleReply = z
  .looseObject({
    asOf: Instant.meta({ description: 'The instant the directory is shown at' }),
    people: z.array(PersonReply),
  })
  .meta({ id: 'People', description: 'Everyone known at `asOf`, deactivated people included' });

export const PersonChangeReply = z
  .looseObject({
    person: PersonReply.optional(),
    recorded: z.boolean().meta({ description: 'False when the command changed nothing' }),
  })
  .meta({ id: 'PersonChange', description: 'The person right after the change' });

export const LeaveReply = z
  .looseObject({
    personId: z.string(),
    leave: z.looseObject({ personId: z.string(), from: Instant, to: Instant, delegateTo: z.string() }),
    recorded: z.boolean(),
  })
  .meta({
    id: 'LeaveRecorded',
    description: 'The leave as recorded (dates resolved to instants in the agency’s zone)',
  });

const DivisionView = z.looseObject({ id: z.string(), name: z.string() }).meta({ id: 'Division' });

export const DivisionsReply = z.looseObject({ divisions: z.array(DivisionView) }).meta({ id: 'Divisions' });
export const DivisionChangeReply = z
  .looseObject({ division: DivisionView.optional(), recorded: z.boolean() })
  .meta({ id: 'DivisionChange' });
