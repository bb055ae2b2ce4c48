import Box from '@cloudscape-design/components/box';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Header from '@cloudscape-design/components/header';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../commons/api';
import { formatDate } from '../../commons/format';
import { ConsoleLink } from '../../commons/request-link';
import { strings } from '../../commons/strings';
import { CurrentDue, SlaIndicator } from './sla-status';
import { WEBSITE_STATUSES, type WebsiteStatus } from './website-api';
import { errorSentence } from '../../commons/error-sentence';
import { DivisionName } from '../../commons/division-name';

const t = strings.website;

/** A website update's id, linking to its page. */
export const UpdateLink = ({ id }: { id: string }) => <ConsoleLink to={`/website-updates/${id}`}>{id}</ConsoleLink>;

/** The queue (GET /website-updates), soonest due first, filtered by status and division in the address. */
export const Queue = () => {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as WebsiteStatus | '';
  const division = params.get('division') ?? '';
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const q = useQuery({
    queryKey: ['website-updates', status, division],
    queryFn: async () =>
      unwrap(
        await api().GET('/website-updates', {
          params: { query: { ...(status ? { status } : {}), ...(division ? { division } : {}) } },
        }),
      ),
    refetchInterval: 15_000,
  });
  const divisions = useQuery({
    queryKey: ['divisions'],
    queryFn: async () => unwrap(await api().GET('/divisions', {})),
    staleTime: 300_000,
  });
  const statusOptions = [
    { value: '', label: t.allStatuses },
    ...WEBSITE_STATUSES.map((s) => ({ value: s, label: t.statuses[s] ?? s })),
  ];
  const divisionOptions = [
    { value: '', label: t.allDivisions },
    ...(divisions.data?.divisions ?? []).map((d) => ({ value: d.id, label: d.name })),
  ];
  return (
    <Table
      header={
        <Header variant="h2" counter={q.data ? `(${q.data.count})` : undefined}>
          {t.queue}
        </Header>
      }
      filter={
        <SpaceBetween direction="horizontal" size="s">
          <Select
            selectedOption={statusOptions.find((o) => o.value === status) ?? null}
            options={statusOptions}
            onChange={(e) => set('status', e.detail.selectedOption.value ?? '')}
            ariaLabel={t.filterStatus}
            inlineLabelText={t.filterStatus}
          />
          <Select
            selectedOption={divisionOptions.find((o) => o.value === division) ?? { value: division, label: division }}
            options={divisionOptions}
            onChange={(e) => set('division', e.detail.selectedOption.value ?? '')}
            ariaLabel={t.filterDivision}
            inlineLabelText={t.filterDivision}
          />
        </SpaceBetween>
      }
      loading={q.isPending}
      loadingText={strings.app.loading}
      items={q.data?.items ?? []}
      wrapLines
      empty={<Box textAlign="center">{q.isError ? errorSentence(q.error, strings.errors.loadList) : t.empty}</Box>}
      columnDefinitions={[
        { id: 'id', header: t.id, cell: (u) => <UpdateLink id={u.id} />, isRowHeader: true, minWidth: 170 },
        { id: 'title', header: t.titleField, cell: (u) => u.title, maxWidth: 320 },
        { id: 'kind', header: t.kind, cell: (u) => t.kinds[u.kind] ?? u.kind },
        { id: 'division', header: strings.fields.division, cell: (u) => <DivisionName id={u.division} /> },
        { id: 'status', header: strings.fields.status, cell: (u) => t.statuses[u.status] ?? u.status },
        { id: 'sla', header: strings.fields.sla, cell: (u) => <SlaIndicator status={u.sla.current} />, minWidth: 120 },
        { id: 'due', header: t.due, cell: (u) => <CurrentDue update={u} /> },
        { id: 'event', header: t.eventDate, cell: (u) => formatDate(u.eventDate) },
      ]}
    />
  );
};
