import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { leafHash, rootOf, treeLevels } from './merkle.js';

/** The format tags written into every anchor and proof, so a reader knows what it holds. */
export const ANCHOR_FORMAT = 'request-desk-anchor/1';
export const PROOF_FORMAT = 'request-desk-proof/1';

/** The `previous` of the first anchor. */
export const NO_PREVIOUS_ANCHOR = '0'.repeat(64);

/** One stream's head as committed in an anchor. */
export interface AnchorLeaf {
  readonly streamId: string;
  readonly version: number;
  /** The hash of the stream's event at `version` (its head when anchored), hex. */
  readonly hash: string;
}

/** What is signed: the anchor without its signature. */
export interface AnchorStatement {
  readonly format: typeof ANCHOR_FORMAT;
  /** 1, 2, 3, …: one per anchor, no gaps. */
  readonly sequence: number;
  readonly anchoredAt: string;
  readonly treeSize: number;
  /** RFC 6962 Merkle tree hash over the leaves, hex. */
  readonly root: string;
  /** `anchorHash` of the anchor before, or 64 zeros for the first. */
  readonly previous: string;
  /** SHA-256 (hex) of the signing key's public key (DER SubjectPublicKeyInfo). */
  readonly keyId: string;
}

export interface AnchorSignature {
  /** ECDSA over P-256 with SHA-256 of the statement's canonical JSON; DER signature, base64. */
  readonly algorithm: 'ECDSA_P256_SHA256';
  readonly value: string;
}

export interface SignedAnchor {
  readonly statement: AnchorStatement;
  readonly signature: AnchorSignature;
}

/**
 * The bytes of a leaf: the UTF-8 JSON array `[streamId, version, hash]` (plain JSON.stringify, which for
 * a string, an integer and a hex string is also its RFC 8785 form).
 */
export const leafBytes = (leaf: AnchorLeaf): Buffer =>
  Buffer.from(JSON.stringify([leaf.streamId, leaf.version, leaf.hash]), 'utf8');

/** Leaves are ordered by stream id, compared as UTF-8 bytes. */
export const compareStreamIds = (a: string, b: string): number =>
  Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

export const sortLeaves = (leaves: readonly AnchorLeaf[]): AnchorLeaf[] => {
  // Plain string order equals UTF-8 byte order for ids without astral characters, and is far faster.
  const astral = leaves.some((l) => /[\uD800-\uDFFF]/.test(l.streamId));
  return [...leaves].sort((a, b) =>
    astral ? compareStreamIds(a.streamId, b.streamId) : a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0,
  );
};

/** The tree of ordered leaves: its levels (for proofs) and root. */
export const anchorTree = (ordered: readonly AnchorLeaf[]) => {
  const levels = treeLevels(ordered.map((l) => leafHash(leafBytes(l))));
  return { levels, root: rootOf(levels), size: ordered.length };
};

/** The exact bytes that are signed and hashed: RFC 8785 canonical JSON of the statement. */
export const statementBytes = (statement: AnchorStatement): Buffer => {
  const json = canonicalize(statement);
  if (json === undefined) throw new TypeError('anchor statement cannot be canonicalized');
  return Buffer.from(json, 'utf8');
};

/** The hash that the next anchor's `previous` names: SHA-256 (hex) of the canonical statement. */
export const anchorHash = (statement: AnchorStatement): string =>
  createHash('sha256').update(statementBytes(statement)).digest('hex');

/** The statement of the anchor after `previous` (or the first). */
export const nextStatement = (
  previous: AnchorStatement | undefined,
  tree: { root: string; size: number },
  anchoredAt: string,
  keyId: string,
): AnchorStatement => ({
  format: ANCHOR_FORMAT,
  sequence: (previous?.sequence ?? 0) + 1,
  anchoredAt,
  treeSize: tree.size,
  root: tree.root,
  previous: previous ? anchorHash(previous) : NO_PREVIOUS_ANCHOR,
  keyId,
});

/**
 * What is wrong with a chain of anchors (in sequence order): gaps, a `previous` that does not name the
 * anchor before, time going backwards. Signatures are checked by the caller, which holds the key.
 */
export const chainProblems = (statements: readonly AnchorStatement[]): string[] => {
  const problems: string[] = [];
  let before: AnchorStatement | undefined;
  for (const s of statements) {
    const expected = before ? before.sequence + 1 : 1;
    if (s.sequence !== expected)
      problems.push(`anchor ${s.sequence}: expected anchor ${expected} here (an anchor is missing or out of order)`);
    const previous = before ? anchorHash(before) : NO_PREVIOUS_ANCHOR;
    if (s.previous !== previous)
      problems.push(
        `anchor ${s.sequence}: its previous-anchor hash does not match anchor ${before?.sequence ?? '(none)'}`,
      );
    if (before && s.anchoredAt < before.anchoredAt)
      problems.push(`anchor ${s.sequence}: anchored before anchor ${before.sequence}`);
    before = s;
  }
  return problems;
};
