import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { strings } from '../../commons/strings';
import { Incidents } from './incidents';
import { accountColumns } from './account-columns';
import { useAccounts } from './social-api';

const t = strings.social;

/** Life-cycle steps that wait for the Lead (recording posts and evaluations are not "waiting"). */
const WAITING = ['assess', 'approve', 'activate'];

/** The Social Media Lead's landing: open incidents first, then the accounts waiting for a step of theirs. */
export const LeadDesk = () => {
  const accounts = useAccounts();
  const waiting = (accounts.data?.items ?? []).filter(
    (a) => a.status !== 'active' && a.allowedActions.some((x) => WAITING.includes(x)),
  );
  return (
    <SpaceBetween size="l">
      <Incidents openOnly title={t.openIncidents} />
      <Table
        header={<Header counter={`(${waiting.length})`}>{t.needsYou}</Header>}
        loading={accounts.isLoading}
        loadingText={strings.app.loading}
        items={waiting}
        empty={t.nothingWaiting}
        columnDefinitions={[
          ...accountColumns,
          {
            id: 'next',
            header: t.nextStep,
            cell: (a) =>
              a.allowedActions
                .filter((x) => WAITING.includes(x))
                .map((x) => t.actions[x])
                .join(', '),
          },
        ]}
      />
    </SpaceBetween>
  );
};
