import type { SocialAccountEvent } from '../../events/social-events.js';
import type { Decider } from '../shared/decider.js';
import { createSocialAccountDecide, type SocialDeciderDeps } from './account-decide.js';
import { evolveSocialAccount, initialSocialAccountState, type SocialAccountState } from './account-state.js';
import type { SocialAccountCommand } from './commands.js';

/** The official-account aggregate as a decider: its life cycle and its record trail. */
export type SocialAccountDecider = Decider<SocialAccountCommand, SocialAccountEvent, SocialAccountState>;

export const createSocialAccountDecider = (deps: SocialDeciderDeps): SocialAccountDecider => ({
  decide: createSocialAccountDecide(deps),
  evolve: evolveSocialAccount,
  initialState: initialSocialAccountState,
});
