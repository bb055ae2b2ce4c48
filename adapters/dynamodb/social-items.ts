import type { SocialAccount } from '../../domain/social/account-state.js';
import type { SocialIncident } from '../../domain/social/incident.js';
import {
  SOCIAL_INCIDENTS,
  SOCIAL_REGISTER,
  socialAccountView,
  socialIncidentView,
} from '../../domain/views/social-view.js';
import type { ReadItem } from './read-items.js';

/** The read items of an account: its view (conditional on the version) and its line in the register. */
export const socialAccountReadItems = (s: SocialAccount, version: number, timeZone: string): ReadItem[] => {
  const view = socialAccountView(s, timeZone);
  return [
    { pk: `social-account#${s.id}`, sk: 'view', appliedVersion: version, workflow: 'social-account', view },
    { pk: SOCIAL_REGISTER, sk: s.id, appliedVersion: version, view },
  ];
};

/** The read items of an incident: its view and its line in the list of incidents. */
export const socialIncidentReadItems = (s: SocialIncident, version: number): ReadItem[] => {
  const view = socialIncidentView(s);
  return [
    { pk: `social-incident#${s.id}`, sk: 'view', appliedVersion: version, workflow: 'social-incident', view },
    { pk: SOCIAL_INCIDENTS, sk: s.id, appliedVersion: version, view },
  ];
};
