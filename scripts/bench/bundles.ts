import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { bundleFunctionAsync, bundleOptions, FUNCTIONS } from '../../infra/bundle.js';
import { loadAverage, median, spread, type FigureLine } from './figures.js';

export interface BundleFigure {
  readonly name: string;
  readonly kb: number;
  /** Importing the bundle ÷ a bare Node start (median of per-pair ratios). */
  readonly loadRatio: number;
}

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

/**
 * Times several commands in alternating rounds, each round a bare Node start and then every command once;
 * the per-round times of each, so ratios between them are taken within a round (drift cancels).
 */
const timeInRounds = (runs: number, commands: readonly string[][], env?: Record<string, string | undefined>) => {
  const times = [[] as number[], ...commands.map((): number[] => [])];
  timeNode(['-e', '0']);
  for (const args of commands) timeNode(args, env); // warm the file cache
  for (let i = 0; i < runs; i++) {
    times[0]!.push(timeNode(['-e', '0']));
    commands.forEach((args, c) => times[c + 1]!.push(timeNode(args, env)));
  }
  return times;
};

/** The median of per-round ratios `a[i] / b[i]` and their spread. */
const pairedRatio = (a: readonly number[], b: readonly number[]) => {
  const ratios = a.map((x, i) => x / (b[i] as number));
  return { ratio: median(ratios), ...spread(ratios) };
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
 * serves one public request that reads the agency calendar from DynamoDB (Local), then exits; ÷ the floor
 * ({@link bundleSdkFloor}: a fresh process importing the SDK's document client and doing one GetItem),
 * timed in the same rounds. Median of `runs` per-round ratios with their spread; each also ÷ a bare
 * `node -e 0` of the same round.
 */
export const measureApiColdStart = (
  apiDir: string,
  floorDir: string,
  dynamodbEndpoint: string,
  tables: { events: string; readModels: string },
  runs = 11,
) => {
  const script = (dir: string) => `
    const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});
    const event = { version: '2.0', routeKey: '$default', rawPath: '/calendar/due-date', rawQueryString: 'receivedAt=2026-11-23T04:00:00.000Z',
      headers: {}, queryStringParameters: { receivedAt: '2026-11-23T04:00:00.000Z' }, isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/calendar/due-date' }, requestId: 'p4b' } };
    const out = await handler(event, { awsRequestId: 'p4b', functionName: 'api', getRemainingTimeInMillis: () => 30000 });
    if (out.statusCode !== 200) { console.error(JSON.stringify(out)); process.exit(1); }
    process.exit(0);`;
  const [bare, api, floor] = timeInRounds(
    runs,
    [apiDir, floorDir].map((dir) => ['--input-type=module', '-e', script(dir)]),
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
  ) as [number[], number[], number[]];
  return {
    ...pairedRatio(api, floor),
    runs,
    apiMs: median(api),
    floorMs: median(floor),
    bareMs: median(bare),
    apiVsBare: pairedRatio(api, bare),
    floorVsBare: pairedRatio(floor, bare),
  };
};

/** No function may ship more than this (KB of JavaScript, entry and chunks): P4's guard. */
export const LARGEST_FUNCTION_KB = 850;

/**
 * P4 and P4b as `npm run bench` prints them: every function bundled as deployed, the largest in KB
 * against its guard, then the API's cold start against the floor, with what each took.
 */
export const benchBundles = async (
  dynamodbEndpoint: string,
  tables: { events: string; readModels: string },
  line: FigureLine,
  runs = 11,
): Promise<void> => {
  const bundles = await measureBundles();
  try {
    for (const b of bundles.figures)
      console.log(`  bundle ${b.name}: ${b.kb.toFixed(0)} KB, loads in ${b.loadRatio.toFixed(2)}× a bare Node start`);
    line('P4', 'largest-function-kb', Math.max(...bundles.figures.map((b) => b.kb)), '<=', LARGEST_FUNCTION_KB);
    const cold = measureApiColdStart(join(bundles.dir, 'api'), bundles.floorDir, dynamodbEndpoint, tables, runs);
    console.log(
      `  P4b spread ${cold.min.toFixed(2)}–${cold.max.toFixed(2)} over ${runs} alternating runs; medians: API ${cold.apiMs.toFixed(0)} ms, ` +
        `floor (document client + one GetItem, same build) ${cold.floorMs.toFixed(0)} ms, bare Node ${cold.bareMs.toFixed(0)} ms ` +
        `(API ${cold.apiVsBare.ratio.toFixed(2)}×, floor ${cold.floorVsBare.ratio.toFixed(2)}× bare); load average ${loadAverage()}`,
    );
    line('P4b', 'api-cold-start-vs-floor', cold.ratio, '<=', 1.5);
  } finally {
    bundles.cleanup();
  }
};
