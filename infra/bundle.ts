/**
 * The functions' bundling step, shared by the CDK stack (infra/constructs/functions.ts) and the bench
 * (scripts/bench/bundles.ts), so what is measured is what is deployed. One esbuild build per function:
 * ESM for Node 24 (the functions' runtime), minified, the AWS SDK inside (it loads faster than the runtime's copy), code split
 * at dynamic imports (a handler loads its wiring on the first request, not at init), aliases and
 * plugins that swap heavy dependencies for small shims or let esbuild drop what is never run
 * (infra/bundle-plugins.ts), a metafile for size reports, and source maps written beside the code for
 * offline decoding (not loaded at run time).
 *
 * Adding a function: a folder `functions/<name>/handler.ts` and one entry in {@link FUNCTIONS}.
 */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  libmimeTypes,
  replaceDynamicImports,
  replaceFiles,
  replaceModules,
  sdkPackageVersions,
  sdkPartitions,
  sdkSchemaKeys,
  sideEffectFree,
  zodJsonSchemaLeftOut,
} from './bundle-plugins.js';
import { writeValidatedConfig } from '../config/load.js';
import { VALIDATED_FILE } from '../config/validated.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every deployed function: a folder under functions/ with `handler.ts` exporting `handler`. */
export const FUNCTIONS = [
  'api',
  'projector',
  'mail-dispatcher',
  'mailer',
  'ses-events',
  'intake',
  'sla-scan',
  'notifier',
  'monthly-report',
  'anchor',
  'anchor-heads',
  'directory-sync',
] as const;

/**
 * Files a function serves from beside its code: read from disk when asked for, never imported, so
 * they cost nothing at start (GET /docs serves the API reference's script itself: no CDN).
 */
export const FUNCTION_FILES: Readonly<Partial<Record<string, readonly (readonly [from: string, to: string])[]>>> = {
  api: [['node_modules/@scalar/api-reference/dist/browser/standalone.js', 'docs/scalar.js']],
};

/**
 * Modules replaced in every bundle by smaller code, or by one copy of themselves, with the same results
 * for what the functions use of them (test/infra/bundle.test.ts parses the mail corpus with and without).
 */
export const ALIASES: Record<string, string> = {
  '@aws-sdk/credential-provider-node': join(ROOT, 'infra/shims/aws-credentials.ts'),
  bowser: join(ROOT, 'infra/shims/bowser.ts'),
  // mailparser imports libmime's ESM build and mailsplit requires its CommonJS build: the same code
  // twice (~85 KB). One copy, the CommonJS one, serves both.
  libmime: join(ROOT, 'node_modules/libmime/dist/cjs/libmime.js'),
  // Node's TextDecoder (full ICU) instead of code tables; what differs is listed in the shim and README.
  'iconv-lite': join(ROOT, 'infra/shims/iconv-lite.ts'),
  'encoding-japanese': join(ROOT, 'infra/shims/encoding-japanese.ts'),
  he: join(ROOT, 'infra/shims/he.ts'),
  // mailparser's link finder for textAsHtml, which the intake turns off (skipTextToHtml).
  'linkify-it': join(ROOT, 'infra/shims/linkify-it.ts'),
  tlds: join(ROOT, 'infra/shims/tlds.ts'),
  // The S3 client imports it to build an event-stream marshaller it never uses (no event-stream operation
  // is called); the SDK's dynamic import of it for such an operation gets the same stand-in, which refuses.
  '@smithy/core/event-streams': join(ROOT, 'infra/shims/smithy-event-streams.ts'),
  // DynamoDB's endpoint-discovery cache: the same least-recently-used cache on a Map.
  'mnemonist/lru-cache': join(ROOT, 'infra/shims/lru-cache.ts'),
};

/**
 * Modules replaced by exactly this name only (an alias would also rewrite the package's subpaths).
 */
export const MODULE_REPLACEMENTS: Readonly<Record<string, string>> = {
  // The API's idempotency store reads its key and fingerprint with JMESPath field paths only.
  '@aws-lambda-powertools/jmespath': join(ROOT, 'infra/shims/jmespath-search.ts'),
};

/**
 * Files inside packages replaced by smaller code with the same results for what the functions use of them
 * (paths from the project root; esbuild's `alias` cannot reach a package's relative imports).
 */
export const FILE_REPLACEMENTS: Readonly<Record<string, string>> = {
  'node_modules/nodemailer/dist/esm/mime-funcs/mime-types.js': 'infra/shims/nodemailer-mime-types.ts',
  'node_modules/nodemailer/dist/esm/fetch/index.js': 'infra/shims/nodemailer-fetch.ts',
  // Pure-JS hashes the SDK's Node hashes fall back on when node:crypto lacks the algorithm (never on Lambda).
  'node_modules/@smithy/core/dist-es/submodules/checksum/sha256/Sha256Js.js': 'infra/shims/js-hash-fallbacks.ts',
  'node_modules/@smithy/core/dist-es/submodules/checksum/md5/Md5Js.js': 'infra/shims/js-hash-fallbacks.ts',
  'node_modules/@aws-sdk/checksums/dist-es/submodules/sha/sha1/Sha1Js.js': 'infra/shims/js-hash-fallbacks.ts',
  // S3's XML request bodies: none of the S3 operations the functions call has one.
  'node_modules/@aws-sdk/core/dist-es/submodules/protocols/xml/XmlShapeSerializer.js':
    'infra/shims/xml-shape-serializer.ts',
};

/**
 * Modules replaced where they are imported dynamically (`await import(…)`), not where imported statically.
 * None today: `@smithy/core/event-streams`, once here, is in {@link ALIASES} (the S3 client imports it statically too).
 */
export const DYNAMIC_REPLACEMENTS: Readonly<Record<string, string>> = {};

/**
 * Packages whose modules have no side effects although their package.json does not say so (astronomia,
 * Powertools idempotency: the API imports its error classes at start and the rest on the first POST), or
 * says so only at the root while the ESM folder's own package.json hides it (entities).
 */
export const SIDE_EFFECT_FREE = ['astronomia', 'entities', '@aws-lambda-powertools/idempotency'] as const;

/**
 * The functions that generate JSON Schema from zod schemas at run time: none. The API's /openapi.json is
 * generated when the API is bundled ({@link GENERATED_FILES}); every function is bundled without zod's JSON
 * Schema code, whose stand-ins throw if ever called.
 */
export const JSON_SCHEMA_FUNCTIONS: readonly string[] = [];

/**
 * Files a function's bundle carries that a script writes at build time, from the same sources: the API's
 * OpenAPI document (`scripts/openapi.ts`, read by functions/api/openapi/prebuilt.ts on first ask).
 */
export const GENERATED_FILES: Readonly<Partial<Record<string, readonly (readonly [script: string, to: string])[]>>> = {
  api: [['scripts/openapi.ts', 'openapi.json']],
};

/**
 * The plugins of a function's build (of one that generates no JSON Schema when no name is given); `shims`
 * replaces the file and module replacements (scripts/bench/shim-savings.ts builds without each in turn).
 */
export const bundlePlugins = (
  name?: string,
  shims: { readonly files: Readonly<Record<string, string>>; readonly modules: Readonly<Record<string, string>> } = {
    files: FILE_REPLACEMENTS,
    modules: MODULE_REPLACEMENTS,
  },
): Plugin[] => [
  sdkSchemaKeys,
  sideEffectFree(SIDE_EFFECT_FREE),
  replaceFiles(ROOT, shims.files),
  replaceDynamicImports(DYNAMIC_REPLACEMENTS),
  replaceModules(shims.modules),
  libmimeTypes,
  sdkPackageVersions,
  sdkPartitions,
  ...(name !== undefined && JSON_SCHEMA_FUNCTIONS.includes(name) ? [] : [zodJsonSchemaLeftOut]),
];

/** esbuild options for one function (exported for tests and tools that need the same build). */
export const bundleOptions = (name: string, outdir: string): BuildOptions => ({
  entryPoints: { index: join(ROOT, 'functions', name, 'handler.ts') },
  bundle: true,
  minify: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  alias: ALIASES,
  plugins: bundlePlugins(name),
  sourcemap: 'external',
  sourcesContent: false,
  metafile: true,
  legalComments: 'none',
  // Non-ASCII text (code tables, entity names, TLDs) as UTF-8 bytes, not 6-byte \u escapes; Node reads sources as UTF-8.
  charset: 'utf8',
  logLevel: 'warning',
  // ESM bundles of CommonJS dependencies still call require().
  banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
});

/**
 * The agency configuration a function carries: `AGENCY_CONFIG_DIR`, as infra/app.ts reads it for the stack
 * (so the functions run with the agency the stack was made for), else the NECS sample. It is copied to
 * `<outdir>/necs`, the folder config/load.ts reads beside the code by default, whatever the agency.
 */
export const agencySourceDir = (): string => {
  const dir = process.env.AGENCY_CONFIG_DIR;
  return dir ? resolve(dir) : join(ROOT, 'config/necs');
};

export interface BundleResult {
  readonly name: string;
  readonly outdir: string;
  /** JavaScript shipped (entry and chunks, no maps, no configuration), in bytes. */
  readonly bytes: number;
  readonly metafile: Metafile;
}

/** JavaScript bytes in a bundle directory (entry and chunks; no maps, no configuration). */
const javascriptBytes = (outdir: string): number =>
  readdirSync(outdir)
    .filter((f) => f.endsWith('.mjs'))
    .reduce((sum, f) => sum + statSync(join(outdir, f)).size, 0);

/**
 * Bundles one function into `outdir` (emptied first): `index.mjs` (handler `index.handler`), its chunks,
 * their `.map` files, `metafile.json`, and the agency configuration that config/load.ts reads beside it
 * (with its validated form, config/validated.ts).
 */
export const bundleFunctionAsync = async (name: string, outdir: string): Promise<BundleResult> => {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build(bundleOptions(name, outdir));
  const metafile = result.metafile as Metafile;
  writeFileSync(join(outdir, 'metafile.json'), JSON.stringify(metafile));
  cpSync(agencySourceDir(), join(outdir, 'necs'), { recursive: true });
  cpSync(join(ROOT, 'config/holidays'), join(outdir, 'holidays'), { recursive: true });
  // Validated here, with config/load.ts's own parsers (a broken configuration fails the build with their
  // message), so that a cold start reads the result instead of validating again.
  writeValidatedConfig(join(outdir, 'necs'), join(outdir, 'holidays'), join(outdir, VALIDATED_FILE));
  for (const [from, to] of FUNCTION_FILES[name] ?? []) cpSync(join(ROOT, from), join(outdir, to));
  for (const [script, to] of GENERATED_FILES[name] ?? [])
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, script), '--out', join(outdir, to)], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'], // its progress line is noise in a build; a failure throws with it
    });
  return { name, outdir, bytes: javascriptBytes(outdir), metafile };
};

/**
 * {@link bundleFunctionAsync} for synchronous callers (CDK's local bundling is synchronous, and esbuild
 * runs plugins only in its asynchronous `build`): the same build in a child Node process
 * (infra/bundle-cli.ts), read back from `outdir`.
 */
export const bundleFunction = (name: string, outdir: string): BundleResult => {
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'infra/bundle-cli.ts'), name, outdir], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const metafile = JSON.parse(readFileSync(join(outdir, 'metafile.json'), 'utf8')) as Metafile;
  return { name, outdir, bytes: javascriptBytes(outdir), metafile };
};
