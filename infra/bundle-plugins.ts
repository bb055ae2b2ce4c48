/**
 * esbuild plugins of the bundling step (infra/bundle.ts): each lets esbuild drop code the functions never
 * run, without changing what the code that stays does.
 */
import type { Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';

/** `const _hH = "httpHeader";` lines of a generated AWS SDK schema file. */
const SCHEMA_NAME = /^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm;
/** An object key computed from one of those names: `{ [_hH]: _xaa }`. */
const COMPUTED_KEY = /\[(_\w+)\]:/g;

/**
 * Writes the computed keys of an AWS SDK client's generated schemas (`{ [_hH]: _xaa }`, where `_hH` is a
 * module constant holding `"httpHeader"`) as the string they hold (`{ "httpHeader": _xaa }`): the same
 * objects, but esbuild treats a computed key as possibly running code, so it kept every schema of the
 * service (S3: ~60 KB of 900 operations' shapes) although a function uses three commands. With plain keys
 * the schemas no command of ours reaches are dropped. Exported for the test that checks the rewrite.
 */
export const inlineSchemaKeys = (source: string): string => {
  const names = new Map([...source.matchAll(SCHEMA_NAME)].map((m) => [m[1]!, m[2]!] as const));
  return source.replace(COMPUTED_KEY, (whole, name: string) => {
    const literal = names.get(name);
    return literal === undefined ? whole : `${literal}:`;
  });
};

/** {@link inlineSchemaKeys} applied to every `@aws-sdk/client-*` schema file (ESM builds). */
export const sdkSchemaKeys: Plugin = {
  name: 'sdk-schema-keys',
  setup(build) {
    build.onLoad({ filter: /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, (args) => ({
      contents: inlineSchemaKeys(readFileSync(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

/**
 * Marks the modules of packages that declare nothing about side effects, but have none, as side-effect
 * free, so esbuild drops the ones nothing uses (astronomia's index re-exports 60 modules; the calendar
 * uses the Sun's and Moon's positions and the Julian day).
 */
export const sideEffectFree = (packages: readonly string[]): Plugin => {
  const inPackage = new RegExp(`[\\\\/]node_modules[\\\\/](?:${packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})[\\\\/]`);
  return {
    name: 'side-effect-free',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'side-effect-free' || args.kind === 'entry-point') return undefined;
        if (!packages.some((p) => args.path === p || args.path.startsWith(`${p}/`)) && !inPackage.test(args.importer)) return undefined;
        const found = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'side-effect-free' });
        if (found.errors.length || !inPackage.test(found.path)) return undefined;
        return { path: found.path, sideEffects: false };
      });
    },
  };
};

/**
 * Replaces files that are imported by relative path inside a package (esbuild's `alias` only sees package
 * names): `{ '<file under the root>': '<replacement>' }`, both relative to `root`.
 */
export const replaceFiles = (root: string, files: Readonly<Record<string, string>>): Plugin => {
  const targets = new Map(Object.entries(files).map(([from, to]) => [resolve(root, from), resolve(root, to)]));
  const names = [...new Set([...targets.keys()].map((f) => basename(f).replace(/\.[cm]?js$/, '')))];
  const filter = new RegExp(`[\\\\/](?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?:\\.[cm]?js)?$`);
  return {
    name: 'replace-files',
    setup(build) {
      build.onResolve({ filter }, (args) => {
        if (!args.path.startsWith('.')) return undefined;
        const file = resolve(args.resolveDir, args.path);
        const to = targets.get(file) ?? targets.get(`${file}.js`);
        return to ? { path: to } : undefined;
      });
    },
  };
};

/**
 * Replaces modules where they are imported dynamically (`await import('pkg')`), leaving static imports
 * of the same module alone: `{ 'pkg/sub': '<absolute path of the replacement>' }`.
 */
export const replaceDynamicImports = (modules: Readonly<Record<string, string>>): Plugin => ({
  name: 'replace-dynamic-imports',
  setup(build) {
    const names = Object.keys(modules);
    if (!names.length) return;
    const filter = new RegExp(`^(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => (args.kind === 'dynamic-import' ? { path: modules[args.path] as string } : undefined));
  },
});
