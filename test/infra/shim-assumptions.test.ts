import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ALIASES, FILE_REPLACEMENTS } from '../../infra/bundle.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What each bundle shim that saves 25 KB or more (`npx tsx scripts/bench/shim-savings.ts`) assumes of the
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
      [...Object.values(ALIASES), ...Object.values(FILE_REPLACEMENTS)].map((to) =>
        to.slice(to.indexOf('infra/shims/')),
      ),
    );
    for (const s of SHIMS) expect(used).toContain(s.shim);
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
