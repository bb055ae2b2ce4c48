import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import DatePicker from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { agencyMidnight, dateParam, nextDate } from '../../commons/agency-time';
import { api, unwrap } from '../../commons/api';
import { PAGE_SIZE, usePagedRequests, type ListQuery } from '../../commons/request-pages';
import { RequestTable } from '../../commons/request-table';
import { useMe } from '../../commons/session';
import { REQUEST_STATUSES } from '../../commons/request-status';
import { landingOf } from '../my-work/landing';
import { strings } from '../../commons/strings';

const f = strings.fields;
const t = strings.requests;
const SLAS = ['on_track', 'at_risk', 'breached', 'met'] as const;
const CHANNELS = ['email', 'web', 'social', 'walk_in', 'phone', 'letter'] as const;

const option = (value: string, label: string): SelectProps.Option => ({ value, label });
const anyOption = option('', f.any);
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

/**
 * Every request, a page at a time from the API, with its filters and search kept in the URL (shareable,
 * survives reload). A division's queue shows its breaches first, above the rest.
 */
export default function Requests() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // A chief lands on their own division's queue; "any" (division=all) shows everyone's.
  const desk = landingOf(me);
  const division = params.get('division') ?? (desk.kind === 'chief' ? desk.division : '');
  const status = oneOf(REQUEST_STATUSES, params.get('status'));
  const sla = oneOf(SLAS, params.get('sla'));
  const channel = oneOf(CHANNELS, params.get('channel'));
  const text = params.get('q')?.trim() ?? '';
  // Received between two dates, both included, counted in the agency's time zone.
  const from = dateParam(params.get('from'));
  const to = dateParam(params.get('to'));
  const query: ListQuery = {
    ...(from ? { receivedFrom: agencyMidnight(from) } : {}),
    ...(to ? { receivedTo: agencyMidnight(nextDate(to)) } : {}),
    ...(status ? { status } : {}),
    ...(sla ? { sla } : {}),
    ...(channel ? { channel } : {}),
    ...(division && division !== 'all' ? { division } : {}),
    ...(text ? { q: text } : {}),
    limit: PAGE_SIZE,
  };
  const queue = Boolean(query.division) && !sla && !text && !status && !from && !to;
  const paged = usePagedRequests(query);
  // Divisions are run-time data (admins add them), so the filter lists what the directory holds now.
  const divisions =
    useQuery({
      queryKey: ['divisions'],
      queryFn: async () => unwrap(await api().GET('/divisions', {})),
      staleTime: 5 * 60_000,
    }).data?.divisions ?? [];
  const breached = usePagedRequests(
    { division: query.division ?? '', sla: 'breached', open: 'true', limit: PAGE_SIZE },
    queue,
  );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const statusOptions = [anyOption, ...REQUEST_STATUSES.map((s) => option(s, strings.status[s] ?? s))];
  const slaOptions = [anyOption, ...SLAS.map((s) => option(s, strings.sla[s] ?? s))];
  const channelOptions = [anyOption, ...CHANNELS.map((c) => option(c, strings.channel[c] ?? c))];
  const divisionOptions = [
    option('all', f.any),
    ...divisions.map((d) => option(d.id, d.name)),
    option('unassigned', f.unassigned),
  ];
  const pick = (label: string, key: string, value: string, options: SelectProps.Option[], fallback = anyOption) => (
    <div style={{ minWidth: 170 }}>
      <Select
        inlineLabelText={label}
        selectedOption={options.find((o) => o.value === value) ?? fallback}
        options={options}
        onChange={(e) => set(key, e.detail.selectedOption.value ?? '')}
      />
    </div>
  );
  const day = (label: string, key: string, value: string | undefined) => (
    <FormField label={label}>
      <DatePicker
        value={value ?? ''}
        onChange={(e) => set(key, e.detail.value)}
        ariaLabel={label}
        openCalendarAriaLabel={(selected) => (selected ? `${label}: ${selected}` : label)}
        placeholder="YYYY/MM/DD"
      />
    </FormField>
  );
  const counter = (p: typeof paged) => (p.loading ? undefined : `(${p.loadedCount}${p.more ? '+' : ''})`);
  const divisionName = divisions.find((d) => d.id === query.division)?.name ?? query.division ?? '';
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          actions={
            me.can.registerRequest ? (
              <Button onClick={() => navigate('/requests/new')}>{strings.nav.newRequest}</Button>
            ) : undefined
          }
        >
          {t.title}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {queue && (
          <RequestTable
            paged={breached}
            label={t.breached(divisionName)}
            header={
              <Header variant="h2" counter={counter(breached)}>
                {t.breached(divisionName)}
              </Header>
            }
            empty={t.breachedEmpty}
          />
        )}
        <RequestTable
          paged={paged}
          label={queue ? t.queue(divisionName) : t.all}
          empty={t.empty}
          search={{ text, onChange: (v) => set('q', v) }}
          header={
            <Header variant="h2" counter={counter(paged)}>
              {queue ? t.queue(divisionName) : t.all}
            </Header>
          }
          filters={
            <>
              {pick(f.status, 'status', status ?? '', statusOptions)}
              {pick(f.sla, 'sla', sla ?? '', slaOptions)}
              {pick(f.division, 'division', division || 'all', divisionOptions)}
              {pick(t.channel, 'channel', channel ?? '', channelOptions)}
              {day(t.receivedFrom, 'from', from)}
              {day(t.receivedTo, 'to', to)}
            </>
          }
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
