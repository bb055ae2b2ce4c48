import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { agencyMonth } from '../../commons/agency-time';
import { api, json, unwrap } from '../../commons/api';
import { errorSentence } from '../../commons/error-sentence';
import { strings } from '../../commons/strings';

const t = strings.myWork;
/** The same query as the Reports page's: opening the full report shows these at once. */
const monthly = (month: string) => ({
  queryKey: ['monthly', month],
  queryFn: async () => json(unwrap(await api().GET('/reports/monthly', { params: { query: { month } } }))),
});
const monthName = (month: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** The month's figures for the whole agency (the monthly report's totals): the head of agency's landing. */
export const MonthFigures = () => {
  const navigate = useNavigate();
  // "This month" is the system's: the report says when it was counted (`asOf`); should that fall in another
  // month than this browser's clock says (a clock set wrong, a test stack's moved clock), that month is read.
  const guess = agencyMonth();
  const first = useQuery(monthly(guess));
  const month = first.data ? agencyMonth(new Date(first.data.asOf)) : guess;
  const q = useQuery({ ...monthly(month), enabled: Boolean(first.data) });
  const total = q.data?.total;
  const figure = (label: string, value: number | null | undefined, testId: string, alarm = false) => (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <Box
        variant="awsui-value-large"
        color={alarm && (value ?? 0) > 0 ? 'text-status-error' : 'inherit'}
        data-testid={testId}
      >
        {value ?? '—'}
      </Box>
    </div>
  );
  return (
    <Container
      header={
        <Header
          variant="h2"
          actions={<Button onClick={() => navigate(`/reports?month=${month}`)}>{t.fullReport}</Button>}
        >
          {t.figures(monthName(month))}
        </Header>
      }
    >
      {first.isError || q.isError ? (
        <Box color="text-status-error">{errorSentence(first.error ?? q.error, strings.errors.loadFigures)}</Box>
      ) : !total ? (
        <Box>{strings.app.loading}</Box>
      ) : (
        <ColumnLayout columns={3} variant="text-grid" minColumnWidth={140}>
          {figure(strings.reports.figures.received ?? '', total.received, 'figure-received')}
          {figure(strings.reports.figures.responded ?? '', total.responded, 'figure-responded')}
          {figure(strings.reports.figures.respondedOnTime ?? '', total.respondedOnTime, 'figure-on-time')}
          {figure(strings.reports.figures.breached ?? '', total.breached, 'figure-breached', true)}
          {figure(strings.reports.figures.open ?? '', total.open, 'figure-open')}
          {figure(t.medianDays, total.medianWorkingDays, 'figure-median')}
        </ColumnLayout>
      )}
    </Container>
  );
};
