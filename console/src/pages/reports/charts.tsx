import BarChart from '@cloudscape-design/components/bar-chart';
import Box from '@cloudscape-design/components/box';
import LineChart from '@cloudscape-design/components/line-chart';
import type { Schemas } from '../../commons/api';
import { strings } from '../../commons/strings';

const t = strings.reports;
type Report = Schemas['MonthlyReport'];
/** Breaches are drawn in red everywhere (Cloudscape's chart colour for a high-severity status). */
const BREACHED_RED = '#d63f38';
/** How a division is named on a chart: by its name, never its id. */
type NameOf = (id: string) => string;
const i18n = { filterLabel: 'Filter', filterPlaceholder: 'Filter data', legendAriaLabel: 'Legend', chartAriaRoleDescription: 'chart', detailPopoverDismissAriaLabel: strings.app.close };

/** Received, responded and on time, per division (grouped bars). */
export const PerDivisionChart = ({ report, nameOf }: { report: Report; nameOf: NameOf }) => {
  const divisions = Object.keys(report.byDivision);
  const series = (['received', 'responded', 'respondedOnTime', 'breached'] as const).map((k) => ({
    title: t.figures[k] ?? k,
    type: 'bar' as const,
    ...(k === 'breached' ? { color: BREACHED_RED } : {}),
    data: divisions.map((d) => ({ x: nameOf(d), y: report.byDivision[d]?.[k] ?? 0 })),
  }));
  return <BarChart series={series} xDomain={divisions.map(nameOf)} xTitle={strings.fields.division} yTitle={t.count} height={220} ariaLabel={t.perDivision} i18nStrings={i18n} hideFilter empty={t.noData} xScaleType="categorical" />;
};

/** Working days to respond per division: median and 90th percentile. */
export const DaysChart = ({ report, nameOf }: { report: Report; nameOf: NameOf }) => {
  const divisions = [...Object.keys(report.byDivision), t.total];
  const label = (d: string) => (d === t.total ? d : nameOf(d));
  const value = (d: string, k: 'medianWorkingDays' | 'p90WorkingDays') => (d === t.total ? report.total[k] : report.byDivision[d]?.[k]) ?? 0;
  // Bars of zero would read as "answered the same day": with no response yet there is nothing to measure.
  const answered = report.total.responded > 0;
  // A median of 0 (answered the day it came) is a real figure: it is drawn as a sliver, and read as 0.
  const top = Math.max(1, ...divisions.flatMap((d) => [value(d, 'medianWorkingDays'), value(d, 'p90WorkingDays')]));
  const sliver = top * 0.02;
  const series = answered
    ? (['medianWorkingDays', 'p90WorkingDays'] as const).map((k) => ({
        title: k === 'medianWorkingDays' ? t.median : t.p90,
        type: 'bar' as const,
        data: divisions.map((d) => ({ x: label(d), y: Math.max(value(d, k), sliver) })),
        valueFormatter: (y: number) => (y <= sliver ? '0' : String(y)),
      }))
    : [];
  const empty = (
    <Box textAlign="center" color="inherit">
      <Box variant="strong" color="inherit">{t.noResponses}</Box>
      <Box variant="p" color="text-body-secondary">{t.noResponsesDetail}</Box>
    </Box>
  );
  return <BarChart series={series} xDomain={answered ? divisions.map(label) : undefined} yDomain={answered ? [0, top] : undefined} xTitle={strings.fields.division} yTitle={t.daysToRespond} height={220} ariaLabel={t.daysToRespond} i18nStrings={i18n} hideFilter empty={empty} xScaleType="categorical" />;
};

/** Received and responded on time over the last twelve months. */
export const TrendChart = ({ months }: { months: readonly Report[] }) => {
  const labels = months.map((m) => m.month);
  const series = (['received', 'respondedOnTime', 'breached'] as const).map((k) => ({ title: t.figures[k] ?? k, type: 'line' as const, ...(k === 'breached' ? { color: BREACHED_RED } : {}), data: months.map((m) => ({ x: m.month, y: m.total[k] })) }));
  return <LineChart series={series} xDomain={labels} xScaleType="categorical" xTitle={t.month} yTitle={t.count} height={220} ariaLabel={t.trend} i18nStrings={i18n} hideFilter empty={t.noData} />;
};
