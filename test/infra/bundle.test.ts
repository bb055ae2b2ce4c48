import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import iconv from 'iconv-lite';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ALIASES,
  bundleFunction,
  bundleFunctionAsync,
  bundleOptions,
  bundlePlugins,
  FUNCTIONS,
  JSON_SCHEMA_FUNCTIONS,
  type BundleResult,
} from '../../infra/bundle.js';
import { mime } from '../support/mime.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const corpusDir = join(ROOT, 'test/fixtures/alaveteli');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-bundle-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Packages that parse mail: only the intake function may carry them. */
const MAIL_PARSING =
  /node_modules\/(mailparser|@zone-eu\/mailsplit|libmime|iconv-lite|encoding-japanese|html-to-text|htmlparser2|he)\//;
const inputsOf = (metafile: Metafile) => Object.keys(metafile.inputs);

/** Each function bundled as deployed, once for the tests that read its metafile. */
const built = new Map<string, Promise<BundleResult>>();
const bundled = (name: string): Promise<BundleResult> => {
  if (!built.has(name)) built.set(name, bundleFunctionAsync(name, join(dir, name)));
  return built.get(name)!;
};

describe('the functions’ bundles (infra/bundle.ts, as deployed)', () => {
  it('carry a mail parser only in the intake function', async () => {
    for (const name of FUNCTIONS.filter((n) => n !== 'intake')) {
      const { metafile } = await bundled(name);
      expect({ name, mailParsing: inputsOf(metafile).filter((i) => MAIL_PARSING.test(i)) }).toEqual({
        name,
        mailParsing: [],
      });
    }
  }, 120_000);

  it('carry no zod JSON Schema code, and nothing in them asks for JSON Schema (the API’s document is written at build time)', async () => {
    for (const name of FUNCTIONS) {
      // Prepare
      const { metafile } = await bundled(name);
      const files = Object.entries(metafile.inputs)
        .map(([input]) => input)
        .filter((i) => !i.includes(':'));
      // Act: zod's real generator in the bundle, and code other than zod's that names JSON Schema generation.
      const generator = files.filter((i) => /node_modules\/zod\/v4\/core\/to-json-schema\.js$/.test(i));
      const asking = files.filter(
        (i) =>
          !i.includes('node_modules/zod/') &&
          /toJSONSchema|jsonSchema|~standard|zod-openapi/.test(readFileSync(join(ROOT, i), 'utf8')),
      );
      // Assess
      expect({ name, generator, asking }).toEqual({ name, generator: [], asking: [] });
    }
    expect(JSON_SCHEMA_FUNCTIONS).toEqual([]);
  }, 180_000);

  it('use the Map-based LRU cache (infra/shims/lru-cache.ts) only for DynamoDB’s endpoint-discovery cache', async () => {
    const cache = 'node_modules/@aws-sdk/endpoint-cache/dist-es/EndpointCache.js';
    let users = 0;
    for (const name of FUNCTIONS) {
      // Prepare, Act: what imports the stand-in of mnemonist/lru-cache.
      const { metafile } = await bundled(name);
      const importers = Object.entries(metafile.inputs)
        .filter(([, i]) => i.imports.some((d) => d.path === 'infra/shims/lru-cache.ts'))
        .map(([file]) => file);
      users += importers.length;
      // Assess
      expect({ name, others: importers.filter((i) => i !== cache) }).toEqual({ name, others: [] });
    }
    expect(users).toBeGreaterThanOrEqual(FUNCTIONS.length - 2);
  }, 180_000);

  it('load in the API at start only what a first read needs: no idempotency store, no S3, KMS or SQS client', async () => {
    // Prepare
    const built = await bundleFunctionAsync('api', join(dir, 'api-start'));
    const outputs = built.metafile.outputs;
    const entry = Object.keys(outputs).find((o) => o.endsWith('/index.mjs')) as string;
    // Act: the chunks Node loads with the entry (static imports, followed), and what they hold.
    const loaded = new Set<string>();
    const next = [entry];
    while (next.length) {
      const out = next.pop() as string;
      if (loaded.has(out)) continue;
      loaded.add(out);
      for (const i of outputs[out]!.imports) if (i.kind === 'import-statement' && outputs[i.path]) next.push(i.path);
    }
    const atStart = [...loaded].flatMap((o) => Object.keys(outputs[o]!.inputs));
    // Assess
    expect(
      atStart.filter((i) => /@aws-lambda-powertools\/idempotency|@aws-sdk\/client-(s3|kms|sqs)\//.test(i)),
    ).toEqual([]);
    expect(atStart.some((i) => i.includes('@aws-sdk/client-dynamodb/'))).toBe(true);
  }, 60_000);

  it('start without source maps, keep them beside the code, and serve a request', () => {
    // Prepare: built as CDK's synchronous local bundling builds it (a child process).
    const built = bundleFunction('mail-dispatcher', join(dir, 'dispatcher-run'));
    const files = readdirSync(built.outdir);
    // Act: the entry as Lambda loads it, on a stream record that is not an event (nothing to queue).
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      const { handler } = await import(${JSON.stringify(join(built.outdir, 'index.mjs'))});
      const out = await handler({ Records: [{ eventID: '1', eventName: 'INSERT', dynamodb: { NewImage: { streamId: { S: 'request#X' }, version: { N: '0' } } } }] }, {});
      console.log(JSON.stringify(out));`,
      ],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          MAIL_QUEUE_URL: 'https://sqs.ap-south-1.amazonaws.com/1/mail.fifo',
          AWS_REGION: 'ap-south-1',
        },
      },
    );
    // Assess
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({ batchItemFailures: [] });
    expect(files).toEqual(expect.arrayContaining(['index.mjs', 'index.mjs.map', 'metafile.json', 'necs', 'holidays']));
  }, 60_000);
});

/** Mail in charsets the corpus lacks, composed byte by byte (each body encoded by iconv-lite). */
const composed = async (): Promise<[string, Buffer][]> => {
  const text =
    'Request for the 2026 air-quality data — Thimphu, Paro; “quoted”, café, Ærø, Привет, こんにちは, 你好, 안녕하세요';
  const inCharset = (charset: string, encoding: 'base64' | 'quoted-printable' | '8bit'): Buffer => {
    // A charset nobody knows is labelled so, its bytes UTF-8.
    const writeAs = iconv.encodingExists(charset) ? charset : 'utf-8';
    const body = iconv.encode(text, writeAs);
    const encoded =
      encoding === 'base64'
        ? body.toString('base64')
        : encoding === '8bit'
          ? body.toString('latin1')
          : [...body]
              .map((b) =>
                b >= 33 && b <= 126 && b !== 61
                  ? String.fromCharCode(b)
                  : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
              )
              .join('');
    const subject = `=?${charset}?B?${iconv.encode('Données — ' + charset, writeAs).toString('base64')}?=`;
    return Buffer.from(
      `From: "Pema" <pema@example.bt>\r\nTo: requests@necs.example\r\nSubject: ${subject}\r\nMessage-ID: <${charset}@example.bt>\r\nMIME-Version: 1.0\r\n` +
        `Content-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n${encoded}\r\n`,
      'latin1',
    );
  };
  const charsets: [string, 'base64' | 'quoted-printable' | '8bit'][] = [
    ['iso-8859-1', 'quoted-printable'],
    ['windows-1252', '8bit'],
    ['iso-8859-15', 'base64'],
    ['koi8-r', 'base64'],
    ['windows-1251', 'quoted-printable'],
    ['shift_jis', 'base64'],
    ['euc-jp', 'base64'],
    ['gb2312', 'base64'],
    ['gbk', 'base64'],
    ['big5', 'base64'],
    ['euc-kr', 'base64'],
    ['utf-16le', 'base64'],
    ['utf-7', 'base64'],
    ['x-unknown-charset', 'base64'],
    ['cp437', 'base64'],
    ['iso-8859-2', 'quoted-printable'],
    ['iso-8859-9', '8bit'],
    ['windows-1250', 'base64'],
    ['koi8-u', 'base64'],
    ['gb18030', 'base64'],
    ['utf-16be', 'base64'],
    ['utf-16', 'base64'],
    ['cp850', 'base64'],
    ['cp866', 'base64'],
    ['iso-8859-7', 'base64'],
  ];
  // Not here, as the decoders differ on purpose (infra/shims/iconv-lite.ts, README "Charsets"): Mac Roman
  // 0xBD/0xDB (Ω U+03A9 and € as Apple's 1998 table, iconv-lite the older ohm sign and ¤), code pages WHATWG
  // lacks other than CP437/CP850 (kept as ISO-8859-1), and malformed multibyte input (WHATWG's U+FFFD).
  // ISO-2022-JP (7-bit, escape sequences; iconv-lite cannot write it): こんにちは.
  const iso2022jp = Buffer.from(
    'From: taro@example.jp\r\nTo: requests@necs.example\r\nSubject: =?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=\r\nMessage-ID: <jis@example.jp>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n\x1b$B$3$s$K$A$O\x1b(B\r\n',
    'latin1',
  );
  const html = await mime({
    from: 'Dorji <dorji@example.bt>',
    to: 'requests@necs.example',
    subject: 'HTML only &amp; entities',
    html: '<p>Please share &ldquo;the data&rdquo; &amp; the maps &mdash; &#x1F600; &nbsp;&copy; 2026</p><ul><li>one</li></ul>',
  });
  const attachments = await mime({
    from: 'Dorji <dorji@example.bt>',
    to: 'requests@necs.example',
    subject: 'Files',
    text: 'See attached',
    attachments: [
      { filename: 'données été.pdf', content: Buffer.from('%PDF-1.4 …') },
      { filename: 'tool.exe', content: 'MZ' },
    ],
  });
  return [
    ...charsets.map(([c, e]): [string, Buffer] => [`composed ${c} ${e}`, inCharset(c, e)]),
    ['composed html', html],
    ['composed attachments', attachments],
    ['composed iso-2022-jp', iso2022jp],
  ];
};

describe('the mail parser with the bundle’s aliases', () => {
  it('parses every corpus message and composed message exactly as without them', async () => {
    // Prepare: parse-mail bundled as the intake function bundles it, with and without the aliases.
    const entry = join(ROOT, 'application/intake/parse-mail.ts');
    const variants: [string, Pick<BuildOptions, 'alias' | 'plugins'>][] = [
      ['with', { alias: ALIASES, plugins: bundlePlugins() }],
      ['without', { alias: {}, plugins: [] }],
    ];
    for (const [variant, swaps] of variants) {
      await build({
        ...bundleOptions('intake', join(dir, `parse-${variant}`)),
        entryPoints: { index: entry },
        ...swaps,
        sourcemap: false,
        metafile: false,
        logLevel: 'silent',
      });
    }
    const messages = [
      ...readdirSync(corpusDir)
        .filter((f) => f.endsWith('.eml'))
        .map((f): [string, Buffer] => [f, readFileSync(join(corpusDir, f))]),
      ...(await composed()),
    ];
    const inputs = join(dir, 'messages.json');
    writeFileSync(inputs, JSON.stringify(messages.map(([name, bytes]) => [name, bytes.toString('base64')])));
    const runner = join(dir, 'parse-all.mjs');
    writeFileSync(
      runner,
      `
      import { readFileSync } from 'node:fs';
      import { Readable } from 'node:stream';
      import { createHash } from 'node:crypto';
      const { parseMail } = await import(process.argv[2]);
      const out = {};
      for (const [name, b64] of JSON.parse(readFileSync(process.argv[3], 'utf8'))) {
        const stored = {};
        const objects = {
          put: async (key, bytes, contentType) => { stored[key] = [createHash('sha256').update(bytes).digest('hex'), contentType]; },
          get: async () => undefined,
          getStream: async () => undefined,
        };
        try {
          const parsed = await parseMail(Readable.from([Buffer.from(b64, 'base64')]), objects);
          out[name] = { ...parsed, headers: [...parsed.headers], stored };
        } catch (err) { out[name] = { error: String(err) }; }
      }
      console.log(JSON.stringify(out));`,
    );
    // Act
    const parse = (variant: string) => {
      const run = spawnSync(process.execPath, [runner, join(dir, `parse-${variant}`, 'index.mjs'), inputs], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.status !== 0) throw new Error(run.stderr);
      return JSON.parse(run.stdout) as Record<string, { text?: string; error?: string }>;
    };
    const withAliases = parse('with');
    const without = parse('without');
    // Assess
    expect(Object.keys(without)).toHaveLength(messages.length);
    for (const [name] of messages) expect({ name, parsed: withAliases[name] }).toEqual({ name, parsed: without[name] });
    expect(without['composed koi8-r base64']?.text).toContain('Привет');
    expect(without['composed shift_jis base64']?.text).toContain('こんにちは');
  }, 120_000);
});
