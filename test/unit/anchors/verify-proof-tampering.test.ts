import { afterAll, afterEach, describe, expect, it, jest } from '@jest/globals';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statementBytes } from '../../../domain/anchors/anchor.js';
import { keyIdOf } from '../../../domain/anchors/signature.js';
import { verifyProof, verifyProofMain } from '../../../verifier/verify-proof.mjs';
import { anchoredBundle, chained, type BundledEvent } from '../../support/evidence-bundle.js';

const REQUEST = 'request#NECS-2026-00001';
const notes = ['called the requester', 'asked the regional office', 'readings received'];
const fresh = () => structuredClone(anchoredBundle(REQUEST, notes));
const { bundle, pem } = anchoredBundle(REQUEST, notes);
const copy = () => structuredClone(bundle);
const eventOf = (b: { events: BundledEvent[] }, i: number) => b.events[i] as BundledEvent;
const problemsOf = (b: unknown, options?: Parameters<typeof verifyProof>[1]) => verifyProof(b, options).problems;

describe('an evidence bundle that is not one', () => {
  it.each([
    ['nothing', null],
    ['a list', [bundle]],
    ['another format', { ...bundle, format: 'request-desk-proof/2' }],
  ])('is refused: %s', (_, b) => {
    expect(verifyProof(b)).toEqual({
      valid: false,
      outcome: 'not_valid',
      checks: [],
      problems: ['not a request-desk-proof/1 bundle'],
    });
  });

  it.each([
    ['a stream named by a number', { streamId: 1 }],
    ['events that are not a list', { events: {} }],
    ['no anchored leaf', { leaf: undefined }],
    ['a leaf that is a list', { leaf: [] }],
    ['a leaf index that is text', { leafIndex: '0' }],
    ['a proof that is not a list', { inclusionProof: 'abc' }],
    ['no anchor', { anchor: null }],
    ['no public key', { publicKey: 'pem' }],
  ])('is refused when it has %s', (_, change) => {
    expect(verifyProof({ ...copy(), ...change })).toEqual({
      valid: false,
      outcome: 'not_valid',
      checks: [],
      problems: ['the bundle lacks streamId, events, leaf, leafIndex, inclusionProof, anchor or publicKey'],
    });
  });
});

describe('the hash chain of the bundle’s events', () => {
  it('names the first event that breaks it, and only that one', () => {
    const notAnObject = copy();
    notAnObject.events[1] = 'an event' as never;
    expect(verifyProof(notAnObject)).toMatchObject({
      problems: ['event 2 is not an object'],
      checks: expect.not.arrayContaining([expect.stringMatching(/unbroken hash chain/)]),
    });
    const elsewhere = copy();
    eventOf(elsewhere, 0).streamId = 'request#NECS-2026-00002';
    expect(problemsOf(elsewhere)).toEqual([`event 1 belongs to request#NECS-2026-00002, not ${REQUEST}`]);
    const renumbered = copy();
    eventOf(renumbered, 1).version = 5;
    expect(problemsOf(renumbered)).toEqual(['event 2 is numbered 5']);
    const relinked = copy();
    eventOf(relinked, 2).prevHash = '0'.repeat(64);
    expect(problemsOf(relinked)).toEqual(['event 3 does not follow event 2 (prevHash differs)']);
    const edited = copy();
    eventOf(edited, 0).data.text = 'never called';
    eventOf(edited, 1).data.text = 'never asked';
    expect(problemsOf(edited)).toEqual(['event 1 does not match its hash']);
  });

  it('says the chain holds only when it does', () => {
    expect(verifyProof(bundle).checks[0]).toBe(`3 events form an unbroken hash chain of ${REQUEST}`);
    const edited = copy();
    eventOf(edited, 1).data.text = 'never asked';
    expect(verifyProof(edited).checks.join('\n')).not.toMatch(/unbroken hash chain/);
  });

  it('hashes lists, nested objects, numbers, booleans and null in data exactly as the store does (RFC 8785)', () => {
    const rich = anchoredBundle(REQUEST, notes, undefined, {
      topics: ['air quality', 'pm2.5'],
      nested: { b: 2, a: [1, { z: null, y: true }] },
      count: 0.5,
      none: null,
    });
    expect(verifyProof(rich.bundle, { publicKeyPem: rich.pem })).toMatchObject({ valid: true, problems: [] });
  });
});

describe('the anchored leaf', () => {
  it.each([
    ['another stream', { streamId: 'request#NECS-2026-00009' }, 'request#NECS-2026-00009'],
    ['a version that is text', { version: '3' }, REQUEST],
    ['a hash that is not hex', { hash: 'z'.repeat(64) }, REQUEST],
    ['a hash that is a number', { hash: 7 }, REQUEST],
  ])('is refused when it names %s, and nothing further is checked', (_, change, named) => {
    const b = copy();
    Object.assign(b.leaf, change);
    expect(verifyProof(b)).toEqual({
      valid: false,
      outcome: 'not_valid',
      checks: [`3 events form an unbroken hash chain of ${REQUEST}`],
      problems: [`the anchored leaf is for ${named}, not ${REQUEST}`],
    });
  });

  it('names the anchored event, and the events that came after the anchor', () => {
    expect(verifyProof(bundle).checks).toContain('event 3 carries the anchored head hash');
    const later = copy();
    const [, , , fourth] = chained(REQUEST, [...notes, 'answered']);
    later.events.push(fourth as never);
    const report = verifyProof(later, { publicKeyPem: pem });
    expect(report.valid).toBe(true);
    expect(report.checks).toContain('event 3 carries the anchored head hash (events 4–4 came after the anchor)');
  });

  it('is not found in a bundle that stops before the anchored version', () => {
    const b = copy();
    b.events = b.events.slice(0, 2);
    expect(problemsOf(b)).toEqual([
      `the anchor holds ${REQUEST} at version 3 with hash ${bundle.leaf.hash.slice(0, 12)}…, which these events do not have`,
    ]);
  });
});

describe('the inclusion proof', () => {
  const noRoot = ['the inclusion proof does not lead to the root of anchor 1'];

  it('leads to the signed root from every place in trees of every size', () => {
    for (let size = 1; size <= 9; size++) {
      const names = Array.from({ length: size }, (_, i) => `request#NECS-2026-0000${i + 1}`);
      for (const [at, streamId] of names.entries()) {
        const { bundle: b, pem: key } = anchoredBundle(
          streamId,
          ['a note'],
          names.filter((n) => n !== streamId),
        );
        expect(b.leafIndex).toBe(at);
        const report = verifyProof(b, { publicKeyPem: key });
        expect(report.problems).toEqual([]);
        expect(report.checks).toContain(
          `leaf ${at} of ${size} is in the Merkle tree of anchor 1 (root ${b.anchor.statement.root.slice(0, 16)}…)`,
        );
      }
    }
  });

  it('is refused when a step is not a hash, a step is missing or added, or the leaf sits elsewhere', () => {
    const b = copy();
    expect(
      problemsOf({ ...b, inclusionProof: [b.inclusionProof[0]?.toUpperCase(), ...b.inclusionProof.slice(1)] }),
    ).toEqual(noRoot);
    expect(problemsOf({ ...b, inclusionProof: [...b.inclusionProof.slice(0, -1), 42] })).toEqual(noRoot);
    expect(problemsOf({ ...b, inclusionProof: b.inclusionProof.slice(1) })).toEqual(noRoot);
    expect(problemsOf({ ...b, inclusionProof: [...b.inclusionProof, b.inclusionProof[0]] })).toEqual(noRoot);
    for (const leafIndex of [-1, b.leafIndex + 1, b.anchor.statement.treeSize, b.anchor.statement.treeSize + 1])
      expect(problemsOf({ ...b, leafIndex })).toEqual(noRoot);
  });

  it('is refused for a tree of one leaf given a step too many', () => {
    const { bundle: single } = anchoredBundle(REQUEST, notes, []);
    expect(problemsOf(single)).toEqual([]);
    expect(problemsOf({ ...single, inclusionProof: ['a'.repeat(64)] })).toEqual(noRoot);
    // the one leaf's own hash is the root: only its index, 0, may name it
    expect(problemsOf({ ...single, leafIndex: 1 })).toEqual(noRoot);
  });
});

describe('the anchor, its key and its signature', () => {
  it.each([
    ['no statement', (b: ReturnType<typeof copy>) => Object.assign(b.anchor, { statement: 'signed' })],
    ['no signature', (b: ReturnType<typeof copy>) => Object.assign(b.anchor, { signature: null })],
    ['a root that is not text', (b: ReturnType<typeof copy>) => Object.assign(b.anchor.statement, { root: 1 })],
    ['a tree size that is text', (b: ReturnType<typeof copy>) => Object.assign(b.anchor.statement, { treeSize: '4' })],
    [
      'a signature value that is not text',
      (b: ReturnType<typeof copy>) => Object.assign(b.anchor.signature, { value: 5 }),
    ],
  ])('is refused with %s', (_, change) => {
    const b = copy();
    change(b);
    expect(problemsOf(b)).toEqual(['the anchor lacks its statement or signature']);
  });

  it('says which key it checked: the one the auditor trusts, or the bundle’s own to compare with the published one', () => {
    const keyId = bundle.anchor.statement.keyId;
    expect(verifyProof(bundle, { publicKeyPem: pem }).checks).toContain(`anchor key ${keyId} is the key you trust`);
    expect(verifyProof(bundle).checks).toContain(
      `anchor key ${keyId} is the key inside the bundle; no trusted key was given (compare it with the published key: GET /anchors)`,
    );
    expect(verifyProof(bundle).checks.at(-1)).toBe('anchor 1 of 2026-11-23T11:30:00.000Z is signed by that key');
  });

  it('is refused with a key that is not PEM, not the anchor’s, or not the one the auditor trusts', () => {
    expect(problemsOf({ ...copy(), publicKey: { pem: 'not a key' } })).toEqual([
      'the public key is not a PEM public key',
    ]);
    expect(problemsOf({ ...copy(), publicKey: { pem: 42 } })).toEqual(['the public key is not a PEM public key']);
    const other = fresh();
    expect(problemsOf({ ...copy(), publicKey: other.bundle.publicKey })).toEqual([
      'the public key is not the key the anchor names',
      'the signature of anchor 1 does not verify',
    ]);
    const report = verifyProof(bundle, { publicKeyPem: anchoredBundle(REQUEST, notes).pem });
    expect(report.problems).toEqual(['the public key is not the key you trust (--key)']);
    expect(report.checks.join('\n')).not.toMatch(/anchor key/);
  });

  it('is refused when the signature is not ECDSA P-256 over the statement as signed', () => {
    const b = copy();
    expect(
      problemsOf({
        ...b,
        anchor: { ...b.anchor, signature: { ...b.anchor.signature, algorithm: 'ECDSA_P384_SHA384' } },
      }),
    ).toEqual(['the signature of anchor 1 does not verify']);
    expect(
      problemsOf({
        ...b,
        anchor: { ...b.anchor, signature: { ...b.anchor.signature, value: 'bm90IGEgc2lnbmF0dXJl' } },
      }),
    ).toEqual(['the signature of anchor 1 does not verify']);
    expect(
      problemsOf({
        ...b,
        anchor: { ...b.anchor, statement: { ...b.anchor.statement, anchoredAt: '2026-11-24T11:30:00.000Z' } },
      }),
    ).toEqual(['the signature of anchor 1 does not verify']);
  });

  it('is refused when a key of another curve signed it, even though that key is the one the anchor names', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const b = copy();
    const statement = { ...b.anchor.statement, keyId: keyIdOf(p384.publicKey) };
    const signed = {
      ...b,
      anchor: {
        statement,
        signature: {
          algorithm: 'ECDSA_P256_SHA256',
          value: sign('sha256', statementBytes(statement), { key: p384.privateKey, dsaEncoding: 'der' }).toString(
            'base64',
          ),
        },
      },
      publicKey: { pem: p384.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    };
    expect(problemsOf(signed)).toEqual(['the signature of anchor 1 does not verify']);
  });
});

describe('the request a bundle must be about', () => {
  it('is checked when the auditor names it', () => {
    expect(problemsOf(bundle, { streamId: REQUEST })).toEqual([]);
    expect(problemsOf(bundle, { streamId: 'request#NECS-2026-00002' })).toEqual([
      `the bundle is for ${REQUEST}, not request#NECS-2026-00002`,
    ]);
  });
});

describe('node verifier/verify-proof.mjs FILE [--key PEM-FILE] [--stream STREAM-ID]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-proof-main-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const run = (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
    const status = verifyProofMain(argv);
    jest.restoreAllMocks();
    return { status, stdout: out.join(''), stderr: err.join('') };
  };
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('prints each check and VALID, exit 0, for a sound bundle and the trusted key', () => {
    const result = run(file('b.json', JSON.stringify(bundle)), '--key', file('k.pem', pem), '--stream', REQUEST);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`ok    3 events form an unbroken hash chain of ${REQUEST}\n`);
    expect(result.stdout).toContain(`ok    anchor key ${bundle.anchor.statement.keyId} is the key you trust\n`);
    expect(result.stdout.endsWith('is signed by that key\nVALID\n')).toBe(true);
  });

  it('prints each failure and NOT VALID, exit 1, for another request or key', () => {
    const result = run(file('b2.json', JSON.stringify(bundle)), '--stream', 'request#NECS-2026-00002');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`FAIL  the bundle is for ${REQUEST}, not request#NECS-2026-00002\n`);
    expect(result.stdout.endsWith('\nNOT VALID\n')).toBe(true);
    const otherKey = run(
      file('b3.json', JSON.stringify(bundle)),
      '--key',
      file('k2.pem', anchoredBundle(REQUEST, notes).pem),
    );
    expect(otherKey.stdout).toContain('FAIL  the public key is not the key you trust (--key)\n');
  });

  it('says how to call it without a file (exit 64: 2 means no trusted key), and why it cannot read one (exit 1)', () => {
    expect(run()).toEqual({
      status: 64,
      stdout: '',
      stderr: 'usage: verify-proof FILE [--key PEM-FILE | --fingerprint SHA256-HEX] [--stream STREAM-ID]\n',
    });
    const unreadable = run(file('bad.json', '{"format":'));
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr).toMatch(new RegExp(`^verify-proof: cannot read ${join(dir, 'bad.json')}: .*JSON.*\\n$`));
    expect(unreadable.stdout).toBe('');
  });
});
