import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Metafile } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFunctionAsync, type BundleResult } from '../../infra/bundle.js';
import { parseAgencySources } from '../../config/load.js';
import { readValidated, VALIDATED_FILE } from '../../config/validated.js';

let dir: string;
let api: BundleResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-api-cold-'));
  api = await bundleFunctionAsync('api', join(dir, 'api'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The source files in the chunks Node loads with a chunk (static imports, followed). */
const loadedWith = (metafile: Metafile, start: string): string[] => {
  const outputs = metafile.outputs;
  const loaded = new Set<string>();
  const next = [start];
  while (next.length) {
    const out = next.pop() as string;
    if (loaded.has(out)) continue;
    loaded.add(out);
    for (const i of outputs[out]!.imports) if (i.kind === 'import-statement' && outputs[i.path]) next.push(i.path);
  }
  return [...loaded].flatMap((o) => Object.keys(outputs[o]!.inputs));
};
const entryOf = (metafile: Metafile) => Object.keys(metafile.outputs).find((o) => o.endsWith('/index.mjs')) as string;

describe('the API’s cold start (its bundle, as deployed)', () => {
  it('loads no route module, schema or OpenAPI builder at start: each route’s module loads on its first request', () => {
    const atStart = loadedWith(api.metafile, entryOf(api.metafile));
    expect(
      atStart.filter((i) =>
        /functions\/api\/(routes|schemas|openapi\/(?!prebuilt))|functions\/api\/all-routes|zod-openapi/.test(i),
      ),
    ).toEqual([]);
    expect(atStart).toEqual(expect.arrayContaining(['functions/api/route-table.ts', 'functions/api/app.ts']));
  });

  it('loads the token verifier (aws-jwt-verify) with the first token, not at start', () => {
    const atStart = loadedWith(api.metafile, entryOf(api.metafile));
    expect(atStart.filter((i) => i.includes('node_modules/aws-jwt-verify/'))).toEqual([]);
    expect(Object.keys(api.metafile.inputs).some((i) => i.includes('node_modules/aws-jwt-verify/'))).toBe(true);
  });

  it('builds the commands, the website workflow and the directory on first use: none of their code loads at start', () => {
    const atStart = loadedWith(api.metafile, entryOf(api.metafile));
    expect(
      atStart.filter((i) =>
        /application\/(request\/commands|website\/website-commands|directory\/service)\.ts|domain\/(request|website|directory)\/decide\.ts/.test(
          i,
        ),
      ),
    ).toEqual([]);
    expect(atStart).toEqual(
      expect.arrayContaining([
        'functions/shared/compose-store.ts',
        'adapters/dynamodb/event-store.ts',
        'application/calendar/agency-calendar.ts',
      ]),
    );
  });

  it('carries its OpenAPI document as a file written at build time, and no code to generate one', async () => {
    const { allRoutes } = await import('../../functions/api/all-routes.js');
    const { openApiDocument } = await import('../../functions/api/openapi/document.js');
    const shipped = JSON.parse(readFileSync(join(api.outdir, 'openapi.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(openApiDocument(allRoutes))));
    const inputs = Object.keys(api.metafile.inputs);
    expect(
      inputs.filter((i) =>
        /zod-openapi|functions\/api\/openapi\/document|^node_modules\/zod\/v4\/core\/to-json-schema/.test(i),
      ),
    ).toEqual([]);
  });

  it('sends no mail itself and computes no astronomy: the mailer sends the portal’s confirmations, holidays are tabulated', () => {
    const inputs = Object.keys(api.metafile.inputs);
    expect(
      inputs.filter((i) => /node_modules\/(nodemailer|astronomia|@hnw\/date-tibetan|@aws-sdk\/client-sesv2)\//.test(i)),
    ).toEqual([]);
  });

  it('builds the read models and the portal submissions on first use: their adapters and views load after start', () => {
    const atStart = loadedWith(api.metafile, entryOf(api.metafile));
    expect(
      atStart.filter((i) =>
        /adapters\/dynamodb\/(read-models|read-items|portal-submissions)\.ts|domain\/views\//.test(i),
      ),
    ).toEqual([]);
    expect(Object.keys(api.metafile.inputs)).toEqual(
      expect.arrayContaining(['adapters/dynamodb/read-models.ts', 'adapters/dynamodb/portal-submissions.ts']),
    );
  });

  it('serves the public due date (bench P4b) without loading the holidays route, its schemas or the other routes', () => {
    const dueDate = Object.keys(api.metafile.outputs).find(
      (o) => api.metafile.outputs[o]!.entryPoint === 'functions/api/routes/calendar-reads.ts',
    ) as string;
    const forDueDate = new Set([
      ...loadedWith(api.metafile, entryOf(api.metafile)),
      ...loadedWith(api.metafile, dueDate),
    ]);
    expect([...forDueDate].filter((i) => /functions\/api\/(routes|schemas)\//.test(i)).sort()).toEqual([
      'functions/api/routes/calendar-reads.ts',
      'functions/api/schemas/due-date.ts',
    ]);
  });

  it('carries the agency configuration validated at build time, made from the configuration it ships', () => {
    const shipped = { agency: join(api.outdir, 'necs'), holidays: join(api.outdir, 'holidays') };
    expect(readValidated(join(api.outdir, VALIDATED_FILE), shipped.agency, shipped.holidays)).toStrictEqual(
      parseAgencySources(shipped.agency, shipped.holidays),
    );
  });
});
