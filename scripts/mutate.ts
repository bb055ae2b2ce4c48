// `npm run mutate [-- <folder>… ] [-- <stryker options>]`: StrykerJS over domain/, events/ and verifier/
// (stryker.config.json), one folder at a time, then one line, M1, the mutation score over every folder's
// latest report. Examples:
//   npm run mutate                          every folder (a clean clone: a full run, resumable folder by folder)
//   npm run mutate -- domain/request        one folder; M1 is then over it and the folders measured before
//   npm run mutate -- domain events         every folder of domain/, and events/
//   npm run mutate -- --score               no run: M1 from the reports already there
// Options starting with `--` pass through to Stryker (e.g. `--concurrency 2`).
//
// Why per folder: Stryker's incremental file and JSON report hold only the files of the run that wrote
// them, so a folder run would overwrite the others' results. Each folder keeps its own in
// reports/by-folder/ (gitignored); an interrupted full run loses at most the folder it was in.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mutationFolders, selectFolders, slugOf, type MutationFolder } from './mutate/folders.js';
import { mergeReports, mutantCounts, mutationScore, type MutationReport } from './mutate/score.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const byFolder = 'reports/by-folder';
const reportOf = (f: MutationFolder) => `${byFolder}/${slugOf(f.folder)}.json`;

const args = process.argv.slice(2);
const scoreOnly = args.includes('--score');
const folderArgs = args.filter(
  (a, i) => !a.startsWith('-') && !((args[i - 1] ?? '').startsWith('--') && args[i - 1] !== '--score'),
);
const strykerArgs = args.filter((a) => a !== '--score' && !folderArgs.includes(a));

const all = mutationFolders(root);
const selected = selectFolders(all, folderArgs);
if ('unknown' in selected) {
  console.error(
    `mutate: no such folder: ${selected.unknown.join(', ')} (folders: ${all.map((f) => f.folder).join(', ')})`,
  );
  process.exit(2);
}

/** Runs Stryker over one folder with its own incremental file and reports; false when it did not finish. */
const runFolder = (f: MutationFolder): boolean => {
  const slug = slugOf(f.folder);
  const base = JSON.parse(readFileSync(`${root}stryker.config.json`, 'utf8')) as Record<string, unknown>;
  const { $schema: _schema, ...config } = base;
  const configFile = `${byFolder}/${slug}.stryker.json`;
  writeFileSync(
    `${root}${configFile}`,
    JSON.stringify({
      ...config,
      mutate: f.mutate,
      incrementalFile: `${byFolder}/${slug}.incremental.json`,
      jsonReporter: { fileName: reportOf(f) },
      htmlReporter: { fileName: `${byFolder}/${slug}.html` },
    }),
  );
  console.log(`mutate: ${f.folder}`);
  const stryker = spawnSync(
    process.execPath,
    ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', configFile, ...strykerArgs],
    { cwd: root, stdio: 'inherit' },
  );
  if (stryker.status !== 0)
    console.error(`mutate: Stryker did not finish ${f.folder} (exit ${stryker.status ?? stryker.signal})`);
  return stryker.status === 0;
};

mkdirSync(`${root}${byFolder}`, { recursive: true });
let failed = false;
if (!scoreOnly) for (const f of selected) failed = !runFolder(f) || failed;

const reports: MutationReport[] = [];
const unmeasured: string[] = [];
for (const f of all) {
  const file = `${root}${reportOf(f)}`;
  if (!existsSync(file)) {
    unmeasured.push(f.folder);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as MutationReport;
  const { detected, timedOut, undetected, other } = mutantCounts(report);
  console.log(
    `  ${f.folder.padEnd(18)} ${mutationScore(report).toFixed(2).padStart(6)}  ` +
      `(${detected} detected, ${timedOut} of them by time-out, ${undetected} undetected, ${other} ignored or errors)`,
  );
  reports.push(report);
}
if (reports.length === 0) {
  console.error('mutate: no folder measured yet; no score');
  process.exit(1);
}
if (unmeasured.length > 0) console.log(`  not measured yet (left out of M1): ${unmeasured.join(', ')}`);
console.log(`M1 domain-mutation-score: ${mutationScore(mergeReports(reports)).toFixed(2)} (goal >= 90)`);
process.exit(failed ? 1 : 0);
