/**
 * esbuild plugins of the bundling step (infra/bundle.ts): each lets esbuild drop code the functions never
 * run, without changing what the code that stays does.
 */
import type { Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';

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
    build.onLoad(
      { filter: /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ },
      (args) => ({
        contents: inlineSchemaKeys(readFileSync(args.path, 'utf8')),
        loader: 'js',
      }),
    );
  },
};

/**
 * Marks the modules of packages that declare nothing about side effects, but have none, as side-effect
 * free, so esbuild drops the ones nothing uses (astronomia's index re-exports 60 modules; the calendar
 * uses the Sun's and Moon's positions and the Julian day).
 */
export const sideEffectFree = (packages: readonly string[]): Plugin => {
  const inPackage = new RegExp(
    `[\\\\/]node_modules[\\\\/](?:${packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})[\\\\/]`,
  );
  return {
    name: 'side-effect-free',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'side-effect-free' || args.kind === 'entry-point') return undefined;
        if (!packages.some((p) => args.path === p || args.path.startsWith(`${p}/`)) && !inPackage.test(args.importer))
          return undefined;
        const found = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'side-effect-free',
        });
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
  const filter = new RegExp(
    `[\\\\/](?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?:\\.[cm]?js)?$`,
  );
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
    build.onResolve({ filter }, (args) =>
      args.kind === 'dynamic-import' ? { path: modules[args.path] as string } : undefined,
    );
  },
});

/** What libmime's type tables are read through: its own lookups, which the generated answers must match. */
interface LibmimeLookups {
  detectMimeType(input: string): string;
  detectExtension(input: string): string;
}

/**
 * The answers of libmime's `detectMimeType` (extension → type) and `detectExtension` (type → extension)
 * for every key of its tables, front-coded into one string: records `,`-separated, sorted by type; each
 * `<shared><rest> <extension> <ext…>` where `<shared>` is one character (code 48 + n) saying how many
 * leading characters the type shares with the previous record's, `<extension>` is detectExtension's
 * answer for the type (`-` when the type is not a key of its table, `=` when it is the first `<ext>`),
 * and the `<ext>`s are the extensions detectMimeType answers with this type. Exported for the test.
 */
export const libmimeTypeAnswers = (lookups: LibmimeLookups, tables: { list: object; extensions: object }): string => {
  const ownKeys = (table: object) => Object.keys(table);
  const fails = (why: string) => {
    throw new Error(
      `libmime's type tables changed shape (${why}): review the libmime-types plugin (infra/bundle-plugins.ts)`,
    );
  };
  // Keys and answers must not hold the record's separators, and a key must be one libmime's lookups can reach as written.
  const separatorFree = (text: string) =>
    text !== '' && !/[ ,]/.test(text) && text !== '-' && text !== '=' ? text : fails(JSON.stringify(text));
  const reachable = (key: string, normal: string) =>
    key === normal ? separatorFree(key) : fails(`key ${JSON.stringify(key)}`);
  const extensionsOf = new Map<string, string[]>();
  for (const ext of ownKeys(tables.extensions)) {
    reachable(ext, ext.toLowerCase().replace(/\s/g, '').replace(/^\./g, '').split('.').pop() ?? '');
    const type = separatorFree(lookups.detectMimeType(ext));
    extensionsOf.set(type, [...(extensionsOf.get(type) ?? []), ext]);
  }
  const extensionOf = new Map(
    ownKeys(tables.list).map((type) => [
      reachable(type, type.toLowerCase().replace(/\s/g, '')),
      separatorFree(lookups.detectExtension(type)),
    ]),
  );
  let previous = '';
  return [...new Set([...extensionOf.keys(), ...extensionsOf.keys()])]
    .sort()
    .map((type) => {
      let shared = 0;
      while (shared < previous.length && previous[shared] === type[shared] && shared < 70) shared++;
      previous = type;
      const answer = extensionOf.get(type);
      const exts = extensionsOf.get(type) ?? [];
      if (answer !== undefined && exts.includes(answer)) exts.unshift(...exts.splice(exts.indexOf(answer), 1));
      return [
        String.fromCharCode(48 + shared) + type.slice(shared),
        answer === undefined ? '-' : answer === exts[0] ? '=' : answer,
        ...exts,
      ].join(' ');
    })
    .join(',');
};

/**
 * libmime's `mimetypes.js` (CommonJS, 69 KB: every type's extensions and every extension's types, in the
 * order its lookups pick from) as a module of the same shape holding only the answers: `list[type]` and
 * `extensions[ext]` are the one string libmime's lookups would return for that key, so they return it
 * as it is, and a key that was absent is absent (the same default). Generated at build time from the
 * installed libmime by calling its own lookups, so an update stays in step; a table whose keys the
 * lookups could not reach as written stops the build. Used by mailparser and mailsplit for attachments
 * without a usable Content-Type (detectMimeType); detectExtension keeps its answers too.
 */
export const libmimeTypes: Plugin = {
  name: 'libmime-types',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]libmime[\\/]dist[\\/]cjs[\\/]mimetypes\.js$/ }, (args) => {
      const require = createRequire(args.path);
      const tables = require(args.path) as { list: object; extensions: object };
      const libmime = (require(join(dirname(args.path), 'libmime.js')) as { default: LibmimeLookups }).default;
      const answers = libmimeTypeAnswers(libmime, tables);
      return {
        loader: 'js',
        contents: `"use strict";
// libmime's type tables reduced to its lookups' answers at build time (infra/bundle-plugins.ts, libmimeTypes).
Object.defineProperty(exports, "__esModule", { value: true });
const list = {}, extensions = {};
let previous = "";
for (const record of ${JSON.stringify(answers)}.split(",")) {
  const [head, answer, ...exts] = record.split(" ");
  const type = previous.slice(0, head.charCodeAt(0) - 48) + head.slice(1);
  previous = type;
  if (answer !== "-") list[type] = answer === "=" ? exts[0] : answer;
  for (const ext of exts) extensions[ext] = type;
}
exports.list = list;
exports.extensions = extensions;
exports.default = { list, extensions };
`,
      };
    });
  },
};

/** The names a module exports (`export const|function|class x`, `export { a as b, c }`), for stand-ins with the same names. */
export const exportedNames = (source: string): string[] => [
  ...[...source.matchAll(/^export (?:const|let|var|function\*?|async function|class) (\w+)/gm)].map((m) => m[1]!),
  ...[...source.matchAll(/^export \{([^}]*)\};?$/gm)].flatMap((m) =>
    m[1]!
      .split(',')
      .map((s) =>
        s
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
      )
      .filter(Boolean),
  ),
];

/** Why a stand-in of zod's JSON Schema code refuses: said by every one of them. */
export const ZOD_JSON_SCHEMA_LEFT_OUT =
  "zod's JSON Schema generation is left out of this function's bundle (infra/bundle.ts, JSON_SCHEMA_FUNCTIONS)";

const ZOD_JSON_SCHEMA = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors)\.js$/;

/**
 * Leaves zod's JSON Schema generation (`zod/v4/core/to-json-schema.js`, `json-schema-processors.js`: ~15 KB)
 * out of a function that never generates JSON Schema. The classic API keeps it in every bundle that uses
 * zod although only `toJSONSchema()` runs it: every schema's `toJSONSchema` method, its `~standard.jsonSchema`
 * and its `_zod.processJSONSchema` hook name it. Each export of the two modules becomes a stand-in of the
 * same name that throws {@link ZOD_JSON_SCHEMA_LEFT_OUT} when called (`create…Method` when the method it
 * makes is called, as the schemas make them on access), so a call that reached it fails loudly, never
 * silently differs. `aggregateChecks` stays real: the classic string, number and date schemas read
 * `minLength`, `format`, `minValue`… through it. The names are read from the installed zod at build time.
 */
export const zodJsonSchemaLeftOut: Plugin = {
  name: 'zod-json-schema-left-out',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/(?:core\/)?(?:to-json-schema|json-schema-processors)\.js$/ }, (args) => {
      if (args.namespace !== 'file' || !/[\\/]node_modules[\\/]zod[\\/]v4[\\/]/.test(args.importer)) return undefined;
      const path = resolve(args.resolveDir, args.path);
      return ZOD_JSON_SCHEMA.test(path) ? { path, namespace: 'zod-json-schema-left-out' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-json-schema-left-out' }, (args) => {
      const kept = args.path.endsWith('json-schema-processors.js') ? ['aggregateChecks'] : [];
      const names = exportedNames(readFileSync(args.path, 'utf8'));
      if (kept.some((k) => !names.includes(k)))
        throw new Error(
          `zod no longer exports ${kept.join(', ')} from ${args.path}: review the zod-json-schema-left-out plugin (infra/bundle-plugins.ts)`,
        );
      const refusal = JSON.stringify(ZOD_JSON_SCHEMA_LEFT_OUT);
      return {
        loader: 'js',
        resolveDir: dirname(args.path),
        contents: [
          kept.length ? `export { ${kept.join(', ')} } from ${JSON.stringify(args.path)};` : '',
          `const leftOut = (name) => function () { throw new Error(${refusal} + ": " + name + "()"); };`,
          ...names
            .filter((n) => !kept.includes(n))
            .map((n) =>
              /^create\w*Method$/.test(n)
                ? `export const ${n} = () => leftOut(${JSON.stringify(n.replace(/^create(\w*)Method$/, '$1'))});`
                : `export const ${n} = leftOut(${JSON.stringify(n)});`,
            ),
        ].join('\n'),
      };
    });
  },
};

/** `import packageInfo from "../package.json";` in an AWS SDK client's runtime configuration. */
const PACKAGE_IMPORT = /^import (\w+) from "((?:\.\.\/)+package\.json)";$/m;

/**
 * The version an AWS SDK runtime configuration reads from its package.json written in as a constant,
 * when that is all it reads (`packageInfo.version`, for the user-agent header): esbuild keeps a whole
 * JSON file imported by default (2–2.5 KB per client: scripts, dependencies, keywords). Any other use
 * leaves the file as it is. Exported for the test.
 */
export const inlinePackageVersion = (
  source: string,
  readPackage: (relative: string) => { version?: unknown },
): string => {
  const found = PACKAGE_IMPORT.exec(source);
  if (!found) return source;
  const [line, name, relative] = found as unknown as [string, string, string];
  const uses =
    source
      .split(line)
      .join('')
      .match(new RegExp(`\\b${name}\\b(\\.\\w+)?`, 'g')) ?? [];
  const version = readPackage(relative).version;
  if (typeof version !== 'string' || uses.some((u) => u !== `${name}.version`)) return source;
  return source.replace(line, `const ${name} = { version: ${JSON.stringify(version)} };`);
};

/** {@link inlinePackageVersion} applied to every AWS SDK runtime configuration (ESM builds). */
export const sdkPackageVersions: Plugin = {
  name: 'sdk-package-versions',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]@aws-sdk[\\/][^\\/]+[\\/]dist-es[\\/](?:submodules[\\/][^\\/]+[\\/])?runtimeConfig\.js$/ },
      (args) => ({
        contents: inlinePackageVersion(
          readFileSync(args.path, 'utf8'),
          (relative) => JSON.parse(readFileSync(join(dirname(args.path), relative), 'utf8')) as { version?: unknown },
        ),
        loader: 'js',
      }),
    );
  },
};

/** `export const partitionsInfo = {…};`: the AWS partitions table of `@aws-sdk/core`'s endpoint functions. */
const PARTITIONS = /^export const partitionsInfo = (\{[\s\S]*\});\s*$/;

/**
 * The AWS partitions table without the regions' descriptions ("Asia Pacific (Mumbai)": ~2 KB in every
 * function): the endpoint rules read a partition's name, DNS suffixes and FIPS/dual-stack support, and
 * a region's presence in the table, never its description. A table of another shape is left as it is.
 * Exported for the test.
 */
export const partitionsWithoutDescriptions = (source: string): string => {
  const found = PARTITIONS.exec(source);
  if (!found) return source;
  const info = JSON.parse(found[1]!) as { partitions?: { regions?: Record<string, Record<string, unknown>> }[] };
  if (!Array.isArray(info.partitions)) return source;
  for (const { regions = {} } of info.partitions)
    for (const region of Object.values(regions)) delete region.description;
  return `export const partitionsInfo = ${JSON.stringify(info)};\n`;
};

/** {@link partitionsWithoutDescriptions} applied to `@aws-sdk/core`'s partitions table (ESM build). */
export const sdkPartitions: Plugin = {
  name: 'sdk-partitions',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]@aws-sdk[\\/]core[\\/]dist-es[\\/].*[\\/]util-endpoints[\\/]lib[\\/]aws[\\/]partitions\.js$/ },
      (args) => ({
        contents: partitionsWithoutDescriptions(readFileSync(args.path, 'utf8')),
        loader: 'js',
      }),
    );
  },
};

/**
 * Replaces modules imported by exactly these names, leaving the packages' subpaths alone (esbuild's
 * `alias` would rewrite `pkg/sub` too): `{ 'pkg': '<absolute path of the replacement>' }`.
 */
export const replaceModules = (modules: Readonly<Record<string, string>>): Plugin => ({
  name: 'replace-modules',
  setup(build) {
    const names = Object.keys(modules);
    if (!names.length) return;
    const filter = new RegExp(`^(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: modules[args.path] as string }));
  },
});
