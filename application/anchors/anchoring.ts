import {
  anchorTree,
  nextStatement,
  sortLeaves,
  statementBytes,
  type AnchorLeaf,
  type SignedAnchor,
} from '../../domain/anchors/anchor.js';
import { classifyHead } from '../../domain/anchors/reconcile.js';
import { keyIdOf, signatureValid } from '../../domain/anchors/signature.js';
import { AnchorArchiveError, type AnchorArchive, type AnchorSigner, type StreamHeads } from './ports.js';

export interface AnchorDeps {
  readonly heads: StreamHeads;
  readonly archive: AnchorArchive;
  readonly signer: AnchorSigner;
  readonly now: () => Date;
}

export interface AnchorRun {
  readonly anchor: SignedAnchor;
  /** `full`: every head read from the events table; `incremental`: the last anchor plus the heads changed since. */
  readonly mode: 'full' | 'incremental';
  readonly streams: number;
  readonly changed: number;
  /** Streams whose head does not continue what the last anchor holds: the anchor keeps the anchored leaf. */
  readonly conflicts: readonly { streamId: string; reason: string }[];
  /** Streams the last anchor holds that the events table no longer has (full mode): kept, reported. */
  readonly missing: readonly string[];
}

/** Runs `task` over `items`, `concurrency` at a time. */
const eachLimited = async <T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
};

/**
 * The last anchor and its leaves, checked before anything is chained onto them: signed by our key,
 * and the leaves file hashing to the signed root. A new anchor never builds on a doctored one.
 */
const lastAnchor = async (archive: AnchorArchive, publicKeyPem: string) => {
  const anchor = await archive.latest();
  if (!anchor) return undefined;
  if (!signatureValid(anchor, publicKeyPem))
    throw new AnchorArchiveError(
      `anchor ${anchor.statement.sequence} does not carry a valid signature of the anchor key: not chaining onto it`,
    );
  const leaves = await archive.leaves(anchor.statement.sequence);
  if (!leaves) throw new AnchorArchiveError(`the leaves of anchor ${anchor.statement.sequence} are missing`);
  if (anchorTree(leaves).root !== anchor.statement.root)
    throw new AnchorArchiveError(`the leaves of anchor ${anchor.statement.sequence} do not hash to its root`);
  return { anchor, leaves };
};

/**
 * Writes the next anchor: a Merkle tree over every stream's head, chained to the previous anchor, signed
 * and stored write-once. Incremental by default (the last anchor's leaves plus the heads the stream
 * consumer saw change); `full` reads every head from the events table. Either way a head that does not
 * continue its anchored one (a stream rewritten, truncated) keeps its anchored leaf and is reported, and
 * a stream that vanished keeps its leaf: an anchor never launders tampering into the record.
 */
export const anchorNow = async (deps: AnchorDeps, options: { full?: boolean } = {}): Promise<AnchorRun> => {
  const publicKeyPem = await deps.signer.publicKeyPem();
  const last = await lastAnchor(deps.archive, publicKeyPem);
  const mode = options.full || !last ? 'full' : 'incremental';
  const anchored = new Map<string, AnchorLeaf>((last?.leaves ?? []).map((l) => [l.streamId, l]));
  const pending = await deps.heads.pending();
  const current = mode === 'full' ? await deps.heads.all() : pending;

  const next = new Map(anchored);
  const conflicts: { streamId: string; reason: string }[] = [];
  let changed = 0;
  const seen = new Set<string>();
  await eachLimited(current, 16, async (head) => {
    seen.add(head.streamId);
    const before = anchored.get(head.streamId);
    const needsLookup = before !== undefined && head.version > before.version;
    const change = classifyHead(
      before,
      head,
      needsLookup ? await deps.heads.hashAt(head.streamId, (before as AnchorLeaf).version) : undefined,
    );
    if (change.kind === 'unchanged') return;
    if (change.kind === 'conflict') {
      conflicts.push({ streamId: head.streamId, reason: change.reason });
      return;
    }
    changed++;
    next.set(head.streamId, head);
  });
  const missing = mode === 'full' ? [...anchored.keys()].filter((id) => !seen.has(id)) : [];

  const leaves = sortLeaves([...next.values()]);
  const tree = anchorTree(leaves);
  const statement = nextStatement(last?.anchor.statement, tree, deps.now().toISOString(), keyIdOf(publicKeyPem));
  const signature = Buffer.from(await deps.signer.sign(statementBytes(statement))).toString('base64');
  const anchor: SignedAnchor = { statement, signature: { algorithm: 'ECDSA_P256_SHA256', value: signature } };
  // With the first anchor, and again should an earlier run have stopped between the two writes: readers
  // (the API, outside verifiers) take the key from the archive, not from the signer.
  if (!last || !(await deps.archive.publishedKey())) await deps.archive.publishKey(publicKeyPem);
  await deps.archive.put(anchor, leaves);
  await deps.heads.acknowledge(pending);
  return {
    anchor,
    mode,
    streams: leaves.length,
    changed,
    conflicts: conflicts.sort((a, b) => (a.streamId < b.streamId ? -1 : 1)),
    missing: missing.sort(),
  };
};
