// `npm run mutate [-- <stryker options>]`: StrykerJS over domain/, events/ and verifier/ (stryker.config.json),
// then one line, M1, the mutation score from its JSON report. Options pass through to Stryker, e.g.
// `npm run mutate -- --mutate 'domain/sla/**/*.ts'` to work on one folder.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mutationScore, type MutationReport } from './mutate/score.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const report = `${root}reports/mutation/mutation.json`;

const stryker = spawnSync(
  process.execPath,
  ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', 'stryker.config.json', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (stryker.status !== 0 || !existsSync(report)) {
  console.error(`mutate: Stryker did not finish (exit ${stryker.status ?? stryker.signal}); no score`);
  process.exit(stryker.status || 1);
}
const score = mutationScore(JSON.parse(readFileSync(report, 'utf8')) as MutationReport);
console.log(`M1 domain-mutation-score: ${score.toFixed(2)} (goal >= 90)`);
