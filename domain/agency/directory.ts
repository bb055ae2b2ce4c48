import type { Role } from '../../events/primitives.js';
import type { Actor } from './actor.js';
import type { AgencyConfig, Division, User } from './config.js';

/** Looks up the agency's divisions and people. */
export class Directory {
  private readonly users: ReadonlyMap<string, User>;
  private readonly divisions: ReadonlyMap<string, Division>;

  constructor(readonly config: AgencyConfig) {
    this.users = new Map(config.users.map((u) => [u.id, u]));
    this.divisions = new Map(config.divisions.map((d) => [d.id, d]));
  }

  user(id: string): User | undefined {
    return this.users.get(id);
  }

  division(id: string): Division | undefined {
    return this.divisions.get(id);
  }

  allUsers(): readonly User[] {
    return this.config.users;
  }

  withRole(role: Role): readonly User[] {
    return this.config.users.filter((u) => u.roles.includes(role));
  }

  /** The chiefs of a division (breach alerts go to them). */
  chiefsOf(division: string): readonly User[] {
    return this.config.users.filter((u) => u.division === division && u.roles.includes('division_chief'));
  }

  /** The actor for a signed-in user id, or undefined for someone the agency does not know. */
  actorFor(userId: string): Actor | undefined {
    const u = this.users.get(userId);
    return u ? { kind: 'user', userId: u.id, roles: u.roles, ...(u.division ? { division: u.division } : {}) } : undefined;
  }
}
