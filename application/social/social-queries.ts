import { socialAccountExists, type SocialAccount } from '../../domain/social/account-state.js';
import { trailOf, type TrailPeriod, type TrailRow } from '../../domain/social/trail.js';
import {
  SOCIAL_INCIDENTS,
  SOCIAL_REGISTER,
  type SocialAccountView,
  type SocialIncidentView,
} from '../../domain/views/social-view.js';
import type { ReadModels } from '../read-models.js';
import type { SocialCommands } from './social-commands.js';

/** The register as projected, oldest account first. */
export const listSocialAccounts = async (readModels: ReadModels): Promise<SocialAccountView[]> =>
  (await readModels.partition(SOCIAL_REGISTER))
    .map((i) => i.view as SocialAccountView)
    .sort((a, b) => a.id.localeCompare(b.id));

/** The incidents as projected, newest first. */
export const listSocialIncidents = async (
  readModels: ReadModels,
  filter: { readonly status?: 'open' | 'closed' | undefined; readonly account?: string | undefined } = {},
): Promise<SocialIncidentView[]> =>
  (await readModels.partition(SOCIAL_INCIDENTS))
    .map((i) => i.view as SocialIncidentView)
    .filter((v) => (!filter.status || v.status === filter.status) && (!filter.account || v.account === filter.account))
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt) || b.id.localeCompare(a.id));

/**
 * The record trail of one account, or of every account in the register, read from the accounts' own
 * streams (what the hash chain covers), not from a projection.
 */
export const socialTrail = async (
  deps: { readonly readModels: ReadModels; readonly socialCommands: SocialCommands },
  query: TrailPeriod & { readonly account?: string | undefined },
): Promise<TrailRow[]> => {
  const ids = query.account ? [query.account] : (await listSocialAccounts(deps.readModels)).map((a) => a.id);
  const accounts: SocialAccount[] = [];
  for (const id of ids) {
    const { state } = await deps.socialCommands.loadAccount(id);
    if (socialAccountExists(state)) accounts.push(state);
  }
  return trailOf(accounts, query);
};
