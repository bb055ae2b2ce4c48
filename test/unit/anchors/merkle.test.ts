import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  EMPTY_TREE_ROOT,
  inclusionProof,
  leafHash,
  merkleRoot,
  nodeHash,
  rootFromInclusionProof,
  treeLevels,
} from '../../../domain/anchors/merkle.js';

/** RFC 6962 2.1 as written: MTH and PATH by recursion, the reference the fast versions must equal. */
const largestPowerOfTwoBelow = (n: number) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};
const mth = (d: readonly Buffer[]): Buffer => {
  if (d.length === 0) return createHash('sha256').digest();
  if (d.length === 1) return leafHash(d[0] as Buffer);
  const k = largestPowerOfTwoBelow(d.length);
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
};
const path = (m: number, d: readonly Buffer[]): Buffer[] => {
  if (d.length <= 1) return [];
  const k = largestPowerOfTwoBelow(d.length);
  return m < k ? [...path(m, d.slice(0, k)), mth(d.slice(k))] : [...path(m - k, d.slice(k)), mth(d.slice(0, k))];
};

/** The leaves of the Certificate Transparency reference tests (certificate-transparency-go, merkletree). */
const ctLeaves = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => Buffer.from(h, 'hex'));
const ctRoots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 6962 Merkle tree', () => {
  it('gives the Certificate Transparency reference roots', () => {
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(EMPTY_TREE_ROOT).toBe(merkleRoot([]));
    ctRoots.forEach((root, i) => expect(merkleRoot(ctLeaves.slice(0, i + 1).map(leafHash))).toBe(root));
  });

  it('separates leaves from nodes, so a node cannot pass for a leaf', () => {
    const [a, b] = [leafHash(Buffer.from('a')), leafHash(Buffer.from('b'))];
    expect(leafHash(Buffer.concat([a, b])).equals(nodeHash(a, b))).toBe(false);
  });

  it('equals the RFC recursion for every size up to 70, with proofs that check for every leaf', () => {
    const data = Array.from({ length: 70 }, (_, i) => Buffer.from(`leaf ${i}`));
    for (let n = 1; n <= data.length; n++) {
      const d = data.slice(0, n);
      const levels = treeLevels(d.map(leafHash));
      const root = merkleRoot(d.map(leafHash));
      expect(root).toBe(mth(d).toString('hex'));
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(levels, m);
        expect(proof).toEqual(path(m, d).map((h) => h.toString('hex')));
        expect(rootFromInclusionProof(leafHash(d[m] as Buffer), m, n, proof)).toBe(root);
      }
    }
  });

  it('rejects a proof for another leaf, another index, or one hash short or long', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.nat(), (n, pick) => {
        const leaves = Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`s${i}`)));
        const levels = treeLevels(leaves);
        const root = merkleRoot(leaves);
        const m = pick % n;
        const proof = inclusionProof(levels, m);
        expect(rootFromInclusionProof(leaves[m] as Buffer, m, n, proof)).toBe(root);
        expect(rootFromInclusionProof(leaves[(m + 1) % n] as Buffer, m, n, proof)).not.toBe(root);
        expect(rootFromInclusionProof(leaves[m] as Buffer, (m + 1) % n, n, proof)).not.toBe(root);
        expect(rootFromInclusionProof(leaves[m] as Buffer, m, n, proof.slice(1))).not.toBe(root);
        expect(rootFromInclusionProof(leaves[m] as Buffer, m, n, [...proof, proof[0] as string])).not.toBe(root);
      }),
      { numRuns: 200 },
    );
  });
});
