import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_ROOT } from '../../config/load.js';
import { readValidated } from '../../config/validated.js';
import { bundleFunctionAsync } from '../../infra/bundle.js';

/**
 * A stack made for another agency (`AGENCY_CONFIG_DIR`, as infra/app.ts reads it) must ship functions that
 * run with that agency's configuration, not the NECS sample, and a broken one must stop the build.
 */
let dir: string;
const saved = process.env.AGENCY_CONFIG_DIR;

/** An agency directory with the sample's agency.json changed by `edit`. */
const agencyDir = (name: string, edit: (raw: { agency: Record<string, unknown> }) => void): string => {
  const out = join(dir, name);
  cpSync(join(CONFIG_ROOT, 'necs'), out, { recursive: true });
  const raw = JSON.parse(readFileSync(join(out, 'agency.json'), 'utf8')) as { agency: Record<string, unknown> };
  edit(raw);
  writeFileSync(join(out, 'agency.json'), JSON.stringify(raw, null, 2));
  return out;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-bundle-agency-'));
});
afterAll(() => {
  if (saved === undefined) delete process.env.AGENCY_CONFIG_DIR;
  else process.env.AGENCY_CONFIG_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe('the agency a function carries (infra/bundle.ts)', () => {
  it("is AGENCY_CONFIG_DIR's agency, validated at build time, when the stack is made for another agency", async () => {
    // Prepare
    const other = agencyDir('dzongkhag', (raw) => {
      raw.agency.id = 'dzongkhag';
      raw.agency.name = 'Dzongkhag Administration';
    });
    process.env.AGENCY_CONFIG_DIR = other;
    // Act
    const built = await bundleFunctionAsync('anchor-heads', join(dir, 'out'));
    // Assess
    expect(readFileSync(join(built.outdir, 'necs', 'agency.json'), 'utf8')).toBe(
      readFileSync(join(other, 'agency.json'), 'utf8'),
    );
    const validated = readValidated(
      join(built.outdir, 'agency.validated.json'),
      join(built.outdir, 'necs'),
      join(built.outdir, 'holidays'),
    );
    expect(validated?.config.agency).toMatchObject({ id: 'dzongkhag', name: 'Dzongkhag Administration' });
  });

  it("stops the build when AGENCY_CONFIG_DIR's agency.json is invalid", async () => {
    // Prepare
    process.env.AGENCY_CONFIG_DIR = agencyDir('broken', (raw) => {
      raw.agency.intakeAddress = 'not an address';
    });
    // Act / Assess
    await expect(bundleFunctionAsync('anchor-heads', join(dir, 'out-broken'))).rejects.toThrow(/intakeAddress/);
  });
});
