import type { Command } from 'commander';
import { loadMonthlyReport } from '../../application/reports.js';
import type { LoadedAgency } from '../../config/load.js';
import { monthlyReportCsv, type Figures } from '../../domain/reports/monthly.js';
import { openDeskTarget } from './context.js';

const line = (name: string, f: Figures) =>
  `${name.padEnd(14)} ${String(f.received).padStart(8)} ${String(f.responded).padStart(9)} ${String(f.respondedOnTime).padStart(7)} ${String(f.breached).padStart(8)} ${String(f.open).padStart(5)} ${String(f.medianWorkingDays ?? '—').padStart(7)} ${String(f.p90WorkingDays ?? '—').padStart(4)}`;

/** `desk report --month YYYY-MM [--format csv|json]`: the same figures as GET /reports/monthly. */
export const registerReport = (program: Command, agency: () => LoadedAgency): void => {
  program
    .command('report')
    .description('the monthly report: received, responded, on time, breached, open, median and p90 working days')
    .requiredOption('--month <YYYY-MM>', 'the month')
    .option('--format <format>', 'table (default), csv or json', 'table')
    .option('--as-of <iso>', 'figures as they stood at this instant (default: now, on the local stack its clock)')
    .action(async (opts: { month: string; format: string; asOf?: string }) => {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new Error(`--month must be YYYY-MM, got ${opts.month}`);
      if (!['table', 'csv', 'json'].includes(opts.format))
        throw new Error(`--format must be csv or json, got ${opts.format}`);
      const { config, calendar } = agency();
      const target = await openDeskTarget(config.calendar.timeZone);
      try {
        const asOf = opts.asOf ?? target.now().toISOString();
        if (Number.isNaN(Date.parse(asOf))) throw new Error(`--as-of is not an ISO-8601 instant: ${asOf}`);
        const { report, previous } = await loadMonthlyReport(target.reportDeps, calendar, opts.month, asOf);
        if (opts.format === 'json')
          return void console.log(JSON.stringify({ ...report, previousMonth: previous }, null, 2));
        if (opts.format === 'csv') return void process.stdout.write(monthlyReportCsv(report, previous));
        console.log(`${config.agency.name} — ${opts.month}`);
        console.log(`${''.padEnd(14)} received responded on-time breached  open  median  p90`);
        console.log(line('all', report.total));
        for (const [k, f] of Object.entries(report.byDivision).sort()) console.log(line(k, f));
        for (const [k, f] of Object.entries(report.byChannel).sort()) console.log(line(`(${k})`, f));
        console.log(line(`${previous.month} all`, previous.total));
      } finally {
        target.close();
      }
    });
};
