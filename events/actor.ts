import * as z from 'zod';
import { Role } from './primitives.js';

/** Who did it: a person acting in one of their roles, or a named part of the system. */
export const EventActor = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), userId: z.string().min(1), role: Role }),
  z.strictObject({ kind: z.literal('system'), component: z.string().min(1) }),
]);
export type EventActor = z.infer<typeof EventActor>;
