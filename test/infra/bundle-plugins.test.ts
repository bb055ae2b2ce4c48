import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { build, type Plugin } from 'esbuild';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions, bundlePlugins } from '../../infra/bundle.js';
import { exportedNames, inlineSchemaKeys, libmimeTypeAnswers, sdkSchemaKeys, ZOD_JSON_SCHEMA_LEFT_OUT } from '../../infra/bundle-plugins.js';
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
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', mainFields: ['module', 'main'], plugins, logLevel: 'silent', banner: bundleOptions('intake', dir).banner });
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

const clients = readdirSync(join(ROOT, 'node_modules/@aws-sdk')).filter((c) => existsSync(join(ROOT, 'node_modules/@aws-sdk', c, 'dist-es/schemas/schemas_0.js')));

describe('the AWS SDK schema keys written out (infra/bundle-plugins.ts)', () => {
  it('leaves no computed key behind in any client the functions use', () => {
    // Prepare, Act
    const left = clients.map((c) => [c, inlineSchemaKeys(readFileSync(join(ROOT, 'node_modules/@aws-sdk', c, 'dist-es/schemas/schemas_0.js'), 'utf8')).match(/\[_\w+\]:/g) ?? []] as const);
    // Assess
    expect(clients).toEqual(expect.arrayContaining(['client-s3', 'client-dynamodb', 'client-sesv2', 'client-sqs', 'client-kms']));
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
    const out = runJson('schemas.mjs', `
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
      console.log(JSON.stringify(result));`) as Record<string, [Record<string, unknown>, Record<string, unknown>]>;
    // Assess
    for (const c of clients) {
      const [before, after] = out[c]!;
      expect(Object.keys(before).length).toBeGreaterThan(10);
      expect({ c, schemas: after }).toEqual({ c, schemas: before });
    }
    expect(out['client-s3']![1]['GetObjectRequest$']).toEqual(expect.arrayContaining([expect.arrayContaining([[0, { httpHeader: 'If-Match' }]])]));
  }, 120_000);
});

describe('the functions’ plugins on the calendar (astronomia marked side-effect free)', () => {
  it('compute the same provisional holidays and Dashain dates for 2025–2060', async () => {
    // Prepare
    const entry = join(ROOT, 'domain/calendar/bhutan-holidays.ts');
    const before = await bundle(entry, 'holidays-before', []);
    const after = await bundle(entry, 'holidays-after', bundlePlugins());
    // Act
    const years = (file: string) => runJson(`holidays-${file === before ? 'b' : 'a'}.mjs`, `
      const { provisionalBhutanHolidays } = await import(${JSON.stringify(file)});
      const out = {};
      for (let y = 2025; y <= 2060; y++) out[y] = provisionalBhutanHolidays(y);
      console.log(JSON.stringify(out));`) as Record<string, unknown[]>;
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
      { subject: 'Response: [NECS-2026-00001] བོད་ཡིག air quality', text: 'Please find the readings attached.', html: '<p>Please find the readings attached.</p>', attachments: [{ filename: 'pm25.csv', contentType: 'text/csv', content: [109, 44, 10] }] },
      { subject: 'Files', text: 'Three files, one without an extension', attachments: [{ filename: 'report.pdf', contentType: 'application/pdf', content: [37, 80, 68, 70] }, { filename: 'données été.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: [80, 75] }, { filename: 'README', contentType: 'text/plain', content: [104, 105] }, { filename: 'map.png', contentType: 'image/png', content: [137, 80, 78, 71] }] },
      { subject: 'Acknowledgment', text: 'Received.', attachments: [] },
    ];
    // Act: random boundaries and the Date header set aside.
    const compose = (file: string, tag: string) => runJson(`compose-${tag}.mjs`, `
      const { composeMime } = await import(${JSON.stringify(file)});
      const out = [];
      for (const m of ${JSON.stringify(mails)}) {
        const raw = await composeMime({ from: { name: 'NECS', address: 'requests@necs.example' }, replyTo: 'requests+x@necs.example', to: ['karma@example.bt'], cc: [], headers: { 'X-Request-Desk-Reference': 'NECS-2026-00001' }, messageId: '<m@necs.example>', html: undefined, ...m, attachments: m.attachments.map((a) => ({ ...a, content: Uint8Array.from(a.content) })) });
        out.push(raw.toString('latin1').replace(/^Date: .*$/m, 'Date: -').replace(/_NmP-[0-9a-f]+-Part/g, '_NmP-x-Part'));
      }
      console.log(JSON.stringify(out));`) as string[];
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
    const failure = await new Promise<Error & { code?: string }>((resolve) => nmfetch('https://example.org/a.pdf').on('error', resolve));
    expect({ code: failure.code, message: failure.message }).toEqual({ code: 'EURLACCESS', message: expect.stringContaining('Url access rejected for https://example.org/a.pdf') });
  });
});

describe('AWS event streams left out of the bundles (infra/shims/smithy-event-streams.ts)', () => {
  it('are needed by no operation of the clients the functions use but S3 SelectObjectContent, which nothing calls', async () => {
    // Prepare: every operation schema of each client; an event-stream member in its input or output.
    const { NormalizedSchema } = await import('@smithy/core/schema');
    const streaming: string[] = [];
    for (const c of ['client-s3', 'client-dynamodb', 'client-sqs', 'client-sesv2', 'client-kms', 'client-secrets-manager', 'client-cognito-identity-provider']) {
      const mod = (await import(`@aws-sdk/${c}`)) as Record<string, unknown>;
      for (const [name, schema] of Object.entries(mod)) {
        if (!name.endsWith('$') || !Array.isArray(schema) || schema[0] !== 9) continue;
        if (NormalizedSchema.of(schema[4]).getEventStreamMember() || NormalizedSchema.of(schema[5]).getEventStreamMember()) streaming.push(`${c} ${name}`);
      }
    }
    // Act: where our code names one of them.
    const sources = spawnSync('git', ['grep', '-l', '-E', streaming.map((s) => s.split(' ')[1]!.replace('$', '')).join('|'), '--', 'functions', 'adapters', 'application', 'domain'], { cwd: ROOT, encoding: 'utf8' });
    // Assess
    expect(streaming).toEqual(['client-s3 SelectObjectContent$']);
    expect(sources.stdout.trim()).toBe('');
  });

  it('fail with a clear message if an event-stream operation is ever called', async () => {
    const { eventStreamSerdeProvider } = await import('../../infra/shims/smithy-event-streams.js');
    expect(() => eventStreamSerdeProvider({})).toThrow(/event streams are not bundled/);
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
    const variants = keys.flatMap((k) => [k, k.toUpperCase(), ` ${k} `, `Report 2026.final.${k}`, `.${k}`, `${k}; charset=utf-8`, `${k}/x`, k.split('/')[1] ?? `x/${k}`]);
    const odd = ['', ' ', '.', '..', 'noextension', 'a.', '.pdf.', 'PDF', 'Image/JPEG', 'text/plain ', 't e x t/plain', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '*', 'mc$', 'x/*', 'application/octet-stream', 'données été.xlsx'];
    const random = fc.sample(fc.oneof(fc.string(), fc.constantFrom(...keys).chain((k) => fc.tuple(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 })).map(([a, b]) => `${a}${k}${b}`))), { numRuns: 5000, seed: 16 });
    const inputs = [...variants, ...odd, ...random];
    // Act: both lookups on every input, and on inputs that are not strings.
    const answers = (file: string, tag: string) => runJson(`libmime-${tag}.mjs`, `
      const libmime = (await import(${JSON.stringify(file)})).default.default;
      const inputs = [...${JSON.stringify(inputs)}, undefined, null, 0, 42, true];
      console.log(JSON.stringify(inputs.map((i) => [libmime.detectMimeType(i), libmime.detectExtension(i)])));`) as [string, string][];
    const was = answers(before, 'b');
    const now = answers(after, 'a');
    // Assess
    expect(now.length).toBe(inputs.length + 5);
    for (const [i, input] of inputs.entries()) if (now[i]![0] !== was[i]![0] || now[i]![1] !== was[i]![1]) expect({ input, answers: now[i] }).toEqual({ input, answers: was[i] });
    expect(now).toEqual(was);
    expect(was[inputs.indexOf('Report 2026.final.xlsx')]![0]).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(was[inputs.indexOf('image/jpeg')]![1]).toBe('jpeg');
    expect(readFileSync(after).length).toBeLessThan(readFileSync(before).length - 40_000);
  }, 60_000);

  it('stop the build when a table key could not be reached as written', () => {
    const lookups = { detectMimeType: () => 'text/plain', detectExtension: () => 'txt' };
    expect(libmimeTypeAnswers(lookups, { list: { 'text/plain': 'txt' }, extensions: { txt: 'text/plain' } })).toBe('0text/plain = txt');
    expect(() => libmimeTypeAnswers(lookups, { list: { 'Text/Plain': 'txt' }, extensions: {} })).toThrow(/libmime's type tables changed shape/);
    expect(() => libmimeTypeAnswers(lookups, { list: {}, extensions: { 'tar.gz': 'application/gzip' } })).toThrow(/libmime's type tables changed shape/);
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
    writeFileSync(entry, `
      import * as z from 'zod';
      import { AnyEvent } from ${JSON.stringify(join(ROOT, 'events/catalogue.ts'))};
      import { loadAgency } from ${JSON.stringify(join(ROOT, 'config/load.ts'))};
      export { z, AnyEvent, loadAgency };`);
    const outputs = [];
    for (const [tag, plugins] of [['before', []], ['after', bundlePlugins()]] as const) {
      const outdir = join(dir, `zod-${tag}`);
      await build({ ...bundleOptions('projector', outdir), entryPoints: { index: entry }, nodePaths: [join(ROOT, 'node_modules')], plugins: [...plugins], sourcemap: false, metafile: false, logLevel: 'silent' });
      cpSync(join(ROOT, 'config/holidays'), join(outdir, 'holidays'), { recursive: true });
      outputs.push(join(outdir, 'index.mjs'));
    }
    const types = AnyEvent.options.map((o) => o.shape.type.value);
    const inputs = [
      ...fc.sample(fc.jsonValue(), { numRuns: 300, seed: 16 }),
      ...fc.sample(fc.record({ type: fc.constantFrom(...types), schemaVersion: fc.constantFrom(1, 2), occurredAt: fc.constantFrom('2026-03-01T09:00:00+06:00', '2026-13-01', 'x'), actor: fc.oneof(fc.jsonValue(), fc.constant({ kind: 'system' })), data: fc.jsonValue() }), { numRuns: 500, seed: 16 }),
    ];
    // Act
    const run = (file: string, tag: string) => runJson(`zod-${tag}.mjs`, `
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
      }));`) as Record<string, unknown>;
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
