/**
 * `npx tsx scripts/bench/shim-savings.ts [function…]`: what each bundle shim (infra/shims, named in
 * infra/bundle.ts) saves: every function (or those named) built as deployed and again without that one
 * shim, the JavaScript shipped compared. A shim stays only where it saves at least 25 KB in some function.
 */
import { build, type Metafile } from 'esbuild';
import {
  ALIASES,
  bundleOptions,
  bundlePlugins,
  FILE_REPLACEMENTS,
  FUNCTIONS,
  MODULE_REPLACEMENTS,
} from '../../infra/bundle.js';

const without = <T>(record: Readonly<Record<string, T>>, shim: string) =>
  Object.fromEntries(Object.entries(record).filter(([, to]) => !String(to).endsWith(shim)));

/** KB of JavaScript a function ships, built with one shim file left out (none when `shim` is empty). */
const kbWithout = async (name: string, shim: string): Promise<number> => {
  const options = bundleOptions(name, `/tmp/shim-savings/${name}`);
  const result = await build({
    ...options,
    write: false,
    alias: shim ? without(ALIASES, shim) : ALIASES,
    plugins: bundlePlugins(name, {
      files: shim ? without(FILE_REPLACEMENTS, shim) : FILE_REPLACEMENTS,
      modules: shim ? without(MODULE_REPLACEMENTS, shim) : MODULE_REPLACEMENTS,
    }),
  });
  const outputs = (result.metafile as Metafile).outputs;
  return Object.entries(outputs).reduce((kb, [file, o]) => (file.endsWith('.mjs') ? kb + o.bytes / 1024 : kb), 0);
};

const shims = [
  ...new Set(
    [...Object.values(ALIASES), ...Object.values(MODULE_REPLACEMENTS), ...Object.values(FILE_REPLACEMENTS)]
      .filter((to) => to.includes('infra/shims/'))
      .map((to) => to.slice(to.indexOf('infra/shims/'))),
  ),
];
const names = process.argv.slice(2).length ? process.argv.slice(2) : [...FUNCTIONS];
const base = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await kbWithout(n, '')] as const)));
for (const shim of shims) {
  const saved: [string, number][] = [];
  for (const n of names) saved.push([n, (await kbWithout(n, shim)) - (base[n] as number)]);
  const [most, kb] = saved.reduce((a, b) => (b[1] > a[1] ? b : a));
  console.log(`${shim.padEnd(42)} saves ${kb.toFixed(1).padStart(6)} KB at most (${most})`);
}
