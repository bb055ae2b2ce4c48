// `npm test`: jest (unit, integration, infra), then the console's browser tests (Playwright) — one command.
// With arguments (`npm test -- test/unit/foo.test.ts`, `npm test -- -u test/infra`) only jest runs, with them.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = (cmd, argv) => spawnSync(cmd, argv, { stdio: 'inherit' }).status ?? 1;
const jest = run(process.execPath, [
  '--experimental-vm-modules',
  '--no-warnings=ExperimentalWarning',
  'node_modules/jest/bin/jest.js',
  ...args,
]);
if (jest !== 0 || args.length > 0) process.exit(jest);
process.exit(run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test']));
