import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import DatePicker from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { api, download, json, unwrap, type Schemas } from '../../commons/api';
import { useDivisions } from '../../commons/divisions';
import { errorSentence } from '../../commons/error-sentence';
import { formatDateTime } from '../../commons/format';
import { RequestLink } from '../../commons/request-table';
import { useMe } from '../../commons/session';
import { strings } from '../../commons/strings';
import { DaysChart, PerDivisionChart, TrendChart } from './charts';
import { ProposeForWebsite } from '../website-updates/propose';

const t = strings.reports;
type Figures = Schemas['MonthlyReport']['total'];
const thisMonth = () => new Date().toISOString().slice(0, 7);
const monthsBack = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
};
const figureKeys = ['received', 'responded', 'respondedOnTime', 'breached', 'open', 'medianWorkingDays', 'p90WorkingDays'] as const;

const Monthly = ({ month }: { month: string }) => {
  const { nameOf } = useDivisions();
  const q = useQuery({ queryKey: ['monthly', month], queryFn: async () => json(unwrap(await api().GET('/reports/monthly', { params: { query: { month } } }))) });
  const trend = useQueries({ queries: monthsBack(month, 12).map((m) => ({ queryKey: ['monthly', m], queryFn: async () => json(unwrap(await api().GET('/reports/monthly', { params: { query: { month: m } } }))) })) });
  const rows: { division: string; f: Figures }[] = q.data ? [...Object.entries(q.data.byDivision).map(([division, f]) => ({ division, f })), { division: t.total, f: q.data.total }] : [];
  const months = trend.flatMap((x) => (x.data ? [x.data] : []));
  return (
    <SpaceBetween size="l">
      <ColumnLayout columns={2}>
        <Container header={<Header variant="h2">{t.perDivision}</Header>}>{q.data ? <PerDivisionChart report={q.data} nameOf={nameOf} /> : <Box>{strings.app.loading}</Box>}</Container>
        <Container header={<Header variant="h2">{t.daysToRespond}</Header>}>{q.data ? <DaysChart report={q.data} nameOf={nameOf} /> : <Box>{strings.app.loading}</Box>}</Container>
      </ColumnLayout>
      <Container header={<Header variant="h2">{t.trend}</Header>}><TrendChart months={months} /></Container>
      <Table
        header={<Header variant="h2" actions={<Button iconName="download" onClick={() => void download(`/reports/monthly?month=${month}&format=csv`, `report-${month}.csv`)}>{t.csv}</Button>}>{`${t.monthly} ${month}`}</Header>}
        loading={q.isPending}
        loadingText={strings.app.loading}
        items={rows}
        empty={<Box textAlign="center">{q.isError ? errorSentence(q.error, t.read) : t.noData}</Box>}
        columnDefinitions={[{ id: 'division', header: strings.fields.division, cell: (r) => (r.division === t.total ? r.division : nameOf(r.division)), isRowHeader: true }, ...figureKeys.map((k) => ({ id: k, header: t.figures[k] ?? k, cell: (r: { division: string; f: Figures }) => (k === 'breached' && r.f[k] > 0 ? <Box color="text-status-error" fontWeight="bold">{r.f[k]}</Box> : (r.f[k] ?? '—')) }))]}
      />
    </SpaceBetween>
  );
};

const Disclosures = () => {
  const { nameOf } = useDivisions();
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? new Date().toISOString().slice(0, 10);
  const from = params.get('from') ?? `${to.slice(0, 4)}-01-01`;
  const set = (k: string, v: string) => { const next = new URLSearchParams(params); next.set(k, v); setParams(next, { replace: true }); };
  const q = useQuery({ queryKey: ['disclosures', from, to], queryFn: async () => json(unwrap(await api().GET('/disclosures', { params: { query: { from, to } } }))) });
  return (
    <Table
      header={<Header variant="h2" counter={q.data ? `(${q.data.items.length})` : undefined} actions={<Button iconName="download" onClick={() => void download(`/disclosures?from=${from}&to=${to}&format=csv`, `disclosures-${from}-${to}.csv`)}>{t.csv}</Button>}>{t.disclosures}</Header>}
      filter={
        <SpaceBetween direction="horizontal" size="s">
          <FormField label={t.from}><DatePicker value={from} onChange={(e) => e.detail.value && set('from', e.detail.value)} ariaLabel={t.from} openCalendarAriaLabel={() => t.from} placeholder="YYYY/MM/DD" /></FormField>
          <FormField label={t.to}><DatePicker value={to} onChange={(e) => e.detail.value && set('to', e.detail.value)} ariaLabel={t.to} openCalendarAriaLabel={() => t.to} placeholder="YYYY/MM/DD" /></FormField>
        </SpaceBetween>
      }
      loading={q.isPending}
      loadingText={strings.app.loading}
      items={[...(q.data?.items ?? [])].reverse()}
      wrapLines
      empty={<Box textAlign="center">{q.isError ? errorSentence(q.error, t.read) : t.noData}</Box>}
      columnDefinitions={[
        { id: 'sent', header: t.sentAt, cell: (r) => formatDateTime(r.sentAt) },
        { id: 'ref', header: strings.fields.reference, cell: (r) => <RequestLink id={r.requestId} />, isRowHeader: true },
        { id: 'division', header: strings.fields.division, cell: (r) => nameOf(r.division) },
        { id: 'by', header: t.sentBy, cell: (r) => r.sentBy },
        { id: 'to', header: t.to_, cell: (r) => r.to.join(', ') },
        { id: 'disposition', header: t.disposition, cell: (r) => strings.actions.dispositions[r.disposition] ?? r.disposition },
        { id: 'files', header: t.files, cell: (r) => r.attachments.map((a) => `${a.filename} (${a.sha256.slice(0, 12)}…)`).join(', ') || '—' },
      ]}
    />
  );
};

const Common = () => {
  const me = useMe();
  const q = useQuery({ queryKey: ['common-requests'], queryFn: async () => unwrap(await api().GET('/reports/common-requests', {})) });
  return (
    <Table
      header={<Header variant="h2">{t.common}</Header>}
      loading={q.isPending}
      loadingText={strings.app.loading}
      items={q.data?.topics ?? []}
      empty={<Box textAlign="center">{q.isError ? errorSentence(q.error, t.read) : t.noData}</Box>}
      columnDefinitions={[
        { id: 'topic', header: t.topic, cell: (r) => r.topic, isRowHeader: true },
        { id: 'count', header: t.count, cell: (r) => r.count },
        { id: 'publishable', header: strings.actions.publishable, cell: (r) => (r.publishable ? '✓' : '—') },
        { id: 'examples', header: t.examples, cell: (r) => <SpaceBetween direction="horizontal" size="xs">{r.examples.map((e) => <RequestLink key={e} id={e} />)}</SpaceBetween> },
        ...(me.can.workOnRequests ? [{ id: 'propose', header: strings.website.nav, cell: (r: NonNullable<typeof q.data>['topics'][number]) => <ProposeForWebsite topic={r.topic} /> }] : []),
      ]}
    />
  );
};

/** Reports: the monthly report (charts, table, CSV) for those who may read it; the disclosure log and common requests for staff. */
export default function Reports() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? thisMonth();
  const tab = params.get('tab') ?? (me.can.monthlyReport ? 'monthly' : 'disclosures');
  const set = (k: string, v: string) => { const next = new URLSearchParams(params); next.set(k, v); setParams(next, { replace: true }); };
  return (
    <ContentLayout header={<Header variant="h1" actions={tab === 'monthly' ? <FormField label={t.month}><DatePicker granularity="month" value={month} onChange={(e) => e.detail.value && set('month', e.detail.value.slice(0, 7))} ariaLabel={t.month} openCalendarAriaLabel={() => t.month} placeholder="YYYY/MM" /></FormField> : undefined}>{t.title}</Header>}>
      <Tabs
        i18nStrings={{ scrollLeftAriaLabel: strings.app.scrollLeft, scrollRightAriaLabel: strings.app.scrollRight }}
        activeTabId={tab}
        onChange={(e) => set('tab', e.detail.activeTabId)}
        tabs={[
          ...(me.can.monthlyReport ? [{ id: 'monthly', label: t.monthly, content: <Monthly month={month} /> }] : []),
          { id: 'disclosures', label: t.disclosures, content: <Disclosures /> },
          { id: 'common', label: t.common, content: <Common /> },
        ]}
      />
    </ContentLayout>
  );
}
