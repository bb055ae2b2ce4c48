import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { formatDateTime } from '../../commons/format';
import { strings } from '../../commons/strings';
import { ConsoleLink } from '../../commons/request-link';
import { accountName, useAccounts, useIncidents } from './social-api';
import { Severity } from './status';

const t = strings.social;

/** Incidents on the accounts (open ones only, for the Lead's landing). */
export const Incidents = ({ openOnly = false, title = t.incidents }: { openOnly?: boolean; title?: string }) => {
  const q = useIncidents(openOnly ? 'open' : undefined);
  const accounts = useAccounts().data?.items ?? [];
  const nameOf = (id: string) => {
    const a = accounts.find((x) => x.id === id);
    return a ? accountName(a, t.platforms) : id;
  };
  const items = q.data?.items ?? [];
  return (
    <Table
      header={<Header counter={q.data ? `(${items.length})` : undefined}>{title}</Header>}
      loading={q.isLoading}
      loadingText={strings.app.loading}
      items={items}
      empty={t.noIncidents}
      wrapLines
      columnDefinitions={[
        {
          id: 'title',
          header: t.incidentTitle,
          cell: (i) => <ConsoleLink to={`/social/accounts/${i.account}`}>{i.title}</ConsoleLink>,
        },
        { id: 'severity', header: t.severity, cell: (i) => <Severity severity={i.severity} /> },
        { id: 'account', header: t.account, cell: (i) => nameOf(i.account) },
        { id: 'openedAt', header: t.openedAt, cell: (i) => formatDateTime(i.openedAt) },
        { id: 'status', header: t.status, cell: (i) => (i.status === 'open' ? t.open : t.closed) },
        { id: 'lastAction', header: t.actionTaken, cell: (i) => i.actions.at(-1)?.text ?? '—' },
      ]}
    />
  );
};
