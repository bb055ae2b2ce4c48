import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { strings } from '../../commons/strings';
import { UpdateLink } from './queue';

const t = strings.website;

/** What was published because people kept asking (GET /published), newest first. */
export const Published = () => {
  const q = useQuery({ queryKey: ['published'], queryFn: async () => unwrap(await api().GET('/published', {})) });
  return (
    <Table
      header={<Header variant="h2" counter={q.data ? `(${q.data.count})` : undefined} description={t.publishedDescription}>{t.published}</Header>}
      loading={q.isPending}
      loadingText={strings.app.loading}
      items={q.data?.items ?? []}
      wrapLines
      empty={<Box textAlign="center">{q.isError ? q.error.message : strings.reports.noData}</Box>}
      columnDefinitions={[
        { id: 'topic', header: t.topic, cell: (p) => p.topic, isRowHeader: true },
        { id: 'title', header: t.titleField, cell: (p) => p.title },
        { id: 'url', header: t.url, cell: (p) => <Link href={p.url} external>{p.url}</Link> },
        { id: 'at', header: t.publishedAt, cell: (p) => formatDateTime(p.publishedAt) },
        { id: 'answered', header: t.requestsAnswered, cell: (p) => p.requestsAnswered },
        { id: 'update', header: t.id, cell: (p) => <UpdateLink id={p.updateId} /> },
      ]}
    />
  );
};
