import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { formatDate } from '../../commons/format';
import { strings } from '../../commons/strings';
import { accountColumns } from './account-columns';
import { useAccounts } from './social-api';

const t = strings.social;

/** The register of official accounts, each with its life-cycle status. */
export const Register = () => {
  const q = useAccounts();
  const items = q.data?.items ?? [];
  return (
    <Table
      header={<Header counter={q.data ? `(${items.length})` : undefined}>{t.register}</Header>}
      loading={q.isLoading}
      loadingText={strings.app.loading}
      items={items}
      empty={t.noAccounts}
      columnDefinitions={[
        ...accountColumns,
        { id: 'purpose', header: t.purpose, cell: (a) => a.purpose },
        { id: 'evaluation', header: t.evaluationDue, cell: (a) => formatDate(a.evaluationDueAt) },
        { id: 'posts', header: t.posts, cell: (a) => a.postCount },
      ]}
      wrapLines
    />
  );
};
