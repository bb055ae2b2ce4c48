import type { Role } from '../../events/primitives.js';

/** Who issues a command: a signed-in person with all their roles, or a part of the system. */
export type Actor =
  | { readonly kind: 'user'; readonly userId: string; readonly roles: readonly Role[]; readonly division?: string }
  | { readonly kind: 'system'; readonly component: string };

export const systemActor = (component: string): Actor => ({ kind: 'system', component });
