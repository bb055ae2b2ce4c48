import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 6962 (Certificate Transparency), section 2.1, as restated in RFC 9162:
 * leaf hash SHA-256(0x00 ‖ leaf), node hash SHA-256(0x01 ‖ left ‖ right), the leaves split at the
 * largest power of two below their count. The 0x00/0x01 prefixes keep a leaf from passing for a node.
 */

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_TREE_ROOT = createHash('sha256').digest('hex');

export const leafHash = (leaf: Uint8Array): Buffer => createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();

export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer =>
  createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();

/**
 * Every level of the tree, leaf hashes first, root last. Built bottom-up: adjacent nodes are paired and
 * an odd last node is carried up unchanged, which yields exactly RFC 6962's left-balanced tree.
 */
export const treeLevels = (leafHashes: readonly Buffer[]): Buffer[][] => {
  const levels: Buffer[][] = [leafHashes.slice()];
  let level = levels[0] as Buffer[];
  while (level.length > 1) {
    const up: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) up.push(nodeHash(level[i] as Buffer, level[i + 1] as Buffer));
    if (level.length % 2 === 1) up.push(level[level.length - 1] as Buffer);
    levels.push(up);
    level = up;
  }
  return levels;
};

/** The root (hex) of a tree whose levels were built by `treeLevels`. */
export const rootOf = (levels: readonly Buffer[][]): string => {
  const top = levels[levels.length - 1] ?? [];
  return top.length === 0 ? EMPTY_TREE_ROOT : (top[0] as Buffer).toString('hex');
};

/** MTH(D[n]) of the given leaf hashes, hex. */
export const merkleRoot = (leafHashes: readonly Buffer[]): string => rootOf(treeLevels(leafHashes));

/**
 * The inclusion proof (audit path, RFC 6962 2.1.1) of leaf `index`: sibling hashes from the leaf up.
 * A node with no sibling at its level (the carried-up odd node) contributes nothing, as in the RFC.
 */
export const inclusionProof = (levels: readonly Buffer[][], index: number): string[] => {
  const size = levels[0]?.length ?? 0;
  if (!Number.isInteger(index) || index < 0 || index >= size)
    throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path: string[] = [];
  let i = index;
  for (let l = 0; l < levels.length - 1; l++) {
    const level = levels[l] as Buffer[];
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    if (sibling < level.length) path.push((level[sibling] as Buffer).toString('hex'));
    i = Math.floor(i / 2);
  }
  return path;
};

/**
 * Recomputes the root from a leaf hash and its audit path (RFC 9162 2.1.3.2); undefined when the path
 * does not fit a tree of `treeSize` (too long or too short).
 */
export const rootFromInclusionProof = (
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  path: readonly string[],
): string | undefined => {
  if (!Number.isInteger(index) || !Number.isInteger(treeSize) || index < 0 || index >= treeSize) return undefined;
  let fn = index;
  let sn = treeSize - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of path) {
    if (sn === 0) return undefined;
    const sibling = Buffer.from(p, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sibling, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r.toString('hex') : undefined;
};
