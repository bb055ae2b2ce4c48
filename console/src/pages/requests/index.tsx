import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../commons/api';
import { RequestTable } from '../../commons/request-table';
import { can, hasRole, useMe } from '../../commons/session';
import { strings } from '../../commons/strings';
import type { paths } from '../../api/schema';

type ListQuery = NonNullable<paths['/requests']['get']['parameters']['query']>;
const f = strings.fields;
const STATUSES = ['received', 'assigned', 'in_consultation', 'awaiting_clarification', 'responded', 'archived', 'closed'] as const;
const SLAS = ['on_track', 'at_risk', 'breached', 'met'] as const;
const DIVISIONS = ['ict', 'legal', 'ppd', 'unassigned'];

const option = (value: string, label: string): SelectProps.Option => ({ value, label });
const anyOption = option('', f.any);

/** Every request the API lists, with its filters and the search kept in the URL (shareable, survives reload). */
export default function Requests() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const isChief = hasRole(me, 'division_chief');
  // A chief lands on their own division's queue; "any" (division=all) shows everyone's.
  const division = params.get('division') ?? (isChief && me.division ? me.division : '');
  const status = params.get('status') ?? '';
  const sla = params.get('sla') ?? '';
  const text = params.get('q') ?? '';
  const query: ListQuery = {
    ...(status ? { status: status as ListQuery['status'] } : {}),
    ...(sla ? { sla: sla as ListQuery['sla'] } : {}),
    ...(division && division !== 'all' ? { division } : {}),
  };
  const q = useQuery({ queryKey: ['requests', query], queryFn: async () => unwrap(await api().GET('/requests', { params: { query } })) });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  // Breaches first, then soonest due (the API's order).
  const items = [...(q.data?.items ?? [])].sort((a, b) => Number(b.sla === 'breached') - Number(a.sla === 'breached'));
  const statusOptions = [anyOption, ...STATUSES.map((s) => option(s, strings.status[s] ?? s))];
  const slaOptions = [anyOption, ...SLAS.map((s) => option(s, strings.sla[s] ?? s))];
  const divisionOptions = [option('all', f.any), ...DIVISIONS.map((d) => option(d, d === 'unassigned' ? f.unassigned : d))];
  return (
    <RequestTable
      variant="full-page"
      items={items}
      loading={q.isPending}
      empty={q.isError ? q.error.message : strings.requests.empty}
      filterText={text}
      onFilterChange={(v) => set('q', v)}
      header={
        <Header variant="awsui-h1-sticky" counter={q.data ? `(${items.length})` : undefined} actions={can.intake(me) ? <Button onClick={() => navigate('/requests/new')}>{strings.nav.newRequest}</Button> : undefined}>
          {strings.requests.title}
        </Header>
      }
      filters={
        <>
          <div style={{ minWidth: 180 }}>
            <Select inlineLabelText={f.status} selectedOption={statusOptions.find((o) => o.value === status) ?? anyOption} options={statusOptions} onChange={(e) => set('status', e.detail.selectedOption.value ?? '')} />
          </div>
          <div style={{ minWidth: 160 }}>
            <Select inlineLabelText={f.sla} selectedOption={slaOptions.find((o) => o.value === sla) ?? anyOption} options={slaOptions} onChange={(e) => set('sla', e.detail.selectedOption.value ?? '')} />
          </div>
          <div style={{ minWidth: 160 }}>
            <Select inlineLabelText={f.division} selectedOption={divisionOptions.find((o) => o.value === (division || 'all')) ?? anyOption} options={divisionOptions} onChange={(e) => set('division', e.detail.selectedOption.value ?? '')} />
          </div>
        </>
      }
    />
  );
}
