import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { anchorTree, PROOF_FORMAT, type AnchorLeaf, type SignedAnchor } from '../../domain/anchors/anchor.js';
import { inclusionProof } from '../../domain/anchors/merkle.js';
import { keyIdOf } from '../../domain/anchors/signature.js';
import { storedRecordOf } from '../../domain/audit/stored-record.js';
import type { StoredRecord } from '../../domain/audit/verify.js';
import type { AnchorArchive } from './ports.js';
import type { AnchorStanding } from './verification.js';

/** The anchor key as published: PEM, JWK and its id (SHA-256 of the DER public key). */
export interface PublishedKey {
  readonly keyId: string;
  readonly pem: string;
  readonly jwk: JsonWebKey;
}

/** An evidence bundle: everything an outside auditor needs to check one stream against an anchor. */
export interface ProofBundle {
  readonly format: typeof PROOF_FORMAT;
  readonly streamId: string;
  readonly events: readonly StoredRecord[];
  readonly leaf: AnchorLeaf;
  readonly leafIndex: number;
  readonly inclusionProof: readonly string[];
  readonly anchor: SignedAnchor;
  readonly publicKey: PublishedKey;
}

export class NotAnchoredError extends Error {
  constructor(readonly streamId: string) {
    super(
      `${streamId} is not in an anchor yet: anchors are written after close of office each working day, or by desk anchor`,
    );
    this.name = 'NotAnchoredError';
  }
}

interface LatestTree {
  readonly anchor: SignedAnchor;
  readonly leaves: readonly AnchorLeaf[];
  readonly levels: Buffer[][];
  readonly index: ReadonlyMap<string, number>;
}

/**
 * Read side of the anchors for the API and the CLI: the list, the public key, a stream's standing
 * against the latest anchor and its evidence bundle. The latest anchor's tree is built once and kept
 * until a newer anchor appears.
 */
export class AnchorLedger {
  private cached: LatestTree | undefined;
  private key: PublishedKey | undefined;

  /**
   * Reads only the archive: the public key is the one published beside the anchors, so a reader needs no
   * access to the signing key (on AWS the API has no KMS permission and carries no KMS client).
   */
  constructor(private readonly archive: AnchorArchive) {}

  /** The key the anchors are signed with, as published with the first anchor; undefined before it. */
  async publicKey(): Promise<PublishedKey | undefined> {
    if (this.key) return this.key;
    const pem = await this.archive.publishedKey();
    if (pem === undefined) return undefined;
    this.key = { keyId: keyIdOf(pem), pem, jwk: createPublicKey(pem).export({ format: 'jwk' }) };
    return this.key;
  }

  list(): Promise<SignedAnchor[]> {
    return this.archive.list();
  }

  private async latest(): Promise<LatestTree | undefined> {
    const anchor = await this.archive.latest();
    if (!anchor) return undefined;
    if (this.cached?.anchor.statement.sequence === anchor.statement.sequence) return this.cached;
    const leaves = (await this.archive.leaves(anchor.statement.sequence)) ?? [];
    const tree = anchorTree(leaves);
    this.cached = { anchor, leaves, levels: tree.levels, index: new Map(leaves.map((l, i) => [l.streamId, i])) };
    return this.cached;
  }

  /**
   * Where a stream stands against the latest anchor, from its events' versions and hashes (its own chain
   * is verified by the caller); undefined when no anchor holds it yet.
   */
  async standing(
    streamId: string,
    events: readonly { version: number; hash: string }[],
  ): Promise<AnchorStanding | undefined> {
    const latest = await this.latest();
    const at = latest?.index.get(streamId);
    if (!latest || at === undefined) return undefined;
    const leaf = latest.leaves[at] as AnchorLeaf;
    const { sequence, anchoredAt, root } = latest.anchor.statement;
    const reason =
      events.length < leaf.version
        ? `anchor ${sequence} holds it at version ${leaf.version}, but only ${events.length} events remain`
        : events[leaf.version - 1]?.hash !== leaf.hash
          ? `its event ${leaf.version} no longer has the hash anchor ${sequence} committed to: the stream was rewritten`
          : undefined;
    return {
      sequence,
      anchoredAt,
      root,
      version: leaf.version,
      hash: leaf.hash,
      matches: !reason,
      ...(reason ? { reason } : {}),
    };
  }

  /** The key an existing anchor was published with (the first anchor publishes it before it is written). */
  private async publishedKeyOf(anchor: SignedAnchor): Promise<PublishedKey> {
    const key = await this.publicKey();
    if (!key) throw new Error(`anchor ${anchor.statement.sequence} exists but its public key is not published`);
    return key;
  }

  /** The evidence bundle of a stream against the latest anchor that holds it. */
  async proof(streamId: string, events: readonly StoredRecord[]): Promise<ProofBundle> {
    const latest = await this.latest();
    const at = latest?.index.get(streamId);
    if (!latest || at === undefined) throw new NotAnchoredError(streamId);
    return {
      format: PROOF_FORMAT,
      streamId,
      events: events.map(storedRecordOf),
      leaf: latest.leaves[at] as AnchorLeaf,
      leafIndex: at,
      inclusionProof: inclusionProof(latest.levels, at),
      anchor: latest.anchor,
      publicKey: await this.publishedKeyOf(latest.anchor),
    };
  }
}
