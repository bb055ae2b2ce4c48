import type { Actor } from '../agency/actor.js';
import { DomainError } from '../shared/errors.js';
import type { SocialAccount } from './account-state.js';
import type { SocialAccountCommandType } from './commands.js';
import { accountRules, authorizeSocial } from './policy.js';

/** What a person may do on an account now, as the console offers it (`allowedActions` on the account read). */
export type SocialAccountAction =
  'assess' | 'approve' | 'activate' | 'evaluate' | 'retire' | 'nameRecorders' | 'recordFollowers' | 'recordPost';

const actions: readonly {
  readonly action: SocialAccountAction;
  readonly command: SocialAccountCommandType;
  readonly when: (s: AccountStanding) => boolean;
}[] = [
  { action: 'assess', command: 'RecordAssessment', when: (s) => s.status !== 'retired' },
  { action: 'approve', command: 'ApproveAccount', when: (s) => s.status === 'proposed' && !!s.assessment },
  { action: 'activate', command: 'ActivateAccount', when: (s) => s.status === 'approved' },
  { action: 'evaluate', command: 'EvaluateAccount', when: (s) => s.status === 'active' },
  { action: 'retire', command: 'RetireAccount', when: (s) => s.status !== 'retired' },
  { action: 'nameRecorders', command: 'NameRecorders', when: (s) => s.status !== 'retired' },
  { action: 'recordFollowers', command: 'RecordFollowers', when: (s) => s.status === 'active' },
  { action: 'recordPost', command: 'RecordPost', when: (s) => s.status === 'active' },
];

/** What the actions depend on: an account's state, or its view in the register. */
export type AccountStanding = Pick<SocialAccount, 'status' | 'recorders'> & { readonly assessment?: unknown };

/** The actions the rules allow this person on this account as it stands (the same rules the decider applies). */
export const socialAccountAllowedActions = (actor: Actor, s: AccountStanding): SocialAccountAction[] =>
  actions
    .filter(
      (a) =>
        a.when(s) && !(authorizeSocial(actor, a.command, accountRules[a.command], s.recorders) instanceof DomainError),
    )
    .map((a) => a.action);
