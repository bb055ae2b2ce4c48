import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import type { RequestView } from '../../commons/api';
import { myWorkCounted, myWorkQuery, unassignedQuery, usePagedRequests } from '../../commons/request-pages';
import { RequestTable } from '../../commons/request-table';
import { hasRole, useMe } from '../../commons/session';
import { strings } from '../../commons/strings';

const t = strings.myWork;
const KINDS = ['breached', 'at_risk', 'on_track', 'paused'] as const;

/** A request's place in the counts: waiting on the requester first (its clock is stopped), else its SLA. */
const kindOf = (r: RequestView): (typeof KINDS)[number] | undefined => (r.pausedAt ? 'paused' : KINDS.find((k) => k === r.sla));

/** What is on my desk: the open requests I hold or was asked about (the API's `assignee=me`), counted by SLA status; for intake, the unassigned too. */
export default function MyWork() {
  const me = useMe();
  const mine = usePagedRequests(myWorkQuery);
  const counted = useQuery(myWorkCounted());
  const intake = hasRole(me, 'intake_officer');
  const unassigned = usePagedRequests(unassignedQuery, intake);
  const all = counted.data?.items ?? [];
  const over = Boolean(counted.data?.nextCursor);
  return (
    <ContentLayout header={<Header variant="h1" description={t.description}>{t.title}</Header>}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">{t.counts}</Header>}>
          <ColumnLayout columns={4} variant="text-grid" minColumnWidth={120}>
            {KINDS.map((k) => (
              <div key={k}>
                <Box variant="awsui-key-label">{strings.sla[k]}</Box>
                <Box variant="awsui-value-large" data-testid={`count-${k}`}>{counted.data ? `${all.filter((r) => kindOf(r) === k).length}${over ? '+' : ''}` : '…'}</Box>
              </div>
            ))}
          </ColumnLayout>
        </Container>
        <RequestTable paged={mine} label={t.mine} header={<Header variant="h2" counter={mine.loading ? undefined : `(${mine.loadedCount}${mine.more ? '+' : ''})`}>{t.mine}</Header>} empty={t.empty} />
        {intake && <RequestTable paged={unassigned} label={t.unassigned} header={<Header variant="h2" counter={unassigned.loading ? undefined : `(${unassigned.loadedCount}${unassigned.more ? '+' : ''})`}>{t.unassigned}</Header>} empty={t.unassignedEmpty} />}
      </SpaceBetween>
    </ContentLayout>
  );
}
