import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALIASES, bundleOptions, bundlePlugins } from '../../infra/bundle.js';
import {
  exportedNames,
  inlinePackageVersion,
  inlineSchemaKeys,
  partitionsWithoutDescriptions,
  libmimeTypeAnswers,
  sdkSchemaKeys,
  ZOD_JSON_SCHEMA_LEFT_OUT,
} from '../../infra/bundle-plugins.js';
import { AnyEvent } from '../../events/catalogue.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-bundle-plugins-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One module bundled on its own (as the functions' step resolves it), with the given plugins. */
const bundle = async (entry: string, out: string, plugins: Plugin[]): Promise<string> => {
  const outfile = join(dir, `${out}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    plugins,
    logLevel: 'silent',
    banner: bundleOptions('intake', dir).banner,
  });
  return outfile;
};

/** Runs a module's text in a fresh Node and returns what it printed as JSON. */
const runJson = (name: string, script: string): unknown => {
  const file = join(dir, name);
  writeFileSync(file, script);
  const run = spawnSync(process.execPath, [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
};

const clients = readdirSync(join(ROOT, 'node_modules/@aws-sdk')).filter((c) =>
  existsSync(join(ROOT, 'node_modules/@aws-sdk', c, 'dist-es/schemas/schemas_0.js')),
);

describe('the AWS SDK schema keys written out (infra/bundle-plugins.ts)', () => {
  it('leaves no computed key behind in any client the functions use', () => {
    // Prepare, Act
    const left = clients.map(
      (c) =>
        [
          c,
          inlineSchemaKeys(
            readFileSync(join(ROOT, 'node_modules/@aws-sdk', c, 'dist-es/schemas/schemas_0.js'), 'utf8'),
          ).match(/\[_\w+\]:/g) ?? [],
        ] as const,
    );
    // Assess
    expect(clients).toEqual(
      expect.arrayContaining(['client-s3', 'client-dynamodb', 'client-sesv2', 'client-sqs', 'client-kms']),
    );
    expect(left.filter(([, keys]) => keys.length)).toEqual([]);
  });

  it('gives every schema of every client exactly the same value', async () => {
    // Prepare: each client's schemas module bundled as shipped before (no plugin) and after.
    const pairs = [];
    for (const c of clients) {
      const entry = join(ROOT, 'node_modules/@aws-sdk', c, 'dist-es/schemas/schemas_0.js');
      pairs.push([c, await bundle(entry, `${c}-before`, []), await bundle(entry, `${c}-after`, [sdkSchemaKeys])]);
    }
    // Act: every export as data, a thunk (`() => Other$`) by the export it returns, else by its value.
    const out = runJson(
      'schemas.mjs',
      `
      const describe = (mod) => {
        const names = new Map(Object.entries(mod).map(([k, v]) => [v, k]));
        const seen = new Set();
        const plain = (v) => {
          if (typeof v === 'function') { const r = v.length === 0 && !/^class/.test(String(v)) ? v() : v; return names.has(r) ? { ref: names.get(r) } : { fn: String(v) }; }
          if (v === null || typeof v !== 'object') return v;
          if (seen.has(v)) return { cycle: names.get(v) ?? true };
          seen.add(v);
          const r = Array.isArray(v) ? v.map(plain) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
          seen.delete(v);
          return r;
        };
        return Object.fromEntries(Object.entries(mod).map(([k, v]) => [k, plain(v)]));
      };
      const pairs = ${JSON.stringify(pairs)};
      const result = {};
      for (const [c, before, after] of pairs) result[c] = [describe(await import(before)), describe(await import(after))];
      console.log(JSON.stringify(result));`,
    ) as Record<string, [Record<string, unknown>, Record<string, unknown>]>;
    // Assess
    for (const c of clients) {
      const [before, after] = out[c]!;
      expect(Object.keys(before).length).toBeGreaterThan(10);
      expect({ c, schemas: after }).toEqual({ c, schemas: before });
    }
    expect(out['client-s3']![1]['GetObjectRequest$']).toEqual(
      expect.arrayContaining([expect.arrayContaining([[0, { httpHeader: 'If-Match' }]])]),
    );
  }, 120_000);
});

describe('the functions’ plugins on the calendar (astronomia marked side-effect free)', () => {
  it('compute the same provisional holidays and Dashain dates for 2025–2060 (computed, not the generated dates)', async () => {
    // Prepare
    const entry = join(ROOT, 'domain/calendar/bhutan-holidays-computed.ts');
    const before = await bundle(entry, 'holidays-before', []);
    const after = await bundle(entry, 'holidays-after', bundlePlugins());
    // Act
    const years = (file: string) =>
      runJson(
        `holidays-${file === before ? 'b' : 'a'}.mjs`,
        `
      const { computeBhutanHolidays } = await import(${JSON.stringify(file)});
      const out = {};
      for (let y = 2025; y <= 2060; y++) out[y] = computeBhutanHolidays(y);
      console.log(JSON.stringify(out));`,
      ) as Record<string, unknown[]>;
    const was = years(before);
    // Assess
    expect(years(after)).toEqual(was);
    expect(was['2027']!.length).toBeGreaterThan(10);
    expect(readFileSync(after).length).toBeLessThan(readFileSync(before).length);
  }, 60_000);
});

describe('the functions’ plugins on outgoing mail (nodemailer’s type tables left out)', () => {
  it('compose byte for byte the same MIME for the mail we send', async () => {
    // Prepare: composeMime bundled without and with the plugins.
    const entry = join(ROOT, 'adapters/ses/ses-sender.ts');
    const before = await bundle(entry, 'compose-before', []);
    const after = await bundle(entry, 'compose-after', bundlePlugins());
    const mails = [
      {
        subject: 'Response: [NECS-2026-00001] བོད་ཡིག air quality',
        text: 'Please find the readings attached.',
        html: '<p>Please find the readings attached.</p>',
        attachments: [{ filename: 'pm25.csv', contentType: 'text/csv', content: [109, 44, 10] }],
      },
      {
        subject: 'Files',
        text: 'Three files, one without an extension',
        attachments: [
          { filename: 'report.pdf', contentType: 'application/pdf', content: [37, 80, 68, 70] },
          {
            filename: 'données été.xlsx',
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            content: [80, 75],
          },
          { filename: 'README', contentType: 'text/plain', content: [104, 105] },
          { filename: 'map.png', contentType: 'image/png', content: [137, 80, 78, 71] },
        ],
      },
      { subject: 'Acknowledgment', text: 'Received.', attachments: [] },
    ];
    // Act: random boundaries and the Date header set aside.
    const compose = (file: string, tag: string) =>
      runJson(
        `compose-${tag}.mjs`,
        `
      const { composeMime } = await import(${JSON.stringify(file)});
      const out = [];
      for (const m of ${JSON.stringify(mails)}) {
        const raw = await composeMime({ from: { name: 'NECS', address: 'requests@necs.example' }, replyTo: 'requests+x@necs.example', to: ['karma@example.bt'], cc: [], headers: { 'X-Request-Desk-Reference': 'NECS-2026-00001' }, messageId: '<m@necs.example>', html: undefined, ...m, attachments: m.attachments.map((a) => ({ ...a, content: Uint8Array.from(a.content) })) });
        out.push(raw.toString('latin1').replace(/^Date: .*$/m, 'Date: -').replace(/_NmP-[0-9a-f]+-Part/g, '_NmP-x-Part'));
      }
      console.log(JSON.stringify(out));`,
      ) as string[];
    const was = compose(before, 'b');
    // Assess
    expect(compose(after, 'a')).toEqual(was);
    expect(was[1]).toContain('Content-Type: text/plain; name=README');
    expect(readFileSync(after).length).toBeLessThan(readFileSync(before).length - 50_000);
  }, 60_000);
});

describe('nodemailer’s HTTP client left out of the bundles (infra/shims/nodemailer-fetch.ts)', () => {
  it('refuses a part given as a URL as nodemailer’s own URL refusal does, without touching the network', async () => {
    const { default: nmfetch } = await import('../../infra/shims/nodemailer-fetch.js');
    const failure = await new Promise<Error & { code?: string }>((resolve) =>
      nmfetch('https://example.org/a.pdf').on('error', resolve),
    );
    expect({ code: failure.code, message: failure.message }).toEqual({
      code: 'EURLACCESS',
      message: expect.stringContaining('Url access rejected for https://example.org/a.pdf'),
    });
  });
});

describe('AWS event streams left out of the bundles (infra/shims/smithy-event-streams.ts)', () => {
  it('are needed by no operation of the clients the functions use but S3 SelectObjectContent, which nothing calls', async () => {
    // Prepare: every operation schema of each client; an event-stream member in its input or output.
    const { NormalizedSchema } = await import('@smithy/core/schema');
    const streaming: string[] = [];
    for (const c of [
      'client-s3',
      'client-dynamodb',
      'client-sqs',
      'client-sesv2',
      'client-kms',
      'client-secrets-manager',
      'client-cognito-identity-provider',
    ]) {
      const mod = (await import(`@aws-sdk/${c}`)) as Record<string, unknown>;
      for (const [name, schema] of Object.entries(mod)) {
        if (!name.endsWith('$') || !Array.isArray(schema) || schema[0] !== 9) continue;
        if (
          NormalizedSchema.of(schema[4]).getEventStreamMember() ||
          NormalizedSchema.of(schema[5]).getEventStreamMember()
        )
          streaming.push(`${c} ${name}`);
      }
    }
    // Act: where our code names one of them.
    const sources = spawnSync(
      'git',
      [
        'grep',
        '-l',
        '-E',
        streaming.map((s) => s.split(' ')[1]!.replace('$', '')).join('|'),
        '--',
        'functions',
        'adapters',
        'application',
        'domain',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    // Assess
    expect(streaming).toEqual(['client-s3 SelectObjectContent$']);
    expect(sources.stdout.trim()).toBe('');
  });

  it('fail with a clear message if an event stream is ever used, and let the S3 client be built', async () => {
    const { eventStreamSerdeProvider, resolveEventStreamSerdeConfig, EventStreamSerde } =
      await import('../../infra/shims/smithy-event-streams.js');
    const config = resolveEventStreamSerdeConfig({ region: 'ap-south-1', eventStreamSerdeProvider });
    expect(config.region).toBe('ap-south-1');
    expect(() => eventStreamSerdeProvider({}).deserialize({}, async () => ({}))).toThrow(
      /event streams are not bundled/,
    );
    expect(() => new EventStreamSerde({})).toThrow(/event streams are not bundled/);
  });
});

describe('libmime’s type tables reduced to their answers (infra/bundle-plugins.ts, libmimeTypes)', () => {
  it('give the same file type for every extension and the same extension for every type, and the same defaults', async () => {
    // Prepare: libmime bundled as the intake bundles it (its CommonJS build) without and with the plugins.
    const entry = join(ROOT, 'node_modules/libmime/dist/cjs/libmime.js');
    const before = await bundle(entry, 'libmime-before', []);
    const after = await bundle(entry, 'libmime-after', bundlePlugins());
    const { list, extensions } = createRequire(entry)('./mimetypes.js') as { list: object; extensions: object };
    const keys = [...Object.keys(list), ...Object.keys(extensions)];
    // Every key as written and as mail names it (case, spaces, a file name, a leading dot, parameters), odd inputs, and random ones.
    const variants = keys.flatMap((k) => [
      k,
      k.toUpperCase(),
      ` ${k} `,
      `Report 2026.final.${k}`,
      `.${k}`,
      `${k}; charset=utf-8`,
      `${k}/x`,
      k.split('/')[1] ?? `x/${k}`,
    ]);
    const odd = [
      '',
      ' ',
      '.',
      '..',
      'noextension',
      'a.',
      '.pdf.',
      'PDF',
      'Image/JPEG',
      'text/plain ',
      't e x t/plain',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '*',
      'mc$',
      'x/*',
      'application/octet-stream',
      'données été.xlsx',
    ];
    const random = fc.sample(
      fc.oneof(
        fc.string(),
        fc
          .constantFrom(...keys)
          .chain((k) =>
            fc.tuple(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 })).map(([a, b]) => `${a}${k}${b}`),
          ),
      ),
      { numRuns: 5000, seed: 16 },
    );
    const inputs = [...variants, ...odd, ...random];
    // Act: both lookups on every input, and on inputs that are not strings.
    const answers = (file: string, tag: string) =>
      runJson(
        `libmime-${tag}.mjs`,
        `
      const libmime = (await import(${JSON.stringify(file)})).default.default;
      const inputs = [...${JSON.stringify(inputs)}, undefined, null, 0, 42, true];
      console.log(JSON.stringify(inputs.map((i) => [libmime.detectMimeType(i), libmime.detectExtension(i)])));`,
      ) as [string, string][];
    const was = answers(before, 'b');
    const now = answers(after, 'a');
    // Assess
    expect(now.length).toBe(inputs.length + 5);
    for (const [i, input] of inputs.entries())
      if (now[i]![0] !== was[i]![0] || now[i]![1] !== was[i]![1])
        expect({ input, answers: now[i] }).toEqual({ input, answers: was[i] });
    expect(now).toEqual(was);
    expect(was[inputs.indexOf('Report 2026.final.xlsx')]![0]).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(was[inputs.indexOf('image/jpeg')]![1]).toBe('jpeg');
    expect(readFileSync(after).length).toBeLessThan(readFileSync(before).length - 40_000);
  }, 60_000);

  it('stop the build when a table key could not be reached as written', () => {
    const lookups = { detectMimeType: () => 'text/plain', detectExtension: () => 'txt' };
    expect(libmimeTypeAnswers(lookups, { list: { 'text/plain': 'txt' }, extensions: { txt: 'text/plain' } })).toBe(
      '0text/plain = txt',
    );
    expect(() => libmimeTypeAnswers(lookups, { list: { 'Text/Plain': 'txt' }, extensions: {} })).toThrow(
      /libmime's type tables changed shape/,
    );
    expect(() => libmimeTypeAnswers(lookups, { list: {}, extensions: { 'tar.gz': 'application/gzip' } })).toThrow(
      /libmime's type tables changed shape/,
    );
  });
});

describe('zod’s JSON Schema code left out of the functions that generate none (infra/bundle-plugins.ts, zodJsonSchemaLeftOut)', () => {
  it('stand in for every export of the two modules, under the same names', async () => {
    // Prepare
    for (const file of ['to-json-schema.js', 'json-schema-processors.js']) {
      const path = join(ROOT, 'node_modules/zod/v4/core', file);
      // Act
      const real = Object.keys((await import(path)) as object).sort();
      // Assess
      expect({ file, names: exportedNames(readFileSync(path, 'utf8')).sort() }).toEqual({ file, names: real });
    }
  });

  it('validate, report and describe exactly as before, and refuse to generate JSON Schema loudly', async () => {
    // Prepare: zod, the event catalogue and the agency configuration bundled without and with the plugins.
    const entry = join(dir, 'zod-entry.ts');
    writeFileSync(
      entry,
      `
      import * as z from 'zod';
      import { AnyEvent } from ${JSON.stringify(join(ROOT, 'events/catalogue.ts'))};
      import { loadAgency } from ${JSON.stringify(join(ROOT, 'config/load.ts'))};
      export { z, AnyEvent, loadAgency };`,
    );
    const outputs = [];
    for (const [tag, plugins] of [
      ['before', []],
      ['after', bundlePlugins()],
    ] as const) {
      const outdir = join(dir, `zod-${tag}`);
      await build({
        ...bundleOptions('projector', outdir),
        entryPoints: { index: entry },
        nodePaths: [join(ROOT, 'node_modules')],
        plugins: [...plugins],
        sourcemap: false,
        metafile: false,
        logLevel: 'silent',
      });
      cpSync(join(ROOT, 'config/holidays'), join(outdir, 'holidays'), { recursive: true });
      outputs.push(join(outdir, 'index.mjs'));
    }
    const types = AnyEvent.unwrap().options.map((o) => o.shape.type.value);
    const inputs = [
      ...fc.sample(fc.jsonValue(), { numRuns: 300, seed: 16 }),
      ...fc.sample(
        fc.record({
          type: fc.constantFrom(...types),
          schemaVersion: fc.constantFrom(1, 2),
          occurredAt: fc.constantFrom('2026-03-01T09:00:00+06:00', '2026-13-01', 'x'),
          actor: fc.oneof(fc.jsonValue(), fc.constant({ kind: 'system' })),
          data: fc.jsonValue(),
        }),
        { numRuns: 500, seed: 16 },
      ),
    ];
    // Act
    const run = (file: string, tag: string) =>
      runJson(
        `zod-${tag}.mjs`,
        `
      const { z, AnyEvent, loadAgency } = await import(${JSON.stringify(file)});
      const attempt = (f) => { try { return { value: f() }; } catch (e) { return { refused: String(e.message) }; } };
      const s = z.string().min(2).max(9).email(), n = z.number().int().min(-3).max(40), d = z.date().min(new Date(0)), b = z.bigint().max(5n);
      const agency = loadAgency(${JSON.stringify(join(ROOT, 'config/necs'))});
      console.log(JSON.stringify({
        events: ${JSON.stringify(inputs)}.map((i) => { const r = AnyEvent.safeParse(i); return r.success ? { data: r.data } : { issues: r.error.issues, message: z.prettifyError(r.error) }; }),
        standard: ${JSON.stringify(inputs.slice(0, 50))}.map((i) => AnyEvent['~standard'].validate(i)),
        described: [s.minLength, s.maxLength, s.format, n.minValue, n.maxValue, n.isInt, n.format, d.minDate?.toISOString(), b.maxValue?.toString(), AnyEvent['~standard'].vendor],
        agency: { config: agency.config, directory: agency.directory },
        jsonSchema: [attempt(() => z.toJSONSchema(s)), attempt(() => s.toJSONSchema()), attempt(() => AnyEvent['~standard'].jsonSchema.input()), attempt(() => z.toJSONSchema(AnyEvent))].map((a) => a.refused ?? 'generated'),
        core: Object.keys(z.core).sort(),
      }));`,
      ) as Record<string, unknown>;
    const before = run(outputs[0]!, 'b');
    const after = run(outputs[1]!, 'a');
    // Assess
    const { jsonSchema: generated, ...was } = before;
    const { jsonSchema: refused, ...now } = after;
    expect(now).toEqual(was);
    expect(generated).toEqual(['generated', 'generated', 'generated', 'generated']);
    expect(refused).toEqual([
      `${ZOD_JSON_SCHEMA_LEFT_OUT}: toJSONSchema()`,
      `${ZOD_JSON_SCHEMA_LEFT_OUT}: ToJSONSchema()`,
      `${ZOD_JSON_SCHEMA_LEFT_OUT}: StandardJSONSchema()`,
      `${ZOD_JSON_SCHEMA_LEFT_OUT}: toJSONSchema()`,
    ]);
    expect((was.events as unknown[]).length).toBe(inputs.length);
    expect((was.agency as { config: { calendar: unknown } }).config.calendar).toBeDefined();
    expect(was.described).toEqual([2, 9, 'email', -3, 40, true, 'safeint', '1970-01-01T00:00:00.000Z', '5', 'zod']);
    expect(readFileSync(outputs[1]!).length).toBeLessThan(readFileSync(outputs[0]!).length - 10_000);
  }, 120_000);
});

/** The AWS clients' calls the functions make, against a local stand-in of the services, run in a fresh Node. */
const AWS_CALLS = `
  import { createServer } from 'node:http';
  import { createHash } from 'node:crypto';
  import { S3Client, PutObjectCommand, GetObjectCommand, ListObjectsV2Command, SelectObjectContentCommand, NoSuchKey } from '@aws-sdk/client-s3';
  import { DynamoDBClient, GetItemCommand, PutItemCommand, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
  import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
  import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
  import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

  export const run = async () => {
    const requests = [];
    const objects = new Map();
    const server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const { authorization, 'x-amz-date': _d, 'amz-sdk-invocation-id': _i, host: _h, ...headers } = req.headers;
        requests.push({ method: req.method, url: req.url, headers: { ...headers, signed: /SignedHeaders=([^,]+)/.exec(authorization ?? '')?.[1] }, body: body.toString('latin1') });
        const target = req.headers['x-amz-target'] ?? '';
        const json = (status, value, type = 'application/x-amz-json-1.0') => { res.writeHead(status, { 'content-type': type, 'x-amzn-requestid': 'r-1' }); res.end(JSON.stringify(value)); };
        if (target === 'DynamoDB_20120810.GetItem') return json(200, { Item: { id: { S: 'request#1' }, version: { N: '3' }, tags: { SS: ['a', 'b'] } } });
        if (target === 'DynamoDB_20120810.PutItem') return json(400, { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed' });
        if (target === 'AmazonSQS.SendMessage') return json(200, { MessageId: 'q-1', MD5OfMessageBody: createHash('md5').update(JSON.parse(body).MessageBody).digest('hex') });
        if (target === 'secretsmanager.GetSecretValue') return json(200, { ARN: 'arn:aws:secretsmanager:ap-south-1:1:secret:s', Name: 's', SecretString: 'reply-key' }, 'application/x-amz-json-1.1');
        if (req.url.startsWith('/v2/email/outbound-emails')) return json(200, { MessageId: 'ses-1' }, 'application/json');
        const key = req.url.split('?')[0];
        if (req.url.includes('select&select-type=2')) { res.writeHead(200, { 'content-type': 'application/octet-stream' }); return res.end(); }
        if (req.url.includes('list-type=2')) { res.writeHead(200, { 'content-type': 'application/xml' }); return res.end('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>b</Name><KeyCount>1</KeyCount><IsTruncated>false</IsTruncated><Contents><Key>k/a.txt</Key><Size>3</Size><ETag>"e"</ETag><LastModified>2026-03-01T09:00:00.000Z</LastModified></Contents></ListBucketResult>'); }
        if (req.method === 'PUT') { objects.set(key, [body, req.headers['content-type'], req.headers['x-amz-checksum-crc32']]); res.writeHead(200, { etag: '"e"', 'x-amz-checksum-crc32': req.headers['x-amz-checksum-crc32'] ?? '' }); return res.end(); }
        const found = objects.get(key);
        if (!found) { res.writeHead(404, { 'content-type': 'application/xml' }); return res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>missing</Key><RequestId>r-2</RequestId></Error>'); }
        res.writeHead(200, { 'content-type': found[1], etag: '"e"', 'content-length': found[0].length, ...(found[2] ? { 'x-amz-checksum-crc32': found[2] } : {}) });
        res.end(found[0]);
      });
    });
    await new Promise((resolve) => server.listen(Number(process.env.PORT), '127.0.0.1', resolve));
    const endpoint = 'http://127.0.0.1:' + server.address().port;
    const config = { region: 'ap-south-1', endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 };
    const outcome = async (f) => { try { const out = await f(); return { out: JSON.parse(JSON.stringify(out, (k, v) => (k === 'Body' ? undefined : v))) }; } catch (e) { return { error: { name: e.name, message: e.message, fault: e.$fault, status: e.$metadata?.httpStatusCode } }; } };
    const s3 = new S3Client({ ...config, forcePathStyle: true });
    const dynamo = new DynamoDBClient(config);
    const results = {
      put: await outcome(() => s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k/a.txt', Body: new Uint8Array([104, 105, 10]), ContentType: 'text/plain' }))),
      anchor: await outcome(() => s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'anchors/000001.json', Body: '{"sequence":1}', ContentType: 'application/json', IfNoneMatch: '*', ChecksumAlgorithm: 'SHA256', ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: new Date('2036-03-01T09:00:00Z') }))),
      get: await outcome(async () => { const o = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k/a.txt' })); return { ...o, bytes: [...(await o.Body.transformToByteArray())] }; }),
      missing: await outcome(() => s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'missing' }))),
      missingIsNoSuchKey: await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'missing' })).catch((e) => e instanceof NoSuchKey),
      list: await outcome(() => s3.send(new ListObjectsV2Command({ Bucket: 'b', Prefix: 'k/' }))),
      item: await outcome(() => dynamo.send(new GetItemCommand({ TableName: 't', Key: { id: { S: 'request#1' } }, ConsistentRead: true }))),
      conflict: await outcome(() => dynamo.send(new PutItemCommand({ TableName: 't', Item: { id: { S: 'x' } }, ConditionExpression: 'attribute_not_exists(id)' }))),
      conflictIsClass: await dynamo.send(new PutItemCommand({ TableName: 't', Item: { id: { S: 'x' } }, ConditionExpression: 'attribute_not_exists(id)' })).catch((e) => e instanceof ConditionalCheckFailedException),
      mail: await outcome(() => new SESv2Client(config).send(new SendEmailCommand({ Content: { Raw: { Data: new TextEncoder().encode('Subject: x\\r\\n\\r\\nhi') } } }))),
      queued: await outcome(() => new SQSClient(config).send(new SendMessageCommand({ QueueUrl: endpoint + '/1/mail.fifo', MessageBody: '{"streamId":"request#1"}', MessageGroupId: 'g', MessageDeduplicationId: 'd' }))),
      secret: await outcome(() => new SecretsManagerClient(config).send(new GetSecretValueCommand({ SecretId: 'arn:aws:secretsmanager:ap-south-1:1:secret:s' }))),
    };
    const calls = requests.length;
    const select = await outcome(() => s3.send(new SelectObjectContentCommand({ Bucket: 'b', Key: 'k/a.txt', Expression: 'select * from s3object', ExpressionType: 'SQL', InputSerialization: { CSV: {} }, OutputSerialization: { CSV: {} } })));
    server.close();
    return { results, requests: requests.slice(0, calls), select };
  };`;

describe('S3’s XML request serializer left out (infra/shims/xml-shape-serializer.ts)', () => {
  it('is needed by no S3 operation our code calls', async () => {
    // Prepare: every S3 operation whose request has an XML body (a structure payload, or members bound to no header, query or path).
    const { NormalizedSchema } = await import('@smithy/core/schema');
    const s3 = (await import('@aws-sdk/client-s3')) as Record<string, unknown>;
    const bound = ['httpHeader', 'httpQuery', 'httpLabel', 'httpPrefixHeaders', 'httpQueryParams', 'httpResponseCode'];
    const withXmlBody = Object.entries(s3)
      .filter(([name, schema]) => name.endsWith('$') && Array.isArray(schema) && schema[0] === 9)
      .filter(([, schema]) => {
        const input = NormalizedSchema.of((schema as Parameters<typeof NormalizedSchema.of>[0][])[4]!);
        return [...input.structIterator()].some(([, member]) => {
          const traits = member.getMergedTraits();
          if (traits.httpPayload) return member.isStructSchema() || member.isListSchema() || member.isMapSchema();
          return !bound.some((t) => t in traits);
        });
      })
      .map(([name]) => name.replace('$', ''));
    // Act: where our code names one of them.
    const sources = spawnSync(
      'git',
      [
        'grep',
        '-l',
        '-w',
        '-E',
        withXmlBody.map((n) => `${n}Command`).join('|'),
        '--',
        'functions',
        'adapters',
        'application',
        'domain',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    // Assess
    expect(withXmlBody).toEqual(
      expect.arrayContaining([
        'DeleteObjects',
        'CompleteMultipartUpload',
        'SelectObjectContent',
        'PutBucketLifecycleConfiguration',
      ]),
    );
    expect(withXmlBody).not.toEqual(expect.arrayContaining(['PutObject']));
    expect(withXmlBody.filter((n) => ['GetObject', 'PutObject', 'ListObjectsV2'].includes(n))).toEqual([]);
    expect(sources.stdout.trim()).toBe('');
  });

  it('fails with a clear message if an XML body is ever written', async () => {
    const { XmlShapeSerializer } = await import('../../infra/shims/xml-shape-serializer.js');
    const serializer = new XmlShapeSerializer({});
    serializer.setSerdeContext({});
    expect(() => serializer.write({}, {})).toThrow(/XML request serializer is not bundled/);
    expect(() => serializer.flush()).toThrow(/XML request serializer is not bundled/);
  });
});

describe('the AWS clients with the functions’ aliases and plugins (event streams, JS hashes, package versions, LRU cache, XML serializer)', () => {
  it('send the same requests and read the same answers, and refuse loudly an operation that needs what was left out', async () => {
    // Prepare: the calls bundled as the SDK ships (no aliases, no plugins) and as the functions bundle them.
    const entry = join(dir, 'aws-calls.ts');
    writeFileSync(entry, AWS_CALLS);
    const outputs: string[] = [];
    const inputs: string[][] = [];
    const variants: [string, Pick<BuildOptions, 'alias' | 'plugins'>][] = [
      ['before', { alias: {}, plugins: [] }],
      ['after', { alias: ALIASES, plugins: bundlePlugins('mailer') }],
    ];
    for (const [tag, swaps] of variants) {
      const outdir = join(dir, `aws-${tag}`);
      const { metafile = { inputs: {}, outputs: {} } } = await build({
        ...bundleOptions('mailer', outdir),
        entryPoints: { index: entry },
        nodePaths: [join(ROOT, 'node_modules')],
        ...swaps,
        sourcemap: false,
        metafile: true,
        logLevel: 'silent',
      });
      outputs.push(join(outdir, 'index.mjs'));
      inputs.push(
        Object.values(metafile.outputs).flatMap((o) =>
          Object.entries(o.inputs)
            .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
            .map(([i]) => i),
        ),
      );
    }
    // Act: in a Node with no AWS settings of its own, both on the same free port (the queue URL names it).
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const calls = (file: string, tag: string) => {
      const script = join(dir, `aws-${tag}.mjs`);
      writeFileSync(
        script,
        `const { run } = await import(${JSON.stringify(file)}); console.log(JSON.stringify(await run()));`,
      );
      const out = spawnSync(process.execPath, [script], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: dir, PORT: String(port) },
      });
      if (out.status !== 0) throw new Error(out.stderr);
      return JSON.parse(out.stdout) as {
        results: Record<string, unknown>;
        requests: { url: string; headers: Record<string, string> }[];
        select: { error?: { message: string } };
      };
    };
    const before = calls(outputs[0]!, 'b');
    const after = calls(outputs[1]!, 'a');
    // Assess
    expect(after.results).toEqual(before.results);
    expect(after.requests).toEqual(before.requests);
    expect(before.results).toMatchObject({
      get: { out: { bytes: [104, 105, 10], ContentType: 'text/plain' } },
      missing: { error: { name: 'NoSuchKey' } },
      missingIsNoSuchKey: true,
      conflictIsClass: true,
      secret: { out: { SecretString: 'reply-key' } },
      queued: { out: { MessageId: 'q-1' } },
    });
    expect(before.requests.find((r) => r.url.startsWith('/b/k/a.txt'))?.headers).toMatchObject({
      'x-amz-checksum-crc32': expect.any(String),
      'user-agent': expect.stringMatching(/api\/s3#\d+\.\d+\.\d+/),
    });
    expect(before.requests.find((r) => r.url.startsWith('/b/anchors/000001.json'))?.headers).toMatchObject({
      'x-amz-checksum-sha256': expect.any(String),
      'x-amz-object-lock-retain-until-date': '2036-03-01T09:00:00Z',
      'if-none-match': '*',
    });
    expect(before.select.error?.message ?? '').not.toMatch(/not bundled/);
    expect(after.select.error?.message).toMatch(/(XML request serializer|AWS event streams) (is|are) not bundled/);
    const cut =
      /event-streams\/|(Sha256Js|Md5Js|Sha1Js|XmlShapeSerializer)\.js$|@aws-sdk\/client-[^/]+\/package\.json$|mnemonist\//;
    expect(inputs[0]!.filter((i) => cut.test(i)).length).toBeGreaterThan(10);
    expect(inputs[1]!.filter((i) => cut.test(i))).toEqual([]);
  }, 120_000);
});

describe('the AWS SDK package versions written in (infra/bundle-plugins.ts, inlinePackageVersion)', () => {
  const read = () => ({ version: '3.1.2', scripts: { build: 'x' } });
  it('write the version in where the runtime configuration reads nothing else of package.json', () => {
    const source =
      'import packageInfo from "../package.json";\nexport const ua = { clientVersion: packageInfo.version };';
    expect(inlinePackageVersion(source, read)).toBe(
      'const packageInfo = { version: "3.1.2" };\nexport const ua = { clientVersion: packageInfo.version };',
    );
  });

  it('leave the import as it is where more is read, or no version is found', () => {
    const more =
      'import packageInfo from "../package.json";\nexport const ua = [packageInfo.version, packageInfo.name];';
    const whole = 'import packageInfo from "../package.json";\nexport const info = packageInfo;';
    expect(inlinePackageVersion(more, read)).toBe(more);
    expect(inlinePackageVersion(whole, read)).toBe(whole);
    expect(inlinePackageVersion(more.replace(', packageInfo.name', ''), () => ({}))).toBe(
      more.replace(', packageInfo.name', ''),
    );
  });
});

describe('the SDK’s JavaScript hashes left out (infra/shims/js-hash-fallbacks.ts)', () => {
  it('are never taken on this Node, and refuse with a clear message if a Node without crypto ever did', async () => {
    // Prepare, Act: the SDK's Node hashes as bundled (with the stand-ins) on a known input.
    const entry = join(dir, 'hashes.ts');
    writeFileSync(
      entry,
      "export { Sha256Node, Md5Node } from '@smithy/core/checksum'; export { Sha1Node } from '@aws-sdk/checksums/sha';",
    );
    const outdir = join(dir, 'hashes');
    await build({
      ...bundleOptions('mailer', outdir),
      entryPoints: { index: entry },
      nodePaths: [join(ROOT, 'node_modules')],
      alias: ALIASES,
      plugins: bundlePlugins('mailer'),
      sourcemap: false,
      metafile: false,
      logLevel: 'silent',
    });
    const digests = runJson(
      'hashes-run.mjs',
      `
      const { Sha256Node, Md5Node, Sha1Node } = await import(${JSON.stringify(join(outdir, 'index.mjs'))});
      const hex = async (H, secret) => { const h = new H(secret); h.update(new TextEncoder().encode('abc')); return Buffer.from(await h.digest()).toString('hex'); };
      console.log(JSON.stringify([await hex(Sha256Node), await hex(Sha256Node, 'key'), await hex(Md5Node), await hex(Sha1Node)]));`,
    );
    const { Sha256Js, Md5Js, Sha1Js } = await import('../../infra/shims/js-hash-fallbacks.js');
    // Assess
    expect(digests).toEqual([
      createHash('sha256').update('abc').digest('hex'),
      createHmac('sha256', 'key').update('abc').digest('hex'),
      createHash('md5').update('abc').digest('hex'),
      createHash('sha1').update('abc').digest('hex'),
    ]);
    expect(() => new Sha256Js()).toThrow(/JavaScript SHA-256 is not bundled/);
    expect(() => new Md5Js()).toThrow(/JavaScript MD5 is not bundled/);
    expect(() => new Sha1Js()).toThrow(/JavaScript SHA-1 is not bundled/);
  }, 60_000);
});

describe('the AWS partitions table without region descriptions (infra/bundle-plugins.ts, sdkPartitions)', () => {
  it('resolve every client’s endpoint for every region, listed or not, FIPS and dual-stack, exactly as before', async () => {
    // Prepare: each client's endpoint resolver and the partition function, bundled without and with the plugins.
    const resolvers = [
      'client-s3',
      'client-dynamodb',
      'client-sesv2',
      'client-sqs',
      'client-kms',
      'client-secrets-manager',
    ];
    const entry = join(dir, 'endpoints.ts');
    writeFileSync(
      entry,
      [
        "export { partition } from '@aws-sdk/core/client';",
        ...resolvers.map(
          (c, i) =>
            `export { defaultEndpointResolver as r${i} } from ${JSON.stringify(join(ROOT, 'node_modules/@aws-sdk', c, 'dist-es/endpoint/endpointResolver.js'))};`,
        ),
      ].join('\n'),
    );
    const outputs: string[] = [];
    for (const [tag, plugins] of [
      ['before', []],
      ['after', bundlePlugins('mailer')],
    ] as const) {
      const outdir = join(dir, `endpoints-${tag}`);
      await build({
        ...bundleOptions('mailer', outdir),
        entryPoints: { index: entry },
        nodePaths: [join(ROOT, 'node_modules')],
        plugins: [...plugins],
        sourcemap: false,
        metafile: false,
        logLevel: 'silent',
      });
      outputs.push(join(outdir, 'index.mjs'));
    }
    const source = readFileSync(
      join(ROOT, 'node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'),
      'utf8',
    );
    const listed = [...source.matchAll(/^ {16}"([a-z0-9-]+)": \{$/gm)].map((m) => m[1]!);
    const regions = [
      ...listed,
      'ap-south-9',
      'eu-central-7',
      'cn-north-9',
      'us-gov-west-9',
      'us-iso-east-9',
      'us-isob-west-9',
      'eu-isoe-west-9',
      'us-isof-south-9',
      'eusc-de-east-9',
      'xx-yyyy-1',
      'local',
      '',
    ];
    // Act
    const resolve = (file: string, tag: string) =>
      runJson(
        `endpoints-${tag}.mjs`,
        `
      const m = await import(${JSON.stringify(file)});
      const out = [];
      for (const Region of ${JSON.stringify(regions)}) {
        const { description, ...partition } = m.partition(Region);
        out.push({ Region, partition });
        for (let i = 0; i < ${resolvers.length}; i++) for (const UseFIPS of [false, true]) for (const UseDualStack of [false, true]) {
          try { const e = m['r' + i]({ Region, UseFIPS, UseDualStack }); out.push({ i, url: e.url.href, properties: e.properties ?? null, headers: e.headers ?? null }); }
          catch (err) { out.push({ i, error: err.message }); }
        }
      }
      console.log(JSON.stringify(out));`,
      ) as { url?: string }[];
    const before = resolve(outputs[0]!, 'b');
    const after = resolve(outputs[1]!, 'a');
    // Assess
    expect(listed.length).toBeGreaterThan(40);
    expect(after).toEqual(before);
    expect(before).toContainEqual(expect.objectContaining({ url: 'https://dynamodb.ap-south-1.amazonaws.com/' }));
    expect(before).toContainEqual(
      expect.objectContaining({ url: 'https://s3-fips.dualstack.us-gov-west-1.amazonaws.com/' }),
    );
    expect(readFileSync(outputs[1]!).length).toBeLessThan(readFileSync(outputs[0]!).length - 1_500);
  }, 60_000);

  it('leave a table of another shape as it is', () => {
    expect(partitionsWithoutDescriptions('export const partitionsInfo = loadTable();\n')).toBe(
      'export const partitionsInfo = loadTable();\n',
    );
    expect(
      partitionsWithoutDescriptions(
        'export const partitionsInfo = {"partitions":[{"id":"aws","regions":{"ap-south-1":{"description":"Asia Pacific (Mumbai)","x":1}}}]};',
      ),
    ).toBe('export const partitionsInfo = {"partitions":[{"id":"aws","regions":{"ap-south-1":{"x":1}}}]};\n');
  });
});

describe('mnemonist’s LRU cache replaced by one on a Map (infra/shims/lru-cache.ts)', () => {
  it('answers every random sequence of operations as mnemonist’s does', async () => {
    // Prepare
    const { default: Shim } = await import('../../infra/shims/lru-cache.js');
    const { default: Mnemonist } = (await import('mnemonist/lru-cache.js')) as unknown as {
      default: new (capacity: number) => {
        set(k: string, v: number): void;
        get(k: string): number | undefined;
        peek(k: string): number | undefined;
        has(k: string): boolean;
        clear(): void;
        size: number;
      };
    };
    const key = fc.constantFrom(
      '{"accessKeyId":"AKID"}',
      '{"accessKeyId":"AKID","commandName":"GetItem","identifiers":{}}',
      '{}',
      '{"a":1}',
      '{"b":2}',
      '{"c":3}',
    );
    const op = fc.oneof(
      fc.tuple(fc.constant('set' as const), key, fc.integer()),
      fc.tuple(fc.constantFrom('get' as const, 'peek' as const, 'has' as const), key),
      fc.constant(['clear'] as const),
    );
    // Act, Assess
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 60 }), (capacity, ops) => {
        const [ours, theirs] = [new Shim<string, number>(capacity), new Mnemonist(capacity)];
        const run = (cache: typeof theirs) =>
          ops
            .map((o) => (o[0] === 'set' ? cache.set(o[1], o[2]) : o[0] === 'clear' ? cache.clear() : cache[o[0]](o[1])))
            .concat(cache.size);
        expect(run(ours)).toEqual(run(theirs));
      }),
      { numRuns: 2000, seed: 16 },
    );
    expect(() => new Shim(0)).toThrow('mnemonist/lru-cache: capacity should be positive number.');
    expect(() => new Mnemonist(0)).toThrow('mnemonist/lru-cache: capacity should be positive number.');
  });
});

describe('JMESPath’s search replaced for field paths (infra/shims/jmespath-search.ts)', () => {
  const JMESPATH = join(
    ROOT,
    'node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm',
  );

  it('finds what Powertools’ JMESPath finds for every field path, on any data', async () => {
    // Prepare
    const { search: real } = (await import(join(JMESPATH, 'index.js'))) as {
      search: (e: string, d: unknown, o?: unknown) => unknown;
    };
    const { PowertoolsFunctions } = (await import(join(JMESPATH, 'PowertoolsFunctions.js'))) as {
      PowertoolsFunctions: new () => unknown;
    };
    const { search: ours } = await import('../../infra/shims/jmespath-search.js');
    const name = fc.constantFrom('key', 'fingerprint', 'a', 'b', 'toString', 'constructor', 'length', '_x1');
    const data = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        tie('object'),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.constant(undefined),
      ),
      object: fc.dictionary(name, tie('value'), { maxKeys: 4 }),
    })).value;
    // An expression that is itself a name on Object.prototype ("constructor") crashes Powertools' parser cache: left out.
    const expression = fc
      .array(name, { minLength: 1, maxLength: 3 })
      .map((n) => n.join('.'))
      .filter((e) => !(e in Object.prototype));
    // Act, Assess
    fc.assert(
      fc.property(expression, data, (e, d) => {
        expect(ours(e, d, { customFunctions: new PowertoolsFunctions() })).toEqual(
          real(e, d, { customFunctions: new PowertoolsFunctions() }),
        );
      }),
      { numRuns: 3000, seed: 16 },
    );
    expect(ours('key', { key: 'k-1', fingerprint: 'f' })).toBe('k-1');
    expect(ours('key', { fingerprint: 'f' })).toBeNull();
  });

  it('refuses any other expression with a clear message, and the functions use none', () => {
    // Prepare: the JMESPath expressions our code configures.
    const configured = spawnSync(
      'git',
      ['grep', '-h', '-o', '-E', "JmesPath: '[^']*'", '--', 'functions', 'adapters', 'application'],
      { cwd: ROOT, encoding: 'utf8' },
    )
      .stdout.trim()
      .split('\n')
      .map((l) => l.replace(/^.*JmesPath: '|'$/g, ''));
    // Act, Assess
    return import('../../infra/shims/jmespath-search.js').then(({ search }) => {
      for (const e of ['powertools_json(body)', 'a[0]', '"key"', 'a || b', '', '*', 'a.b[*]', '@'])
        expect(() => search(e, { a: 1 })).toThrow(/is not supported in this bundle/);
      expect(configured).toEqual(expect.arrayContaining(['key', 'fingerprint']));
      for (const e of configured) expect(search(e, { [e]: 'v' })).toBe('v');
    });
  });
});
