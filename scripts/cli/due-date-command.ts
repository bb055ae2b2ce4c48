import type { Command } from 'commander';
import { computeDueDate, type DueDate } from '../../domain/calendar/due-date.js';
import type { LoadedAgency } from '../../config/load.js';

const render = (due: DueDate): string =>
  [
    `received ${due.receivedAt}; day 0 is ${due.dayZero}; due ${due.dueAt} (${due.workingDays} working days)`,
    ...due.explanation.map((l) => `  ${l.date} ${l.weekday}  ${l.kind.padEnd(8)}  ${l.reason}`),
  ].join('\n');

/** `desk due-date --received ISO [--explain] [--json]`: the due date under the agency calendar. */
export const registerDueDate = (program: Command, agency: () => LoadedAgency): void => {
  program
    .command('due-date')
    .description('print the due date of a request received at the given instant')
    .requiredOption('--received <iso>', 'when the request was received, ISO-8601 with offset')
    .option('--explain', 'list day 0 and each day counted or skipped, with why')
    .option('--json', 'print the full result as JSON')
    .action((opts: { received: string; explain?: boolean; json?: boolean }) => {
      const { calendar, config } = agency();
      const due = computeDueDate(calendar, opts.received, config.sla.responseWorkingDays);
      if (opts.json) console.log(JSON.stringify(due, null, 2));
      else console.log(opts.explain ? render(due) : due.dueAt);
    });
};
