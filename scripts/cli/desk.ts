import { Command, CommanderError } from 'commander';
import { loadAgency, type LoadedAgency } from '../../config/load.js';
import { registerAuditCommands } from './audit-commands.js';
import { registerAnchorCommands } from './anchor-commands.js';
import { registerDueDate } from './due-date-command.js';
import { registerIntake } from './intake-command.js';
import { registerPeople } from './people-command.js';
import { registerReport } from './report-command.js';
import { registerScan } from './scan-command.js';
import { registerWebsite } from './website-command.js';

let loaded: LoadedAgency | undefined;
const agency = (): LoadedAgency => (loaded ??= loadAgency());

const program = new Command()
  .name('desk')
  .description('Request Desk command line: due dates, history, verification, projections, reports')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

registerDueDate(program, agency);
registerAuditCommands(program, agency);
registerScan(program);
registerWebsite(program);
registerReport(program, agency);
registerPeople(program, agency);
registerAnchorCommands(program, agency);
registerIntake(program, agency);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  // One line, no stack: the reason is what the operator needs.
  process.stderr.write(`desk: ${(err as Error).message.split('\n')[0]}\n`);
  process.exit(1);
}
