import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { bundleFunctionAsync, bundleOptions, FUNCTIONS } from '../../infra/bundle.js';

export interface BundleFigure {
  readonly name: string;
  readonly kb: number;
  /** Importing the bundle ÷ a bare Node start (median of per-pair ratios). */
  readonly loadRatio: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0] as number, max: s[s.length - 1] as number };
};

/** Wall time of one Node process, from spawn to exit. */
const timeNode = (args: string[], env: Record<string, string | undefined> = {}): number => {
  const t = performance.now();
  const out = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH, ...env },
  });
  const elapsed = performance.now() - t;
  if (out.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${out.stderr.toString().slice(0, 2000)}`);
  return elapsed;
};

/** Alternates `runs` bare Node starts with `runs` of `args`; the median of the per-pair ratios and their spread. */
const ratioToBareNode = (runs: number, args: string[], env?: Record<string, string | undefined>) => {
  const ratios: number[] = [];
  timeNode(['-e', '0']);
  timeNode(args, env); // warm the file cache
  for (let i = 0; i < runs; i++) {
    const bare = timeNode(['-e', '0']);
    ratios.push(timeNode(args, env) / bare);
  }
  return { ratio: median(ratios), ...spread(ratios) };
};

/** Like {@link ratioToBareNode} for several commands, each round timing all of them against the same bare start. */
const ratiosToBareNode = (runs: number, commands: readonly string[][], env?: Record<string, string | undefined>) => {
  const ratios = commands.map((): number[] => []);
  timeNode(['-e', '0']);
  for (const args of commands) timeNode(args, env); // warm the file cache
  for (let i = 0; i < runs; i++) {
    const bare = timeNode(['-e', '0']);
    commands.forEach((args, c) => ratios[c]!.push(timeNode(args, env) / bare));
  }
  return ratios.map((r) => ({ ratio: median(r), ...spread(r) }));
};

/**
 * Each function bundled by infra/bundle.ts, exactly as the CDK stack deploys it: the JavaScript it ships
 * (entry and chunks, without maps) in KB, and how long importing it takes against a bare Node start.
 */
export const measureBundles = async (): Promise<{
  figures: BundleFigure[];
  dir: string;
  floorDir: string;
  cleanup: () => void;
}> => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bundles-'));
  const figures: BundleFigure[] = [];
  for (const name of FUNCTIONS) {
    const built = await bundleFunctionAsync(name, join(dir, name));
    const entry = join(built.outdir, 'index.mjs');
    const load = ratioToBareNode(5, ['--input-type=module', '-e', `await import(${JSON.stringify(entry)})`]);
    figures.push({ name, kb: built.bytes / 1024, loadRatio: load.ratio });
  }
  const floorDir = await bundleSdkFloor(join(dir, 'sdk-floor'));
  return { figures, dir, floorDir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
};

/**
 * The floor of P4b (scripts/bench/fixtures/sdk-floor.ts: the DynamoDB document client and one GetItem),
 * built with the very options of the functions' bundles, only the entry point differs.
 */
export const bundleSdkFloor = async (outdir: string): Promise<string> => {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    ...bundleOptions('api', outdir),
    entryPoints: { index: fileURLToPath(new URL('fixtures/sdk-floor.ts', import.meta.url)) },
  });
  return outdir;
};

/**
 * P4b: a cold start of the API as Lambda runs it: a fresh Node process imports the deployed bundle and
 * serves one public request that reads the agency calendar from DynamoDB (Local), then exits; ÷ a bare
 * `node -e 0`. Median of `runs` alternating pairs, with the spread of the ratios. Given the floor's bundle
 * ({@link bundleSdkFloor}), the floor is timed the same way in the same rounds (`floor`).
 */
export const measureApiColdStart = (
  apiDir: string,
  dynamodbEndpoint: string,
  tables: { events: string; readModels: string },
  runs = 11,
  floorDir?: string,
) => {
  const script = (dir: string) => `
    const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});
    const event = { version: '2.0', routeKey: '$default', rawPath: '/calendar/due-date', rawQueryString: 'receivedAt=2026-11-23T04:00:00.000Z',
      headers: {}, queryStringParameters: { receivedAt: '2026-11-23T04:00:00.000Z' }, isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/calendar/due-date' }, requestId: 'p4b' } };
    const out = await handler(event, { awsRequestId: 'p4b', functionName: 'api', getRemainingTimeInMillis: () => 30000 });
    if (out.statusCode !== 200) { console.error(JSON.stringify(out)); process.exit(1); }
    process.exit(0);`;
  const [api, floor] = ratiosToBareNode(
    runs,
    [apiDir, ...(floorDir ? [floorDir] : [])].map((dir) => ['--input-type=module', '-e', script(dir)]),
    {
      AWS_REGION: 'ap-south-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint,
      EVENTS_TABLE: tables.events,
      READ_MODEL_TABLE: tables.readModels,
      OBJECT_BUCKET: 'bench-bucket',
      USER_POOL_ID: 'ap-south-1_bench',
      USER_POOL_CLIENT_ID: 'bench-client',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_SERVICE_NAME: 'api',
    },
  );
  return { ...api!, ...(floor ? { floor } : {}) };
};
