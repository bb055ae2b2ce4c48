import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from './api';
import { landingOf } from '../pages/my-work/landing';
import {
  divisionAtRiskQuery,
  divisionBreachedQuery,
  divisionCounted,
  myWorkCounted,
  myWorkPages,
  requestPages,
  unassignedPages,
} from './request-pages';

/** `GET /me`: who the token belongs to, with the roles and division the directory gives them today. */
export const meQuery = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: async () => unwrap(await api().GET('/me', {})),
    // Roles change by appointment, rarely within a session; a reload or a new sign-in reads them again.
    staleTime: 5 * 60_000,
  });

/**
 * Starts what the first signed-in screen needs at once and side by side: who I am, the first page of my
 * work list (when that is where I land) and the My work screen's code — no request waits on another.
 */
export const prefetchSignedIn = async (client: QueryClient, landing: string) => {
  const home = landing === '/';
  if (home) {
    void import('../pages/my-work');
    void client.prefetchInfiniteQuery(myWorkPages());
    void client.prefetchQuery(myWorkCounted());
  }
  const me = await client.fetchQuery(meQuery());
  // The rest of the landing depends on the role: ask for it as soon as the role is known, not after the page renders.
  const desk = landingOf(me);
  if (home && desk.kind === 'intake') void client.prefetchInfiniteQuery(unassignedPages());
  if (home && desk.kind === 'chief') {
    void client.prefetchInfiniteQuery(requestPages(divisionBreachedQuery(desk.division)));
    void client.prefetchInfiniteQuery(requestPages(divisionAtRiskQuery(desk.division)));
    void client.prefetchQuery(divisionCounted(desk.division));
    if (desk.ict) {
      void client.prefetchInfiniteQuery(unassignedPages());
      void client.prefetchQuery(divisionCounted('unassigned'));
    }
  }
  return me;
};
