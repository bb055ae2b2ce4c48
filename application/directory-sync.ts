import type { Role } from '../events/primitives.js';
import type { DirectoryReader } from '../domain/agency/directory.js';

/** A user of the sign-in service as the sync sees it. */
export interface PoolUser {
  readonly enabled: boolean;
  readonly groups: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
}

/** The sign-in service's user administration (Cognito on AWS): only the directory sync uses it. */
export interface UserPool {
  /** The user, or undefined when there is none. */
  get(userId: string): Promise<PoolUser | undefined>;
  /** Creates the user and sends the invitation mail. */
  create(userId: string, attributes: Readonly<Record<string, string>>): Promise<void>;
  updateAttributes(userId: string, attributes: Readonly<Record<string, string>>): Promise<void>;
  addToGroup(userId: string, group: string): Promise<void>;
  removeFromGroup(userId: string, group: string): Promise<void>;
  enable(userId: string): Promise<void>;
  /** Disables the user and ends their sessions. */
  disable(userId: string): Promise<void>;
}

export interface DirectorySyncDeps {
  readonly directory: DirectoryReader;
  readonly pool: UserPool;
  /** The groups that stand for roles; other groups of the pool are left alone. */
  readonly roleGroups: readonly Role[];
  readonly now: () => Date;
}

export type SyncOutcome = 'created' | 'updated' | 'disabled' | 'unchanged' | 'unknown';

/**
 * Makes the sign-in service follow the directory for one person, as the directory stands now:
 * creates them (with the invitation mail), sets their groups from their roles and `custom:division`,
 * enables or disables them. Idempotent: run twice, the second run changes nothing.
 */
export const syncPerson = async (deps: DirectorySyncDeps, userId: string): Promise<SyncOutcome> => {
  const person = (await deps.directory.asOf(deps.now().toISOString())).person(userId);
  if (!person) return 'unknown';
  const existing = await deps.pool.get(userId);
  if (!person.active) {
    if (!existing || !existing.enabled) return 'unchanged';
    await deps.pool.disable(userId);
    return 'disabled';
  }
  const attributes: Record<string, string> = {
    email: person.email,
    email_verified: 'true',
    name: person.name,
    'custom:division': person.division ?? '',
  };
  let outcome: SyncOutcome = 'unchanged';
  if (!existing) {
    await deps.pool.create(userId, attributes);
    outcome = 'created';
  } else {
    const changed = Object.fromEntries(
      Object.entries(attributes).filter(([k, v]) => (existing.attributes[k] ?? '') !== v),
    );
    if (Object.keys(changed).length > 0) {
      await deps.pool.updateAttributes(userId, changed);
      outcome = 'updated';
    }
    if (!existing.enabled) {
      await deps.pool.enable(userId);
      outcome = 'updated';
    }
  }
  const current = new Set(existing?.groups ?? []);
  const wanted = new Set<string>(person.roles);
  for (const group of deps.roleGroups) {
    if (wanted.has(group) && !current.has(group)) await deps.pool.addToGroup(userId, group);
    if (!wanted.has(group) && current.has(group)) await deps.pool.removeFromGroup(userId, group);
    if (wanted.has(group) !== current.has(group) && outcome === 'unchanged') outcome = 'updated';
  }
  return outcome;
};
