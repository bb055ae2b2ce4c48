/**
 * Prints each function's bundle size (as deployed, infra/bundle.ts) and, with `--packages`, its heaviest
 * packages from the esbuild metafile: `npx tsx scripts/bench/sizes.ts [--packages] [name…]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFunctionAsync, FUNCTIONS } from '../../infra/bundle.js';

const args = process.argv.slice(2);
const packages = args.includes('--packages');
const names = args.filter((a) => !a.startsWith('--'));
const dir = mkdtempSync(join(tmpdir(), 'desk-sizes-'));
try {
  for (const name of names.length ? names : FUNCTIONS) {
    const built = await bundleFunctionAsync(name, join(dir, name));
    console.log(`${name}: ${(built.bytes / 1024).toFixed(0)} KB`);
    if (!packages) continue;
    const byPackage = new Map<string, number>();
    for (const out of Object.values(built.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
        const key = m ? m[1]! : input.split('/').slice(0, 2).join('/');
        byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
      }
    }
    for (const [key, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 15))) console.log(`  ${(bytes / 1024).toFixed(0).padStart(5)} KB  ${key}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
