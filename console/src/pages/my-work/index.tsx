import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type RequestView } from '../../commons/api';
import { RequestTable } from '../../commons/request-table';
import { hasRole, useMe } from '../../commons/session';
import type { Me } from '../../commons/auth';
import { strings } from '../../commons/strings';

const t = strings.myWork;
const OPEN = new Set(['received', 'assigned', 'in_consultation', 'awaiting_clarification', 'responded']);

/** What is on my desk: requests I hold; for chiefs and officers their division's unheld ones; for intake, the unassigned. */
const mine = (me: Me, r: RequestView) => {
  if (!OPEN.has(r.status)) return false;
  if (r.assignee === me.userId) return true;
  if (r.consultations.some((c) => c.person === me.userId)) return true;
  if ((r.asked ?? []).some((a) => a.person === me.userId)) return true; // asked for their view (see consultation-forms)
  if (hasRole(me, 'intake_officer') && !r.division) return true;
  if (hasRole(me, 'division_chief', 'division_officer') && r.division === me.division && !r.assignee) return true;
  return false;
};

export default function MyWork() {
  const me = useMe();
  const [filter, setFilter] = useState('');
  const q = useQuery({ queryKey: ['requests', 'all'], queryFn: async () => unwrap(await api().GET('/requests', {})) });
  const items = (q.data?.items ?? []).filter((r) => mine(me, r));
  const counts = (['breached', 'at_risk', 'on_track', 'paused'] as const).map((s) => ({
    s,
    n: items.filter((r) => (s === 'paused' ? Boolean(r.pausedAt) : r.sla === s && !r.pausedAt)).length,
  }));
  return (
    <ContentLayout header={<Header variant="h1" description={t.description}>{t.title}</Header>}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">{t.counts}</Header>}>
          <ColumnLayout columns={4} variant="text-grid">
            {counts.map(({ s, n }) => (
              <div key={s}>
                <Box variant="awsui-key-label">{strings.sla[s]}</Box>
                <Box variant="awsui-value-large" data-testid={`count-${s}`}>{n}</Box>
              </div>
            ))}
          </ColumnLayout>
        </Container>
        <RequestTable items={items} loading={q.isPending} header={<Header counter={`(${items.length})`}>{strings.nav.requests}</Header>} empty={q.isError ? q.error.message : t.empty} filterText={filter} onFilterChange={setFilter} />
      </SpaceBetween>
    </ContentLayout>
  );
}
