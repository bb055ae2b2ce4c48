/**
 * `npx tsx scripts/bench/cold-start-probe.ts [rounds]`: where the API's cold start (bench P4b) spends
 * its time, beside the floor's. Both bundled as P4b bundles them, against a DynamoDB Local of its own;
 * each round starts a fresh Node process per side that imports the bundle and serves P4b's request
 * (`GET /calendar/due-date`), timing inside the process: the import, the first request, the process's
 * CPU time, and the modules (chunks) and bytes of JavaScript Node loaded. Medians over the rounds.
 * Wall times on a loaded machine wander; the module count, the bytes and the CPU time are steadier.
 * docs/benchmarks.md (P4b) says what the figures meant when last measured.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTable } from '../../adapters/dynamodb/tables.js';
import { bundleFunctionAsync } from '../../infra/bundle.js';
import { eventsTable, readModelTable } from '../../infra/tables.js';
import { bundleSdkFloor } from './bundles.js';
import { loadAverage, median, withDynamoDbLocal } from './figures.js';

const rounds = Number(process.argv[2] ?? 11);

/** Logs every JavaScript file Node loads (a module hook), so the probe can count chunks and bytes. */
const hook = `data:text/javascript,${encodeURIComponent(`
  import { register } from 'node:module';
  register('data:text/javascript,' + encodeURIComponent(\`
    export async function load(url, context, next) {
      const loaded = await next(url, context);
      if (url.startsWith('file:') && url.endsWith('.mjs')) process._rawDebug('LOADED ' + (loaded.source?.length ?? 0));
      return loaded;
    }\`));`)}`;

/** P4b's request (bundles.ts, measureApiColdStart), with the import and the request timed apart. */
const script = (dir: string) => `
  const t0 = performance.now();
  const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});
  const t1 = performance.now();
  const event = { version: '2.0', routeKey: '$default', rawPath: '/calendar/due-date', rawQueryString: 'receivedAt=2026-11-23T04:00:00.000Z',
    headers: {}, queryStringParameters: { receivedAt: '2026-11-23T04:00:00.000Z' }, isBase64Encoded: false,
    requestContext: { http: { method: 'GET', path: '/calendar/due-date' }, requestId: 'probe' } };
  const out = await handler(event, { awsRequestId: 'probe', functionName: 'api', getRemainingTimeInMillis: () => 30000 });
  const t2 = performance.now();
  if (out.statusCode !== 200) { console.error(JSON.stringify(out)); process.exit(1); }
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ importMs: t1 - t0, requestMs: t2 - t1, cpuMs: (cpu.user + cpu.system) / 1000, uptimeMs: performance.now() }));
  process.exit(0);`;

interface Sample {
  readonly importMs: number;
  readonly requestMs: number;
  readonly cpuMs: number;
  readonly uptimeMs: number;
}

const run = (dir: string, env: Record<string, string>, withHook = false) => {
  const out = spawnSync(
    process.execPath,
    [...(withHook ? ['--import', hook] : []), '--input-type=module', '-e', script(dir)],
    { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' },
  );
  if (out.status !== 0) throw new Error(`probe of ${dir} failed: ${out.stderr.slice(0, 2000)}`);
  const loaded = out.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => Number(l.slice(7)));
  return {
    sample: JSON.parse(out.stdout) as Sample,
    modules: loaded.length,
    kb: loaded.reduce((a, b) => a + b, 0) / 1024,
  };
};

const dir = mkdtempSync(join(tmpdir(), 'desk-cold-probe-'));
try {
  const api = (await bundleFunctionAsync('api', join(dir, 'api'))).outdir;
  const floor = await bundleSdkFloor(join(dir, 'floor'));
  await withDynamoDbLocal(async ({ endpoint, client }) => {
    await ensureTable(client, eventsTable, 'probe-events');
    await ensureTable(client, readModelTable, 'probe-read');
    const env = {
      AWS_REGION: 'ap-south-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      EVENTS_TABLE: 'probe-events',
      READ_MODEL_TABLE: 'probe-read',
      OBJECT_BUCKET: 'probe-bucket',
      USER_POOL_ID: 'ap-south-1_probe',
      USER_POOL_CLIENT_ID: 'probe-client',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_SERVICE_NAME: 'api',
    };
    const sides = { api, floor } as const;
    const shape = Object.fromEntries(Object.entries(sides).map(([name, d]) => [name, run(d, env, true)]));
    const samples: Record<string, Sample[]> = { api: [], floor: [] };
    for (let i = 0; i < rounds; i++)
      for (const [name, d] of Object.entries(sides)) samples[name]!.push(run(d, env).sample);
    const m = (name: string, key: keyof Sample) => median(samples[name]!.map((s) => s[key]));
    for (const name of Object.keys(sides))
      console.log(
        `${name}: ${shape[name]!.modules} modules, ${shape[name]!.kb.toFixed(0)} KB loaded; medians over ${rounds} rounds: ` +
          `import ${m(name, 'importMs').toFixed(1)} ms, request ${m(name, 'requestMs').toFixed(1)} ms, ` +
          `process CPU ${m(name, 'cpuMs').toFixed(1)} ms, process up ${m(name, 'uptimeMs').toFixed(1)} ms`,
      );
    const ratio = (key: keyof Sample) =>
      median(samples.api!.map((s, i) => s[key] / (samples.floor![i] as Sample)[key])).toFixed(2);
    console.log(
      `API ÷ floor (median of per-round ratios): process up ${ratio('uptimeMs')}, CPU ${ratio('cpuMs')}; load average ${loadAverage()}`,
    );
  }, '512m');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
