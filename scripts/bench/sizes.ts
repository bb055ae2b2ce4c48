/**
 * Prints each function's bundle size (as deployed, infra/bundle.ts) and, with `--packages`, its heaviest
 * packages from the esbuild metafile, with `--files` its heaviest files:
 * `TOP=<n> npx tsx scripts/bench/sizes.ts [--packages] [--files] [name…]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFunctionAsync, FUNCTIONS } from '../../infra/bundle.js';

const args = process.argv.slice(2);
const packages = args.includes('--packages');
const files = args.includes('--files');
const names = args.filter((a) => !a.startsWith('--'));
const dir = mkdtempSync(join(tmpdir(), 'desk-sizes-'));
try {
  for (const name of names.length ? names : FUNCTIONS) {
    const built = await bundleFunctionAsync(name, join(dir, name));
    console.log(`${name}: ${(built.bytes / 1024).toFixed(0)} KB`);
    if (!packages && !files) continue;
    const byKey = new Map<string, number>();
    for (const out of Object.values(built.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
        const key = files ? input.replace(/^.*node_modules\//, '') : m ? m[1]! : input.split('/').slice(0, 2).join('/');
        byKey.set(key, (byKey.get(key) ?? 0) + bytesInOutput);
      }
    }
    const kb = (bytes: number) =>
      files ? (bytes / 1024).toFixed(1).padStart(6) : (bytes / 1024).toFixed(0).padStart(5);
    for (const [key, bytes] of [...byKey].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 15)))
      console.log(`  ${kb(bytes)} KB  ${key}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
