import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ALIASES, FILE_REPLACEMENTS, MODULE_REPLACEMENTS } from '../../infra/bundle.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What each bundle shim (`npx tsx scripts/bench/shim-savings.ts` measures what each saves) assumes of the
 * package it stands in for: the exact version it was written and measured against, the files it reads
 * from the package, and the names it stands in for (each exported by the package too). An `npm update`
 * that moves one of these packages fails here, loudly, before it can ship a bundle the shim no longer fits:
 * check the shim against the new version (and its tests in bundle.test.ts / bundle-plugins.test.ts), then
 * update the version here.
 */
const SHIMS = [
  {
    shim: 'infra/shims/aws-credentials.ts',
    pkg: '@aws-sdk/credential-provider-node',
    version: '3.972.97',
    module: 'node_modules/@aws-sdk/credential-provider-node/dist-es/index.js',
    names: ['defaultProvider'],
  },
  {
    shim: 'infra/shims/bowser.ts',
    pkg: 'bowser',
    version: '2.15.0',
    module: 'node_modules/bowser/es5.js',
    names: ['parse'],
  },
  {
    shim: 'infra/shims/iconv-lite.ts',
    pkg: 'iconv-lite',
    version: '0.7.3',
    module: 'node_modules/iconv-lite/lib/index.js',
    names: ['getCodec', 'getDecoder', 'encodingExists', 'decode'],
    reads: [
      'node_modules/iconv-lite/encodings/dbcs-codec.js',
      'node_modules/iconv-lite/encodings/tables/big5-added.json',
      'node_modules/iconv-lite/encodings/tables/cp950.json',
    ],
  },
  {
    shim: 'infra/shims/encoding-japanese.ts',
    pkg: 'encoding-japanese',
    version: '2.5.0',
    module: 'node_modules/encoding-japanese/src/index.js',
    names: ['convert'],
  },
  {
    shim: 'infra/shims/he.ts',
    pkg: 'he',
    version: '1.2.0',
    module: 'node_modules/he/he.js',
    names: ['encode', 'decode'],
  },
  {
    shim: 'infra/shims/nodemailer-mime-types.ts',
    pkg: 'nodemailer',
    version: '10.6.0',
    module: 'node_modules/nodemailer/dist/esm/mime-funcs/mime-types.js',
    names: ['detectMimeType', 'detectExtension'],
  },
  // The eight below save less than 25 KB each, but without them the API (889 KB) and intake (887 KB) would
  // exceed the 850 KB guard (docs/benchmarks.md, P4): they stay, pinned and checked like the others.
  {
    shim: 'infra/shims/linkify-it.ts',
    pkg: 'linkify-it',
    version: '5.0.2',
    module: 'node_modules/linkify-it/index.mjs',
    names: ['default'],
  },
  { shim: 'infra/shims/tlds.ts', pkg: 'tlds', version: '1.261.0', module: 'node_modules/tlds/index.json', names: [] },
  {
    shim: 'infra/shims/smithy-event-streams.ts',
    pkg: '@smithy/core',
    version: '3.41.0',
    module: 'node_modules/@smithy/core/dist-es/submodules/event-streams/index.js',
    names: ['eventStreamSerdeProvider', 'resolveEventStreamSerdeConfig', 'EventStreamSerde'],
  },
  {
    shim: 'infra/shims/lru-cache.ts',
    pkg: 'mnemonist',
    version: '0.38.3',
    module: 'node_modules/mnemonist/lru-cache.js',
    names: ['default'],
  },
  {
    shim: 'infra/shims/jmespath-search.ts',
    pkg: '@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath',
    version: '2.35.0',
    module:
      'node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/index.js',
    names: ['search'],
  },
  {
    shim: 'infra/shims/nodemailer-fetch.ts',
    pkg: 'nodemailer',
    version: '10.6.0',
    module: 'node_modules/nodemailer/dist/esm/fetch/index.js',
    names: ['default'],
  },
  {
    shim: 'infra/shims/js-hash-fallbacks.ts',
    pkg: '@smithy/core',
    version: '3.41.0',
    module: 'node_modules/@smithy/core/dist-es/submodules/checksum/sha256/Sha256Js.js',
    names: ['Sha256Js'],
    reads: ['node_modules/@smithy/core/dist-es/submodules/checksum/md5/Md5Js.js'],
  },
  {
    shim: 'infra/shims/js-hash-fallbacks.ts',
    pkg: '@aws-sdk/checksums',
    version: '3.1002.5',
    module: 'node_modules/@aws-sdk/checksums/dist-es/submodules/sha/sha1/Sha1Js.js',
    names: ['Sha1Js'],
  },
  {
    shim: 'infra/shims/xml-shape-serializer.ts',
    pkg: '@aws-sdk/core',
    version: '3.981.0',
    module: 'node_modules/@aws-sdk/core/dist-es/submodules/protocols/xml/XmlShapeSerializer.js',
    names: ['XmlShapeSerializer'],
  },
] as const;

const installedVersion = (pkg: string) =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

/** A module's export names, its default export's own included (CommonJS packages export an object). */
const exportNames = async (file: string): Promise<string[]> => {
  const m = (await import(pathToFileURL(join(ROOT, file)).href)) as Record<string, unknown>;
  const fromDefault = m.default && typeof m.default === 'object' ? Object.keys(m.default) : [];
  return [...new Set([...Object.keys(m), ...fromDefault])];
};

describe('the bundle shims’ assumptions about the packages they replace', () => {
  it('every shim named by the bundling step is listed here, and every one listed is still used', () => {
    const used = new Set(
      [...Object.values(ALIASES), ...Object.values(MODULE_REPLACEMENTS), ...Object.values(FILE_REPLACEMENTS)]
        .filter((to) => to.includes('infra/shims/'))
        .map((to) => to.slice(to.indexOf('infra/shims/'))),
    );
    for (const s of SHIMS) expect(used).toContain(s.shim);
    expect([...used].filter((shim) => !SHIMS.some((s) => s.shim === shim))).toEqual([]);
  });

  it.each(SHIMS)('$pkg is exactly $version, as $shim was written for', ({ pkg, version }) => {
    expect(installedVersion(pkg)).toBe(version);
  });

  it.each(SHIMS)('$shim stands in for names $pkg still exports, from files it still has', async (s) => {
    expect(existsSync(join(ROOT, s.module))).toBe(true);
    for (const file of 'reads' in s ? s.reads : []) expect([file, existsSync(join(ROOT, file))]).toEqual([file, true]);
    const real = await exportNames(s.module);
    const shim = await exportNames(s.shim);
    for (const name of s.names) {
      expect([name, real.includes(name)]).toEqual([name, true]);
      expect([name, shim.includes(name)]).toEqual([name, true]);
    }
  });
});
