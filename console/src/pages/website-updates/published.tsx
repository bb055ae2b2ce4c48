import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Table from '@cloudscape-design/components/table';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../commons/api';
import { errorSentence } from '../../commons/error-sentence';
import { formatDateTime } from '../../commons/format';
import { strings } from '../../commons/strings';
import { UpdateLink } from './queue';
import type { WebsiteUpdate } from './website-api';

const t = strings.website;
const RECORDED = ['website-recorded-published'] as const;

/** Keeps a page just recorded as published in this browser, until the list from the API holds it too. */
export const rememberPublished = (client: QueryClient, u: WebsiteUpdate) => {
  if (u.status !== 'published' || !u.url || !u.publishedAt) return;
  client.setQueryData<WebsiteUpdate[]>(RECORDED, (old) => [u, ...(old ?? []).filter((p) => p.id !== u.id)]);
};

/**
 * Every website update recorded as published, newest first (those made from common requests name their
 * topic). A page recorded here shows at once, before the projected list catches up a moment later.
 */
export const Published = () => {
  const q = useQuery({
    queryKey: ['website-updates', 'published', ''],
    queryFn: async () => unwrap(await api().GET('/website-updates', { params: { query: { status: 'published' } } })),
  });
  const recorded =
    useQuery({ queryKey: RECORDED, queryFn: () => [] as WebsiteUpdate[], staleTime: Infinity, gcTime: Infinity })
      .data ?? [];
  const listed = q.data?.items ?? [];
  const items = [...recorded.filter((r) => !listed.some((p) => p.id === r.id)), ...listed].sort((a, b) =>
    (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
  );
  return (
    <Table
      header={
        <Header variant="h2" counter={q.data ? `(${items.length})` : undefined} description={t.publishedDescription}>
          {t.published}
        </Header>
      }
      loading={q.isPending && recorded.length === 0}
      loadingText={strings.app.loading}
      items={items}
      wrapLines
      empty={
        <Box textAlign="center">{q.isError ? errorSentence(q.error, t.listPublished) : strings.reports.noData}</Box>
      }
      columnDefinitions={[
        { id: 'title', header: t.titleField, cell: (p) => p.title, isRowHeader: true },
        {
          id: 'url',
          header: t.url,
          cell: (p) =>
            p.url ? (
              <Link href={p.url} external>
                {p.url}
              </Link>
            ) : (
              '—'
            ),
        },
        { id: 'at', header: t.publishedAt, cell: (p) => formatDateTime(p.publishedAt) },
        { id: 'topic', header: t.topic, cell: (p) => p.topic ?? '—' },
        { id: 'answered', header: t.requestsAnswered, cell: (p) => p.requestIds.length },
        { id: 'update', header: t.id, cell: (p) => <UpdateLink id={p.id} /> },
      ]}
    />
  );
};
