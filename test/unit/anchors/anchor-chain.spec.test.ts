import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, sign } from 'node:crypto';
import {
  ANCHOR_FORMAT,
  anchorHash,
  anchorTree,
  chainProblems,
  compareStreamIds,
  NO_PREVIOUS_ANCHOR,
  nextStatement,
  sortLeaves,
  statementBytes,
  type AnchorStatement,
} from '../../../domain/anchors/anchor.js';
import { keyIdOf, signatureValid } from '../../../domain/anchors/signature.js';

// The chain of signed anchors an auditor checks with `desk verify --all`: each names the one before.

const tree = { root: 'a'.repeat(64), size: 2 };
const first = nextStatement(undefined, tree, '2026-11-23T18:00:00+06:00', 'key-1');
const second = nextStatement(first, { root: 'b'.repeat(64), size: 3 }, '2026-11-24T18:00:00+06:00', 'key-1');
const third = nextStatement(second, { root: 'c'.repeat(64), size: 3 }, '2026-11-25T18:00:00+06:00', 'key-1');

describe('the anchor after the last one', () => {
  it('is anchor 1 when there is none, naming no previous anchor', () => {
    expect(first).toEqual({
      format: ANCHOR_FORMAT,
      sequence: 1,
      anchoredAt: '2026-11-23T18:00:00+06:00',
      treeSize: 2,
      root: 'a'.repeat(64),
      previous: NO_PREVIOUS_ANCHOR,
      keyId: 'key-1',
    });
  });

  it('is numbered next and names the hash of the one before', () => {
    expect(second).toMatchObject({ sequence: 2, previous: anchorHash(first), treeSize: 3, root: 'b'.repeat(64) });
    expect(anchorHash(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(anchorHash(first)).not.toBe(anchorHash(second));
  });
});

describe('a chain of anchors', () => {
  it('has no problem when each follows the one before', () => {
    expect(chainProblems([first, second, third])).toEqual([]);
  });

  it('reports an anchor missing in the middle, and the previous-anchor hash that no longer matches', () => {
    expect(chainProblems([first, third])).toEqual([
      'anchor 3: expected anchor 2 here (an anchor is missing or out of order)',
      'anchor 3: its previous-anchor hash does not match anchor 1',
    ]);
  });

  it('reports a chain that does not start at anchor 1', () => {
    expect(chainProblems([second, third])).toEqual([
      'anchor 2: expected anchor 1 here (an anchor is missing or out of order)',
      'anchor 2: its previous-anchor hash does not match anchor (none)',
    ]);
  });

  it('reports an anchor whose statement was changed after the next one named it', () => {
    const changed: AnchorStatement = { ...first, root: 'f'.repeat(64) };
    expect(chainProblems([changed, second])).toEqual(['anchor 2: its previous-anchor hash does not match anchor 1']);
  });

  it('reports time going backwards, but not two anchors at the same instant', () => {
    const early = { ...second, anchoredAt: '2026-11-23T17:00:00+06:00' };
    expect(chainProblems([first, early])).toEqual(['anchor 2: anchored before anchor 1']);
    expect(chainProblems([first, { ...second, anchoredAt: first.anchoredAt }])).toEqual([]);
  });
});

describe('the bytes an anchor signs', () => {
  it('are the statement’s canonical JSON, its keys in order', () => {
    expect(statementBytes(first).toString('utf8')).toBe(
      `{"anchoredAt":"2026-11-23T18:00:00+06:00","format":"${ANCHOR_FORMAT}","keyId":"key-1","previous":"${NO_PREVIOUS_ANCHOR}","root":"${'a'.repeat(64)}","sequence":1,"treeSize":2}`,
    );
  });

  it('cannot be made without a statement: the error says so', () => {
    expect(() => statementBytes(undefined as unknown as AnchorStatement)).toThrow(
      new TypeError('anchor statement cannot be canonicalized'),
    );
  });
});

describe('the leaves of an anchor', () => {
  it('are in the order of their stream ids as UTF-8 bytes, astral characters included', () => {
    const leaf = (streamId: string) => ({ streamId, version: 1, hash: '0'.repeat(64) });
    const ids = (leaves: { streamId: string }[]) => leaves.map((l) => l.streamId);
    expect(ids(sortLeaves([leaf('request#b'), leaf('request#a'), leaf('directory#necs')]))).toEqual([
      'directory#necs',
      'request#a',
      'request#b',
    ]);
    // U+FF5E sorts before U+1F600 as UTF-16 code units would not: bytes EF BD 9E < F0 9F 98 80.
    expect(ids(sortLeaves([leaf('s#😀'), leaf('s#～'), leaf('s#a')]))).toEqual(['s#a', 's#～', 's#😀']);
    expect(compareStreamIds('s#～', 's#😀')).toBeLessThan(0);
    expect(compareStreamIds('s#a', 's#a')).toBe(0);
  });

  it('make a tree whose root changes when any leaf does', () => {
    const leaves = [
      { streamId: 'request#a', version: 2, hash: '1'.repeat(64) },
      { streamId: 'request#b', version: 1, hash: '2'.repeat(64) },
    ];
    const { root, size } = anchorTree(leaves);
    expect(size).toBe(2);
    expect(anchorTree([leaves[0]!, { ...leaves[1]!, version: 2 }]).root).not.toBe(root);
  });
});

describe('an anchor’s signature', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signed = (statement: AnchorStatement) => ({
    statement,
    signature: {
      algorithm: 'ECDSA_P256_SHA256' as const,
      value: sign('sha256', statementBytes(statement), { key: privateKey, dsaEncoding: 'der' }).toString('base64'),
    },
  });

  it('is valid for the statement it signs, by the key it names', () => {
    expect(signatureValid(signed(first), publicKey)).toBe(true);
    expect(signatureValid(signed(first), publicKey.export({ type: 'spki', format: 'pem' }).toString())).toBe(true);
    expect(keyIdOf(publicKey)).toBe(keyIdOf(publicKey.export({ type: 'spki', format: 'pem' }).toString()));
  });

  it('is refused for a changed statement, another algorithm, another kind of key or garbage', () => {
    const anchor = signed(first);
    expect(signatureValid({ ...anchor, statement: { ...first, root: 'f'.repeat(64) } }, publicKey)).toBe(false);
    expect(
      signatureValid(
        { ...anchor, signature: { ...anchor.signature, algorithm: 'RSA' as 'ECDSA_P256_SHA256' } },
        publicKey,
      ),
    ).toBe(false);
    const ed = generateKeyPairSync('ed25519').publicKey;
    expect(signatureValid(anchor, ed)).toBe(false);
    const otherCurve = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey;
    expect(signatureValid(anchor, otherCurve)).toBe(false);
    expect(signatureValid({ ...anchor, signature: { ...anchor.signature, value: 'AAAA' } }, publicKey)).toBe(false);
  });

  it('is refused when made by a key on another curve, even though that key verifies it', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const value = sign('sha256', statementBytes(first), { key: p384.privateKey, dsaEncoding: 'der' });
    const anchor = {
      statement: first,
      signature: { algorithm: 'ECDSA_P256_SHA256' as const, value: value.toString('base64') },
    };
    expect(signatureValid(anchor, p384.publicKey)).toBe(false);
  });

  it('is refused, without failing, for an anchor file altered to hold text JSON cannot sign (a lone surrogate)', () => {
    const anchor = signed(first);
    const altered = { ...anchor, statement: { ...first, anchoredAt: '2026-11-23T18:00:00+06:00\ud800' } };
    expect(signatureValid(altered, publicKey)).toBe(false);
  });
});
