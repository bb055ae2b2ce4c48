import { useQuery } from '@tanstack/react-query';
import { api, json, unwrap, type Schemas } from '../../commons/api';

export type SocialAccount = Schemas['SocialAccount'];
export type SocialIncident = Schemas['SocialIncident'];
export type SocialPost = Schemas['SocialPost'];
export type SocialAction = SocialAccount['allowedActions'][number];

/** Every query of the social pages starts with this key, so one invalidation refreshes them all. */
export const SOCIAL = 'social';

export const useAccounts = () =>
  useQuery({ queryKey: [SOCIAL, 'accounts'], queryFn: async () => unwrap(await api().GET('/social/accounts')) });

export const useAccount = (id: string) =>
  useQuery({
    queryKey: [SOCIAL, 'account', id],
    queryFn: async () => unwrap(await api().GET('/social/accounts/{id}', { params: { path: { id } } })),
  });

export const useIncidents = (status?: 'open' | 'closed') =>
  useQuery({
    queryKey: [SOCIAL, 'incidents', status ?? 'all'],
    queryFn: async () => unwrap(await api().GET('/social/incidents', { params: { query: status ? { status } : {} } })),
  });

export interface TrailQuery {
  readonly account?: string;
  readonly from?: string;
  readonly to?: string;
}

export const useTrail = (q: TrailQuery) =>
  useQuery({
    queryKey: [SOCIAL, 'trail', q],
    queryFn: async () => json(unwrap(await api().GET('/social/posts', { params: { query: q } }))),
  });

/** The account's name as people say it: `@handle on Facebook`. */
export const accountName = (a: Pick<SocialAccount, 'handle' | 'platform'>, platforms: Record<string, string>) =>
  `${a.handle} (${platforms[a.platform] ?? a.platform})`;
