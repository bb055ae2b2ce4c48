import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyProof } from '../../../verifier/verify-proof.mjs';
import { anchoredBundle, rechained } from '../../support/evidence-bundle.js';

const REQUEST = 'request#NECS-2026-00001';
const notes = ['called the requester', 'asked the regional office', 'readings received'];

const dir = mkdtempSync(join(tmpdir(), 'verify-proof-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const saved = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
};

const standalone = fileURLToPath(new URL('../../../verifier/verify-proof.mjs', import.meta.url));
const desk = fileURLToPath(new URL('../../../bin/desk.js', import.meta.url));
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });

describe('the offline verifier against a careful insider', () => {
  const { bundle, pem } = anchoredBundle(REQUEST, notes);
  // The insider changes the second note after the anchor and chains every event again.
  const rewritten = {
    ...bundle,
    events: rechained(bundle.events, (t) => t.map((x, i) => (i === 1 ? 'nothing was asked' : x))),
  };
  const keyFile = saved('anchor-key.pem', pem);

  it('finds the honest bundle valid against the trusted key', () => {
    expect(verifyProof(bundle, { publicKeyPem: pem, streamId: REQUEST })).toMatchObject({ valid: true, problems: [] });
  });

  it('finds the rewritten bundle consistent in itself: its hash chain holds, its proof and signature too', () => {
    const report = verifyProof(rewritten, { publicKeyPem: pem });
    expect(report.checks.join('\n')).toMatch(/3 events form an unbroken hash chain/);
    expect(report.checks.join('\n')).toMatch(/is in the Merkle tree of anchor 1/);
    expect(report.checks.join('\n')).toMatch(/is signed by that key/);
  });

  it('is NOT VALID all the same: the event at the anchored version no longer has the anchored hash', () => {
    const report = verifyProof(rewritten, { publicKeyPem: pem });
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([
      `the anchor holds ${REQUEST} at version 3 with hash ${bundle.leaf.hash.slice(0, 12)}…, which these events do not have`,
    ]);
  });

  it('is NOT VALID when the insider also drops the events after the rewritten one, or adds some', () => {
    const cut = { ...bundle, events: rechained(bundle.events, (t) => t.slice(0, 2)) };
    expect(verifyProof(cut).problems).toEqual([
      expect.stringMatching(/at version 3 .* which these events do not have/),
    ]);
    const longer = {
      ...bundle,
      events: rechained(bundle.events, (t) => ['forged first note', ...t.slice(1), 'a later note']),
    };
    expect(verifyProof(longer).valid).toBe(false);
  });

  it('is NOT VALID when the insider also puts the new head hash in the bundle’s leaf: the proof no longer leads to the signed root', () => {
    const head = rewritten.events[2]?.hash as string;
    const report = verifyProof({ ...rewritten, leaf: { ...bundle.leaf, hash: head } });
    expect(report.problems).toEqual(['the inclusion proof does not lead to the root of anchor 1']);
  });

  it('says NOT VALID and exits 1 in the standalone verifier (verifier/verify-proof.mjs)', () => {
    const honest = run(standalone, saved('honest.json', bundle), '--key', keyFile);
    expect(honest.stderr).toBe('');
    expect(honest).toMatchObject({ status: 0, stdout: expect.stringMatching(/VALID\n$/) });
    const result = run(standalone, saved('rewritten.json', rewritten), '--key', keyFile);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('FAIL  the anchor holds request#NECS-2026-00001 at version 3');
    expect(result.stdout).toMatch(/\nNOT VALID\n$/);
  });

  it('says NOT VALID and exits 1 in desk verify-proof', () => {
    const result = run(
      desk,
      'verify-proof',
      saved('rewritten-desk.json', rewritten),
      '--ref',
      'NECS-2026-00001',
      '--key',
      keyFile,
    );
    expect(result.stdout).toContain('FAIL  the anchor holds request#NECS-2026-00001 at version 3');
    expect(result.stdout).toMatch(/\nNOT VALID\n$/);
    expect(result.status).toBe(1);
  }, 30_000);
});
