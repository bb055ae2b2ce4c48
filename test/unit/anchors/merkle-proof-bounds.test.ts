import { describe, expect, it } from '@jest/globals';
import {
  EMPTY_TREE_ROOT,
  inclusionProof,
  leafHash,
  merkleRoot,
  rootFromInclusionProof,
  rootOf,
  treeLevels,
} from '../../../domain/anchors/merkle.js';

// What an auditor's proof of one stream in an anchor may and may not claim: a position the tree has, a
// path of exactly the right length. Every refusal below would otherwise hand back a root, sometimes the
// signed root itself.

/** An anchor over four streams: its leaf hashes, levels and root. */
const fourStreams = () => {
  const leaves = [
    'request#NECS-2026-00001',
    'request#NECS-2026-00002',
    'request#NECS-2026-00003',
    'website#2026-12',
  ].map((id) => leafHash(Buffer.from(id)));
  return { leaves, levels: treeLevels(leaves), root: merkleRoot(leaves) };
};

describe('checking a proof against an anchor of four streams', () => {
  it('gives the signed root for the position and size the proof was made for', () => {
    const { leaves, levels, root } = fourStreams();
    expect(rootFromInclusionProof(leaves[0]!, 0, 4, inclusionProof(levels, 0))).toBe(root);
    expect(rootFromInclusionProof(leaves[1]!, 1, 4, inclusionProof(levels, 1))).toBe(root);
  });

  it('gives no root for a position past the end, even though the hashes of the first stream lead to the signed root', () => {
    const { leaves, levels } = fourStreams();
    expect(rootFromInclusionProof(leaves[0]!, 4, 4, inclusionProof(levels, 0))).toBeUndefined();
  });

  it('gives no root for a position before the first stream', () => {
    const { leaves, levels } = fourStreams();
    expect(rootFromInclusionProof(leaves[0]!, -1, 4, inclusionProof(levels, 0))).toBeUndefined();
    expect(rootFromInclusionProof(leaves[0]!, -2, 4, inclusionProof(levels, 0))).toBeUndefined();
  });

  it('gives no root for a position or a tree size that is not a whole number', () => {
    const { leaves, levels } = fourStreams();
    expect(rootFromInclusionProof(leaves[0]!, 0.5, 4, inclusionProof(levels, 0))).toBeUndefined();
    expect(rootFromInclusionProof(leaves[2]!, 2.5, 4, inclusionProof(levels, 2))).toBeUndefined();
    expect(rootFromInclusionProof(leaves[1]!, 1, 4.5, inclusionProof(levels, 1))).toBeUndefined();
  });

  it('gives no root for a path one hash too long or one hash too short', () => {
    const { leaves, levels } = fourStreams();
    const proof = inclusionProof(levels, 1);
    expect(proof).toHaveLength(2);
    expect(rootFromInclusionProof(leaves[1]!, 1, 4, [...proof, proof[0]!])).toBeUndefined();
    expect(rootFromInclusionProof(leaves[1]!, 1, 4, proof.slice(0, 1))).toBeUndefined();
    expect(rootFromInclusionProof(leaves[1]!, 1, 4, [])).toBeUndefined();
  });
});

describe('making a proof', () => {
  it('is refused, naming the leaf and the tree size, for a stream the tree does not have', () => {
    const { levels } = fourStreams();
    expect(() => inclusionProof(levels, 4)).toThrow(new RangeError('leaf 4 is not in a tree of 4'));
    expect(() => inclusionProof(levels, 5)).toThrow(new RangeError('leaf 5 is not in a tree of 4'));
    expect(() => inclusionProof(levels, -1)).toThrow(new RangeError('leaf -1 is not in a tree of 4'));
    expect(() => inclusionProof(levels, 1.5)).toThrow(new RangeError('leaf 1.5 is not in a tree of 4'));
  });

  it('is refused for an empty tree, whether built from no leaves or not built at all', () => {
    expect(() => inclusionProof(treeLevels([]), 0)).toThrow(new RangeError('leaf 0 is not in a tree of 0'));
    expect(() => inclusionProof([], 0)).toThrow(new RangeError('leaf 0 is not in a tree of 0'));
  });

  it('gives the last stream of the tree its path, and nothing above the root', () => {
    const { leaves, levels, root } = fourStreams();
    const proof = inclusionProof(levels, 3);
    expect(proof).toStrictEqual([leaves[2]!.toString('hex'), levels[1]![0]!.toString('hex')]);
    expect(rootFromInclusionProof(leaves[3]!, 3, 4, proof)).toBe(root);
  });

  it('keeps working for the tree as built when the list of leaves it was built from grows afterwards', () => {
    const leaves = fourStreams().leaves.slice(0, 3);
    const levels = treeLevels(leaves);
    const root = rootOf(levels);
    leaves.push(leafHash(Buffer.from('request#NECS-2026-00099')));
    expect(() => inclusionProof(levels, 3)).toThrow(new RangeError('leaf 3 is not in a tree of 3'));
    expect(rootFromInclusionProof(leaves[2]!, 2, 3, inclusionProof(levels, 2))).toBe(root);
  });
});

describe('the root of a tree', () => {
  it('is the empty tree’s root when there are no levels at all', () => {
    expect(rootOf([])).toBe(EMPTY_TREE_ROOT);
    expect(rootOf(treeLevels([]))).toBe(EMPTY_TREE_ROOT);
  });
});
