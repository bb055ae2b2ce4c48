import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Each function bundled as the CDK stack bundles it (infra/constructs/functions.ts): size in KB and load time. */
export const measureBundles = async (): Promise<{ name: string; kb: number; loadRatio: number }[]> => {
  const out = mkdtempSync(join(tmpdir(), 'desk-bundles-'));
  const names = readdirSync(join(ROOT, 'functions')).filter((d) => statSync(join(ROOT, 'functions', d)).isDirectory() && d !== 'shared' && d !== 'api-routes');
  const timeNode = (args: string[]) => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      spawnSync(process.execPath, args, { stdio: 'ignore', env: { PATH: process.env.PATH } });
      runs.push(performance.now() - t);
    }
    return runs.sort((a, b) => a - b)[2] as number;
  };
  const bare = timeNode(['-e', '']);
  const results = [];
  for (const name of names) {
    const outfile = join(out, name, 'index.mjs');
    await build({
      entryPoints: [join(ROOT, 'functions', name, 'handler.ts')],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      mainFields: ['module', 'main'],
      outfile,
      logLevel: 'silent',
      banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
    });
    const loaded = timeNode(['--input-type=module', '-e', `await import(${JSON.stringify(outfile)})`]);
    results.push({ name, kb: statSync(outfile).size / 1024, loadRatio: loaded / bare });
  }
  return results;
};
