/**
 * `node --import tsx infra/bundle-cli.ts <function> <outdir>`: one function's bundle (infra/bundle.ts),
 * run by `bundleFunction` for synchronous callers such as CDK's local bundling.
 */
import { bundleFunctionAsync, FUNCTIONS } from './bundle.js';

const [name, outdir] = process.argv.slice(2);
if (!name || !outdir || !(FUNCTIONS as readonly string[]).includes(name)) {
  console.error(`usage: bundle-cli.ts <${FUNCTIONS.join('|')}> <outdir>`);
  process.exit(2);
}
await bundleFunctionAsync(name, outdir);
