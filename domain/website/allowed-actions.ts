import type { Actor } from '../agency/actor.js';
import { DomainError } from '../shared/errors.js';
import type { WebsiteCommandType } from './commands.js';
import { authorizeWebsite } from './policy.js';
import type { WebsiteUpdate, WebsiteUpdateStatus } from './state.js';

/**
 * What a person can do on a website update from its page: each action is one command. The console
 * shows what the API lists, so who may do what is decided here, by the policy the commands use.
 */
export const WEBSITE_ACTIONS = ['complete', 'return', 'published', 'resubmit', 'withdraw'] as const;
export type WebsiteAction = (typeof WEBSITE_ACTIONS)[number];

/** Each action's command and the statuses the decider accepts it in (`decide` reads them from here). */
export const WEBSITE_ACTION_RULES: Readonly<
  Record<WebsiteAction, { readonly command: WebsiteCommandType; readonly statuses: readonly WebsiteUpdateStatus[] }>
> = {
  complete: { command: 'ConfirmComplete', statuses: ['submitted'] },
  return: { command: 'ReturnIncomplete', statuses: ['submitted', 'complete'] },
  published: { command: 'RecordPublished', statuses: ['complete'] },
  resubmit: { command: 'ResubmitWebsiteUpdate', statuses: ['returned'] },
  withdraw: { command: 'WithdrawWebsiteUpdate', statuses: ['submitted', 'returned', 'complete'] },
};

/** The actions `actor` may take on `update` now: allowed by the policy for its command, in a status it is accepted in. */
export const websiteAllowedActions = (actor: Actor, update: WebsiteUpdate, ictDivision: string): WebsiteAction[] =>
  WEBSITE_ACTIONS.filter((action) => {
    const rule = WEBSITE_ACTION_RULES[action];
    return (
      rule.statuses.includes(update.status) &&
      !(authorizeWebsite(actor, update, rule.command, ictDivision) instanceof DomainError)
    );
  });
