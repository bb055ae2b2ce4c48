import { MutationCache, type QueryClient } from '@tanstack/react-query';

/**
 * Queries answered from projections: the API fills them from the event stream a moment after it accepts
 * a command (under a second on AWS, usually), so a list read straight after a command may not hold it yet.
 */
export const PROJECTED_QUERIES: readonly string[] = [
  'requests',
  'published',
  'website-updates',
  'common-requests',
  'disclosures',
  'monthly',
  'website-review',
];
// The holding pen is not among them: it drops a decided mail from its list at once, and a read before the
// projection caught up would bring it back for a moment. It reads itself again on a timer instead.

/** When the lists are read again after a command: once the projection has usually caught up, and once more for a slow moment. */
export const CATCH_UP_MS: readonly number[] = [1_500, 5_000];

const isProjected = (key: readonly unknown[]) => PROJECTED_QUERIES.includes(String(key[0]));

/**
 * A mutation cache that, after every command the console sends, reads the projected lists again when the
 * projection has had time to catch up — so what someone has just done shows in the list they open next
 * (recorded a page published, then opened Published) without a reload. Only the lists on screen are read
 * again; the others are marked stale and read when opened. A request's own page is left alone: it reads
 * the event store, which is never behind, and keeps the version the person is acting on.
 */
export const projectionCatchUp = (client: () => QueryClient, delays: readonly number[] = CATCH_UP_MS) =>
  new MutationCache({
    onSuccess: () => {
      for (const ms of delays)
        setTimeout(() => void client().invalidateQueries({ predicate: (q) => isProjected(q.queryKey) }), ms);
    },
  });
