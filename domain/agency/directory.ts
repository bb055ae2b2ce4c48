import type { Role } from '../../events/primitives.js';
import type { Actor, Principal } from './actor.js';
import type { AgencyConfig, Division, User } from './config.js';

/** A period away, with the colleague who stands in. `to` is exclusive: they are back at `to`. */
export interface Leave {
  readonly from: string;
  readonly to: string;
  readonly delegateTo: string;
}

/** A person as the directory saw them at one instant: active or not, with their appointment and leave. */
export interface PersonView extends User {
  readonly active: boolean;
  /** When their current roles took effect, and the office order that made them, if one was named. */
  readonly appointedFrom?: string;
  readonly order?: string;
  readonly deactivatedAt?: string;
  /** The leave they are on at that instant. */
  readonly leave?: Leave;
}

/** What a directory answers from: everyone known at one instant, and the divisions. */
export interface DirectorySnapshot {
  readonly people: readonly PersonView[];
  readonly divisions: readonly Division[];
}

/** Anything that can say what the directory was at an instant: a fixed directory, or the event-sourced one. */
export interface DirectoryReader {
  /** The directory as it stood at `instant` (ISO-8601). */
  asOf(instant: string): Promise<Directory>;
}

const fromConfig = (config: AgencyConfig): DirectorySnapshot => ({
  people: config.users.map((u) => ({ ...u, active: true })),
  divisions: config.divisions,
});

/**
 * Looks up the agency's divisions and people as they stood at one instant. Built from the directory
 * events (`domain/directory`), or straight from a configuration (the seed, and tests). Only active
 * people are users: deactivated ones stay in `everyone()` for the record.
 */
export class Directory implements DirectoryReader {
  private readonly users: ReadonlyMap<string, User>;
  private readonly divisions: ReadonlyMap<string, Division>;
  private readonly people: readonly PersonView[];
  private readonly byId: ReadonlyMap<string, PersonView>;
  private readonly active: readonly User[];

  constructor(
    readonly config: AgencyConfig,
    snapshot: DirectorySnapshot = fromConfig(config),
  ) {
    this.people = snapshot.people;
    this.byId = new Map(snapshot.people.map((p) => [p.id, p]));
    this.active = snapshot.people
      .filter((p) => p.active)
      .map(({ id, name, email, roles, division }) => ({ id, name, email, roles, ...(division ? { division } : {}) }));
    this.users = new Map(this.active.map((u) => [u.id, u]));
    this.divisions = new Map(snapshot.divisions.map((d) => [d.id, d]));
  }

  /** A fixed directory answers the same at every instant. */
  asOf(): Promise<Directory> {
    return Promise.resolve(this);
  }

  /** An active person, or undefined (unknown or deactivated). */
  user(id: string): User | undefined {
    return this.users.get(id);
  }

  division(id: string): Division | undefined {
    return this.divisions.get(id);
  }

  allDivisions(): readonly Division[] {
    return [...this.divisions.values()];
  }

  /** Every active person. */
  allUsers(): readonly User[] {
    return this.active;
  }

  /** Everyone known at this instant, deactivated people included, with their leave. */
  everyone(): readonly PersonView[] {
    return this.people;
  }

  /** A person as known at this instant, active or not. */
  person(id: string): PersonView | undefined {
    return this.byId.get(id);
  }

  withRole(role: Role): readonly User[] {
    return this.active.filter((u) => u.roles.includes(role));
  }

  /** The chiefs of a division (breach alerts go to them, or to whoever stands in: see `standIn`). */
  chiefsOf(division: string): readonly User[] {
    return this.active.filter((u) => u.division === division && u.roles.includes('division_chief'));
  }

  /**
   * Who receives what is meant for `userId` now: themself, or while they are on leave their delegate
   * (and that delegate's delegate, if they are away too). Falls back to the person when the chain
   * ends with someone inactive or loops.
   */
  standIn(userId: string): string {
    const seen = new Set<string>([userId]);
    let current = userId;
    for (;;) {
      const leave = this.person(current)?.leave;
      if (!leave) return current;
      const next = leave.delegateTo;
      if (seen.has(next) || !this.users.has(next)) return current === userId ? userId : current;
      seen.add(next);
      current = next;
    }
  }

  /** The people on leave whose work `userId` does at this instant. */
  standingInFor(userId: string): readonly Principal[] {
    return this.active
      .filter((u) => u.id !== userId && this.person(u.id)?.leave && this.standIn(u.id) === userId)
      .map((u) => ({ userId: u.id, roles: u.roles, ...(u.division ? { division: u.division } : {}) }));
  }

  /** The actor for a signed-in user id, or undefined for someone the agency does not know (or no longer). */
  actorFor(userId: string): Actor | undefined {
    const u = this.users.get(userId);
    if (!u) return undefined;
    const actingFor = this.standingInFor(userId);
    return {
      kind: 'user',
      userId: u.id,
      roles: u.roles,
      ...(u.division ? { division: u.division } : {}),
      ...(actingFor.length > 0 ? { actingFor } : {}),
    };
  }
}
