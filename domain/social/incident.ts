import type { SocialIncidentEvent, SocialIncidentSeverity } from '../../events/social-events.js';
import type { Decider } from '../shared/decider.js';
import { DomainError } from '../shared/errors.js';
import { actorName } from './account-state.js';
import type { SocialIncidentCommand } from './commands.js';
import { authorizeSocial, incidentRules } from './policy.js';
import { eventBuilder } from '../shared/new-event.js';

/** A significant issue on an account (impersonation, a breach, a harmful thread) and what was done. */
export interface SocialIncident {
  readonly status: 'open' | 'closed';
  readonly id: string;
  readonly account: string;
  readonly severity: SocialIncidentSeverity;
  readonly title: string;
  readonly description: string;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly actions: readonly { readonly at: string; readonly by: string; readonly text: string }[];
  readonly closed?: { readonly at: string; readonly by: string; readonly resolution?: string };
  readonly lastEventAt: string;
}

export type SocialIncidentState = { readonly status: 'none' } | SocialIncident;

export const initialSocialIncidentState = (): SocialIncidentState => ({ status: 'none' });
export const socialIncidentExists = (s: SocialIncidentState): s is SocialIncident => s.status !== 'none';

export const evolveSocialIncident = (state: SocialIncidentState, event: SocialIncidentEvent): SocialIncidentState => {
  if (!socialIncidentExists(state)) {
    if (event.type !== 'SocialIncidentOpened') return state;
    const { incidentId, ...d } = event.data;
    return {
      status: 'open',
      id: incidentId,
      ...d,
      openedAt: event.occurredAt,
      openedBy: actorName(event.actor),
      actions: [],
      lastEventAt: event.occurredAt,
    };
  }
  const s = { ...state, lastEventAt: event.occurredAt };
  switch (event.type) {
    case 'SocialIncidentOpened':
      return state;
    case 'SocialIncidentActionRecorded':
      return {
        ...s,
        actions: [...s.actions, { at: event.occurredAt, by: actorName(event.actor), text: event.data.text }],
      };
    case 'SocialIncidentClosed':
      return {
        ...s,
        status: 'closed',
        closed: {
          at: event.occurredAt,
          by: actorName(event.actor),
          ...(event.data.resolution ? { resolution: event.data.resolution } : {}),
        },
      };
  }
};

type Decision = readonly SocialIncidentEvent[] | DomainError;

const event = eventBuilder<SocialIncidentEvent>();

/**
 * Decides a command on an incident. Whether the account exists is the caller's to check (another
 * stream); here: who may, an open incident takes actions, a closed one takes nothing more.
 */
export const decideSocialIncident = (command: SocialIncidentCommand, state: SocialIncidentState): Decision => {
  const actor = authorizeSocial(command.metadata.actor, command.type, incidentRules[command.type]);
  if (actor instanceof DomainError) return actor;
  const now = command.metadata.now;
  switch (command.type) {
    case 'OpenIncident':
      if (socialIncidentExists(state)) return new DomainError('ALREADY_EXISTS', `incident ${state.id} already exists`);
      if (command.data.title.trim() === '' || command.data.description.trim() === '')
        return new DomainError('INVALID_INPUT', 'an incident has a title and says what happened');
      return [event('SocialIncidentOpened', actor, now, { ...command.data })];
    case 'RecordIncidentAction':
      if (!socialIncidentExists(state)) return new DomainError('INCIDENT_NOT_FOUND', 'no such incident');
      if (state.status === 'closed')
        return new DomainError('INVALID_TRANSITION', `incident ${state.id} is closed`, { status: state.status });
      if (command.data.text.trim() === '') return new DomainError('INVALID_INPUT', 'an action says what was done');
      return [event('SocialIncidentActionRecorded', actor, now, { text: command.data.text })];
    case 'CloseIncident':
      if (!socialIncidentExists(state)) return new DomainError('INCIDENT_NOT_FOUND', 'no such incident');
      if (state.status === 'closed') return [];
      return [
        event('SocialIncidentClosed', actor, now, {
          actionsRecorded: state.actions.length,
          ...(command.data.resolution ? { resolution: command.data.resolution } : {}),
        }),
      ];
  }
};

export type SocialIncidentDecider = Decider<SocialIncidentCommand, SocialIncidentEvent, SocialIncidentState>;

/** The incident aggregate as a decider. */
export const socialIncidentDecider: SocialIncidentDecider = {
  decide: decideSocialIncident,
  evolve: evolveSocialIncident,
  initialState: initialSocialIncidentState,
};
