import type { EventActor } from '../../events/actor.js';
import type { DirectoryEvent } from '../../events/directory-events.js';
import type { Role } from '../../events/primitives.js';
import type { Actor } from '../agency/actor.js';
import type { AgencyConfig } from '../agency/config.js';
import type { Directory } from '../agency/directory.js';
import { DomainError } from '../shared/errors.js';
import type { DirectoryCommand } from './commands.js';
import { seedEvents } from './seed.js';
import { evolveDirectory, type DirectoryState } from './state.js';
import { directoryAt } from './view.js';
import { eventBuilder } from '../shared/new-event.js';

type Decision = readonly DirectoryEvent[] | DomainError;

const DIVISION_ROLES: readonly Role[] = ['division_officer', 'division_chief'];
const ms = (instant: string): number => Date.parse(instant);

/**
 * Only an admin in their own right changes the directory. A delegate standing in for an admin on
 * leave does the admin's work (requests, consultations, digests) but never the powers that change who
 * may do what — people, roles, divisions, leave — so a short leave cannot make anyone admin for good,
 * and a delegate cannot pass the delegation on to someone else.
 */
export const authorizeDirectoryChange = (actor: Actor): EventActor | DomainError => {
  if (actor.kind !== 'user')
    return new DomainError('FORBIDDEN', 'the directory is changed by a person, not by the system');
  if (actor.roles.includes('admin')) return { kind: 'user', userId: actor.userId, role: 'admin' };
  const principal = (actor.actingFor ?? []).find((p) => p.roles.includes('admin'));
  if (principal) {
    return new DomainError(
      'FORBIDDEN',
      `${actor.userId} stands in for ${principal.userId} while they are away, which covers their work, not their power to change people, roles, divisions or leave: only an admin in their own right may`,
      { allowedRoles: ['admin'] },
    );
  }
  return new DomainError('FORBIDDEN', `${actor.userId} is not an admin: only admins change the directory`, {
    allowedRoles: ['admin'],
  });
};

/** Their own leave a person may record themself; anyone else's takes an admin. */
const forLeave = (actor: Actor, personId: string): EventActor | DomainError => {
  if (actor.kind === 'user' && actor.userId === personId && !actor.roles.includes('admin')) {
    return { kind: 'user', userId: actor.userId, role: actor.roles[0] as Role };
  }
  return authorizeDirectoryChange(actor);
};

const divisionRule = (
  roles: readonly Role[],
  division: string | undefined,
  now: Directory,
): DomainError | undefined => {
  if (division !== undefined && !now.division(division)) {
    return new DomainError('UNKNOWN_DIVISION', `there is no division ${division}`, { division });
  }
  if (division === undefined && roles.some((r) => DIVISION_ROLES.includes(r))) {
    return new DomainError(
      'INVALID_INPUT',
      `a ${roles.filter((r) => DIVISION_ROLES.includes(r)).join(' and ')} needs a division`,
    );
  }
  return undefined;
};

/** Refuses a change that would leave the agency with nobody able to administer it. */
const keepsAnAdmin = (
  now: Directory,
  personId: string,
  rolesAfter: readonly Role[] | undefined,
): DomainError | undefined => {
  const others = now.withRole('admin').filter((u) => u.id !== personId);
  if (others.length > 0 || (rolesAfter ?? []).includes('admin')) return undefined;
  return now.user(personId)?.roles.includes('admin')
    ? new DomainError('INVALID_INPUT', `${personId} is the last active admin: appoint another admin first`)
    : undefined;
};

/**
 * Refuses a change after which, from some later date, nobody could administer the agency: an office order
 * dated ahead that takes the role from the last admin, or a deactivation of the admin who would be the last
 * once such an order takes effect. Who is admin changes only when an appointment takes effect, so those are
 * the instants to check. A gap that was already there before this change does not block unrelated work.
 */
const keepsAnAdminAhead = (
  state: DirectoryState,
  change: DirectoryEvent,
  now: string,
  config: AgencyConfig,
): DomainError | undefined => {
  const after = evolveDirectory(state, change);
  const hasAdmin = (s: DirectoryState, t: string) => directoryAt(s, t, config).withRole('admin').length > 0;
  const ahead = [...after.people.values()]
    .flatMap((p) => p.appointments.map((a) => a.effectiveFrom))
    .filter((t) => ms(t) > ms(now))
    .sort((a, b) => ms(a) - ms(b));
  const gap = ahead.find((t) => hasAdmin(state, t) && !hasAdmin(after, t));
  return gap
    ? new DomainError(
        'INVALID_INPUT',
        `from ${gap.slice(0, 10)} the agency would have no admin: appoint another admin from that date first`,
        { from: gap },
      )
    : undefined;
};

/** Only the system seeds, and only a directory with nothing recorded: a person starts from what is there. */
const decideSeed = (actor: Actor, state: DirectoryState, config: AgencyConfig, now: string): Decision => {
  if (actor.kind !== 'system')
    return new DomainError('FORBIDDEN', 'the directory is seeded by the system, from agency.json');
  return state.version > 0 ? [] : seedEvents(config, now);
};

const event = eventBuilder<DirectoryEvent>();

/**
 * The directory's decider: which events a command produces on the directory as it stands at the
 * command's time, or why it is refused. Pure: the clock and the actor come in the metadata.
 */
export const decideDirectory = (command: DirectoryCommand, state: DirectoryState, config: AgencyConfig): Decision => {
  const { now, actor } = command.metadata;
  if (command.type === 'SeedDirectory') return decideSeed(actor, state, config, now);
  const today = directoryAt(state, now, config);
  const recorded =
    command.type === 'GrantLeave' ? forLeave(actor, command.data.personId) : authorizeDirectoryChange(actor);
  if (recorded instanceof DomainError) return recorded;

  switch (command.type) {
    case 'AddDivision': {
      const { divisionId, name } = command.data;
      const existing = state.divisions.get(divisionId);
      if (existing) {
        return existing.name === name
          ? []
          : new DomainError('ALREADY_EXISTS', `division ${divisionId} exists (${existing.name})`, { divisionId });
      }
      return [event('DivisionAdded', recorded, now, { divisionId, name })];
    }

    case 'AddPerson': {
      const { personId, name, email, roles, division } = command.data;
      const existing = state.people.get(personId);
      if (existing) {
        return new DomainError(
          'ALREADY_EXISTS',
          `${personId} is already in the directory${existing.deactivatedAt ? ' (deactivated)' : ''}`,
          { personId },
        );
      }
      const sameEmail = today.allUsers().find((u) => u.email.toLowerCase() === email.toLowerCase());
      if (sameEmail)
        return new DomainError('ALREADY_EXISTS', `${email} is ${sameEmail.id}'s address`, { personId: sameEmail.id });
      const refused = divisionRule(roles, division, today);
      if (refused) return refused;
      return [
        event('PersonAdded', recorded, now, {
          personId,
          name,
          email,
          roles: [...new Set(roles)],
          effectiveFrom: now,
          ...(division ? { division } : {}),
        }),
      ];
    }

    case 'AppointPerson': {
      const { personId, roles, order } = command.data;
      const person = state.people.get(personId);
      const current = today.person(personId);
      if (!person) return new DomainError('PERSON_NOT_FOUND', `${personId} is not in the directory`, { personId });
      if (person.deactivatedAt) return new DomainError('PERSON_INACTIVE', `${personId} was deactivated`, { personId });
      const effectiveFrom = command.data.effectiveFrom ?? now;
      const joined = person.appointments[0]?.effectiveFrom ?? now;
      if (ms(effectiveFrom) < ms(joined)) {
        return new DomainError(
          'INVALID_INPUT',
          `${personId} joined on ${joined}; an appointment cannot take effect before that`,
        );
      }
      // Without a division, the person keeps the one they are in.
      const division = command.data.division ?? current?.division;
      const appointed = event('PersonAppointed', recorded, now, {
        personId,
        roles: [...new Set(roles)],
        effectiveFrom,
        ...(division ? { division } : {}),
        ...(order ? { order } : {}),
      });
      const refused =
        divisionRule(roles, division, today) ??
        (ms(effectiveFrom) <= ms(now) ? keepsAnAdmin(today, personId, roles) : undefined) ??
        keepsAnAdminAhead(state, appointed, now, config);
      if (refused) return refused;
      return [appointed];
    }

    case 'GrantLeave': {
      const { personId, from, to, delegateTo } = command.data;
      const person = today.person(personId);
      if (!state.people.has(personId))
        return new DomainError('PERSON_NOT_FOUND', `${personId} is not in the directory`, { personId });
      if (!person?.active) return new DomainError('PERSON_INACTIVE', `${personId} is not active`, { personId });
      if (ms(from) >= ms(to))
        return new DomainError('INVALID_INPUT', `leave must end after it starts (${from} → ${to})`);
      if (ms(to) <= ms(now)) return new DomainError('INVALID_INPUT', `leave ending ${to} is already over`);
      if (delegateTo === personId) return new DomainError('INVALID_INPUT', 'a person cannot stand in for themself');
      if (!today.user(delegateTo))
        return new DomainError('UNKNOWN_PERSON', `${delegateTo} is not an active member of the agency`, { delegateTo });
      const overlaps = (l: { from: string; to: string }) => ms(l.from) < ms(to) && ms(from) < ms(l.to);
      const own = state.people.get(personId)?.leaves.find(overlaps);
      if (own) return new DomainError('INVALID_INPUT', `${personId} is already on leave ${own.from} → ${own.to}`);
      const delegateAway = state.people.get(delegateTo)?.leaves.find(overlaps);
      if (delegateAway)
        return new DomainError(
          'INVALID_INPUT',
          `${delegateTo} is away ${delegateAway.from} → ${delegateAway.to}; choose someone who is in`,
          { delegateTo },
        );
      return [event('LeaveGranted', recorded, now, { personId, from, to, delegateTo })];
    }

    case 'DeactivatePerson': {
      const { personId, reason } = command.data;
      const person = state.people.get(personId);
      if (!person) return new DomainError('PERSON_NOT_FOUND', `${personId} is not in the directory`, { personId });
      if (person.deactivatedAt) return [];
      if (recorded.kind === 'user' && recorded.userId === personId)
        return new DomainError('INVALID_INPUT', 'an admin cannot deactivate themself');
      const deactivated = event('PersonDeactivated', recorded, now, { personId, reason });
      const refused = keepsAnAdmin(today, personId, undefined) ?? keepsAnAdminAhead(state, deactivated, now, config);
      if (refused) return refused;
      return [deactivated];
    }
  }
};
