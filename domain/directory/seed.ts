import type { DirectoryEvent } from '../../events/directory-events.js';
import type { AgencyConfig } from '../agency/config.js';

/** The seeded people were in post before the system knew them: their appointments count from the start of the record. */
export const SEED_EFFECTIVE_FROM = '1970-01-01T00:00:00.000Z';

/**
 * The events that seed an EMPTY directory from `agency.json`: its divisions, then its people with
 * their roles. Only ever decided for a directory with nothing recorded (the command `SeedDirectory`).
 */
export const seedEvents = (config: AgencyConfig, now: string): DirectoryEvent[] => {
  const actor = { kind: 'system' as const, component: 'directory-seed' };
  return [
    ...config.divisions.map((d): DirectoryEvent => ({
      type: 'DivisionAdded',
      schemaVersion: 1,
      occurredAt: now,
      actor,
      data: { divisionId: d.id, name: d.name },
    })),
    ...config.users.map((u): DirectoryEvent => ({
      type: 'PersonAdded',
      schemaVersion: 1,
      occurredAt: now,
      actor,
      data: {
        personId: u.id,
        name: u.name,
        email: u.email,
        roles: u.roles,
        effectiveFrom: SEED_EFFECTIVE_FROM,
        ...(u.division ? { division: u.division } : {}),
      },
    })),
  ];
};
