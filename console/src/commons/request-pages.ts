import { infiniteQueryOptions, queryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { paths } from '../api/schema';
import { api, unwrap } from './api';

/** The filters and search of `GET /requests` (the cursor is the pager's business). */
export type ListQuery = Omit<NonNullable<paths['/requests']['get']['parameters']['query']>, 'cursor'>;

/** Rows per page of the request tables. */
export const PAGE_SIZE = 25;

/** The pages of `GET /requests` for one query, fetched one cursor at a time as the person pages on. */
export const requestPages = (query: ListQuery) =>
  infiniteQueryOptions({
    queryKey: ['requests', 'pages', query],
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api().GET('/requests', { params: { query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) } } }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor,
  });

/** What the signed-in person holds (or was asked about) and is still open: the My work list. */
export const myWorkQuery: ListQuery = { assignee: 'me', open: 'true', limit: PAGE_SIZE };
export const myWorkPages = () => requestPages(myWorkQuery);

/** Open requests no division holds yet: the intake officer's queue. */
export const unassignedQuery: ListQuery = { division: 'unassigned', open: 'true', limit: PAGE_SIZE };
export const unassignedPages = () => requestPages(unassignedQuery);

/** Enough of my open work to count it by SLA status in one read (a desk holding more shows "200+"). */
export const myWorkCounted = () =>
  queryOptions({
    queryKey: ['requests', 'counted', 'mine'],
    queryFn: async () =>
      unwrap(await api().GET('/requests', { params: { query: { assignee: 'me', open: 'true', limit: 200 } } })),
  });

/** A division's open requests past their due date, whoever holds them (or nobody): first on a chief's desk. */
export const divisionBreachedQuery = (division: string): ListQuery => ({
  division,
  sla: 'breached',
  open: 'true',
  limit: PAGE_SIZE,
});
/** A division's open requests due today or the next working day. */
export const divisionAtRiskQuery = (division: string): ListQuery => ({
  division,
  sla: 'at_risk',
  open: 'true',
  limit: PAGE_SIZE,
});

/** Enough of a division's open requests (or the unassigned ones) to count them by SLA status in one read. */
export const divisionCounted = (division: string) =>
  queryOptions({
    queryKey: ['requests', 'counted', 'division', division],
    queryFn: async () =>
      unwrap(await api().GET('/requests', { params: { query: { division, open: 'true', limit: 200 } } })),
  });

/**
 * A server-paged list: the page on screen, and Cloudscape's open-ended pagination (the API gives a
 * cursor, never a total) that fetches the next page when the person asks for it.
 */
export const usePagedRequests = (query: ListQuery, enabled = true) => {
  const q = useInfiniteQuery({ ...requestPages(query), enabled });
  const key = JSON.stringify(query);
  const [page, setPage] = useState({ key, index: 1 });
  // Another filter or search starts again at page 1.
  const index = page.key === key ? page.index : 1;
  const loaded = q.data?.pages.length ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = q;
  useEffect(() => {
    if (index > loaded && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [index, loaded, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const shownIndex = index > loaded && !hasNextPage && !isFetchingNextPage ? Math.max(1, loaded) : index;
  const items = q.data?.pages[shownIndex - 1]?.items ?? [];
  return {
    items,
    loading: q.isPending || (shownIndex > loaded && isFetchingNextPage),
    error: q.error,
    /** Rows loaded so far, with whether more exist (for "25+" counts). */
    loadedCount: q.data?.pages.reduce((n, p) => n + p.items.length, 0) ?? 0,
    more: Boolean(hasNextPage),
    pagination: {
      currentPageIndex: shownIndex,
      pagesCount: Math.max(1, loaded),
      openEnd: Boolean(hasNextPage),
      disabled: isFetchingNextPage,
      onChange: (e: { detail: { currentPageIndex: number } }) => setPage({ key, index: e.detail.currentPageIndex }),
    },
  };
};
export type PagedRequests = ReturnType<typeof usePagedRequests>;
