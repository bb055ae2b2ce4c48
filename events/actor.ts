import * as z from 'zod';
import { Role } from './primitives.js';

/**
 * Who did it: a person acting in one of their roles, or a named part of the system. `actingFor` names
 * the colleague on leave whose role they used as delegate ("X, acting for Y"): they act in their own name.
 */
export const EventActor = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('user'),
    userId: z.string().min(1),
    role: Role,
    actingFor: z.string().min(1).optional(),
  }),
  z.strictObject({ kind: z.literal('system'), component: z.string().min(1) }),
]);
export type EventActor = z.infer<typeof EventActor>;
