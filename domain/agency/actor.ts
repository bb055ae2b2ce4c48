import type { Role } from '../../events/primitives.js';

/** A colleague on leave whose roles a delegate may use while they are away. */
export interface Principal {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly division?: string;
}

/**
 * Who issues a command: a signed-in person with all their roles, or a part of the system. A person
 * standing in for colleagues on leave carries them in `actingFor`.
 */
export type Actor =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly roles: readonly Role[];
      readonly division?: string;
      readonly actingFor?: readonly Principal[];
    }
  | { readonly kind: 'system'; readonly component: string };

export const systemActor = (component: string): Actor => ({ kind: 'system', component });

/** True when `actor` is `userId`, or is standing in for them while they are on leave. */
export const actsAs = (actor: Actor, userId: string): boolean =>
  actor.kind === 'user' && (actor.userId === userId || (actor.actingFor ?? []).some((p) => p.userId === userId));
