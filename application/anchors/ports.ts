import type { AnchorLeaf, SignedAnchor } from '../../domain/anchors/anchor.js';

/**
 * The anchor signing key: a KMS asymmetric key on AWS (ECC_NIST_P256, SIGN_VERIFY), a local P-256 key
 * file in the local stack. Only the anchoring function may sign; anyone may read the public key.
 */
export interface AnchorSigner {
  /** The public key, PEM (SubjectPublicKeyInfo). */
  publicKeyPem(): Promise<string>;
  /** ECDSA P-256 over SHA-256 of `message`, DER-encoded. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/**
 * Write-once storage of anchors and the leaves each one commits to (S3 with Object Lock in compliance
 * mode on AWS, `.data/anchors/` locally). Nothing stored here is ever replaced.
 */
export interface AnchorArchive {
  /** Every anchor, by sequence. An unreadable anchor file is an error naming it. */
  list(): Promise<SignedAnchor[]>;
  latest(): Promise<SignedAnchor | undefined>;
  /** The leaves of an anchor, in tree order; undefined when missing. */
  leaves(sequence: number): Promise<AnchorLeaf[] | undefined>;
  /** Stores a new anchor and its leaves; refuses (AnchorExistsError) to replace one. */
  put(anchor: SignedAnchor, leaves: readonly AnchorLeaf[]): Promise<void>;
  /** Publishes the public key beside the anchors (what an outside verifier fetches); written once. */
  publishKey(pem: string): Promise<void>;
  /** The public key published beside the anchors (PEM); undefined before the first anchor published it. */
  publishedKey(): Promise<string | undefined>;
}

/** Stream heads as the anchor sees them. */
export interface StreamHeads {
  /** Every stream's head, read from the events table itself (the full rebuild). */
  all(): Promise<AnchorLeaf[]>;
  /** Heads changed since they were last acknowledged, kept by a consumer of the events stream. */
  pending(): Promise<AnchorLeaf[]>;
  /** Forgets pending heads now anchored (those not moved on since). */
  acknowledge(leaves: readonly AnchorLeaf[]): Promise<void>;
  /** The stored hash of a stream's event at `version`, if there is one. */
  hashAt(streamId: string, version: number): Promise<string | undefined>;
}

export class AnchorExistsError extends Error {
  constructor(readonly sequence: number) {
    super(`anchor ${sequence} already exists: anchors are written once`);
    this.name = 'AnchorExistsError';
  }
}

export class AnchorArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnchorArchiveError';
  }
}
