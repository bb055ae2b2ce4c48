import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson, verifyProof } from '../../../verifier/verify-proof.mjs';

const sha256 = (...parts: (string | Uint8Array)[]) =>
  parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
const STREAM = 'request#NECS-2026-00001';
const keyIdOf = (key: KeyObject) => sha256(key.export({ type: 'spki', format: 'der' })).toString('hex');

/**
 * A bundle made from scratch the way a forger would: events hash-chained, a one-leaf Merkle tree, a
 * statement naming the signing key, signed by that key, and the key shipped inside the bundle.
 */
const bundleSignedBy = (subject: string, keys: { publicKey: KeyObject; privateKey: KeyObject }) => {
  let prevHash = '0'.repeat(64);
  const events = [
    { type: 'RequestReceived', data: { subject } },
    { type: 'RequestAssigned', data: { division: 'legal' } },
  ].map((e, i) => {
    const body = {
      streamId: STREAM,
      version: i + 1,
      type: e.type,
      schemaVersion: 1,
      occurredAt: '2026-11-23T03:00:00.000Z',
      actor: { kind: 'system', component: 'intake' },
      data: e.data,
    };
    const hash = sha256(prevHash, '\n', canonicalJson(body)).toString('hex');
    const event = { ...body, prevHash, hash };
    prevHash = hash;
    return event;
  });
  const leaf = { streamId: STREAM, version: 2, hash: prevHash };
  const root = sha256(Buffer.from([0]), Buffer.from(JSON.stringify([STREAM, 2, prevHash]))).toString('hex');
  const statement = {
    format: 'request-desk-anchor/1',
    sequence: 1,
    anchoredAt: '2026-11-23T11:30:00.000Z',
    treeSize: 1,
    root,
    keyId: keyIdOf(keys.publicKey),
  };
  const signature = {
    algorithm: 'ECDSA_P256_SHA256',
    value: sign('sha256', Buffer.from(canonicalJson(statement)), keys.privateKey).toString('base64'),
  };
  return {
    format: 'request-desk-proof/1',
    streamId: STREAM,
    events,
    leaf,
    leafIndex: 0,
    inclusionProof: [],
    anchor: { statement, signature },
    publicKey: { pem: keys.publicKey.export({ type: 'spki', format: 'pem' }) },
  };
};

const agencyKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const forgerKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const agencyPem = agencyKey.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const agencyFingerprint = keyIdOf(agencyKey.publicKey);
const genuine = bundleSignedBy('Forest cover maps', agencyKey);
const forged = bundleSignedBy('Nothing about forests', forgerKey);

describe('an evidence bundle is valid only against a key the auditor trusts', () => {
  it('calls a self-consistent forgery "not verified", never valid, when no trusted key is given', () => {
    const report = verifyProof(forged);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ valid: false, outcome: 'no_trusted_key' });
  });

  it('refuses the forgery against the agency key or its fingerprint, and accepts the genuine bundle against either', () => {
    expect(verifyProof(forged, { publicKeyPem: agencyPem })).toMatchObject({
      valid: false,
      outcome: 'not_valid',
      problems: ['the public key is not the key you trust (--key)'],
    });
    expect(verifyProof(forged, { publicKeyFingerprint: agencyFingerprint })).toMatchObject({
      valid: false,
      outcome: 'not_valid',
    });
    expect(verifyProof(genuine, { publicKeyPem: agencyPem })).toMatchObject({
      valid: true,
      outcome: 'valid',
      problems: [],
    });
    const spelledWithColons = `SHA256:${agencyFingerprint.toUpperCase().match(/../g)?.join(':') ?? ''}`;
    expect(verifyProof(genuine, { publicKeyFingerprint: spelledWithColons })).toMatchObject({
      valid: true,
      outcome: 'valid',
    });
    expect(verifyProof(genuine)).toMatchObject({ valid: false, outcome: 'no_trusted_key' });
  });

  describe.each([
    ['the standalone verifier', [fileURLToPath(new URL('../../../verifier/verify-proof.mjs', import.meta.url))]],
    ['desk verify-proof', [fileURLToPath(new URL('../../../bin/desk.js', import.meta.url)), 'verify-proof']],
  ])('%s', (_name, command) => {
    const dir = mkdtempSync(join(tmpdir(), 'proofs-'));
    const file = (name: string, content: unknown) => {
      const path = join(dir, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    };
    const forgedFile = file('forged.json', forged);
    const genuineFile = file('genuine.json', genuine);
    const keyFile = file('agency-key.pem', agencyPem);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [...command, ...args], {
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });

    it('exits 2 without a trusted key, saying the signature was checked only against the key inside the bundle', () => {
      const out = run(forgedFile);
      expect(out.status).toBe(2);
      expect(out.stdout).toContain('checked only against the key inside the bundle');
      expect(out.stdout).not.toMatch(/^VALID$/m);
    }, 30_000);

    it('exits 1 for the forgery and 0 for the genuine bundle with --key or --fingerprint', () => {
      expect(run(forgedFile, '--key', keyFile).status).toBe(1);
      expect(run(forgedFile, '--fingerprint', agencyFingerprint).status).toBe(1);
      const ok = run(genuineFile, '--key', keyFile);
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/^VALID$/m);
      expect(run(genuineFile, '--fingerprint', agencyFingerprint).status).toBe(0);
    }, 30_000);
  });
});
