import { anchorTree, chainProblems, type AnchorLeaf, type SignedAnchor } from '../../domain/anchors/anchor.js';
import { checkAgainstLeaf, type StreamFinding } from '../../domain/anchors/reconcile.js';
import { keyIdOf, signatureValid } from '../../domain/anchors/signature.js';
import { verifyChain } from '../../domain/audit/verify.js';
import type { EventStore } from '../event-store.js';
import type { AnchorArchive, AnchorSigner, StreamHeads } from './ports.js';

export interface AnchorCheck {
  readonly anchors: readonly SignedAnchor[];
  /** Bad signatures, a broken chain of anchors, a leaves file that does not hash to its root. */
  readonly problems: readonly string[];
  readonly latest?: {
    readonly anchor: SignedAnchor;
    readonly leaves: readonly AnchorLeaf[];
    readonly index: ReadonlyMap<string, number>;
  };
}

/**
 * Checks every anchor against the trusted public key (from the signer: KMS or the local key file, never
 * the copy beside the anchors) and the chain between them, and loads the latest one's leaves.
 */
export const checkAnchors = async (
  archive: AnchorArchive,
  key: Pick<AnchorSigner, 'publicKeyPem'>,
): Promise<AnchorCheck> => {
  const anchors = await archive.list();
  if (anchors.length === 0) return { anchors, problems: [] };
  const publicKeyPem = await key.publicKeyPem();
  const keyId = keyIdOf(publicKeyPem);
  const problems: string[] = [];
  for (const a of anchors) {
    if (a.statement.keyId !== keyId)
      problems.push(
        `anchor ${a.statement.sequence}: names key ${a.statement.keyId.slice(0, 16)}…, not the anchor key ${keyId.slice(0, 16)}…`,
      );
    else if (!signatureValid(a, publicKeyPem))
      problems.push(`anchor ${a.statement.sequence}: the signature does not verify`);
  }
  problems.push(...chainProblems(anchors.map((a) => a.statement)));
  const anchor = anchors[anchors.length - 1];
  if (!anchor) return { anchors, problems };
  const leaves = (await archive.leaves(anchor.statement.sequence)) ?? [];
  const tree = anchorTree(leaves);
  if (tree.root !== anchor.statement.root || leaves.length !== anchor.statement.treeSize) {
    problems.push(`anchor ${anchor.statement.sequence}: its leaves do not hash to its signed root`);
  }
  return { anchors, problems, latest: { anchor, leaves, index: new Map(leaves.map((l, i) => [l.streamId, i])) } };
};

export interface VerifyAllResult {
  /** Every stream checked, by id. */
  readonly ids: readonly string[];
  readonly streams: number;
  readonly anchored: number;
  readonly findings: readonly StreamFinding[];
  readonly anchorProblems: readonly string[];
  readonly latest?: SignedAnchor;
}

/**
 * `desk verify --all`: every stream's own chain and head, and, for every stream the latest anchor holds,
 * that it still continues what was anchored. A stream rewritten as a whole, truncated after anchoring or
 * deleted is found by name; so is every bad anchor signature or link.
 */
export const verifyAllAgainstAnchors = async (
  deps: { store: EventStore; heads: StreamHeads; archive: AnchorArchive; signer: Pick<AnchorSigner, 'publicKeyPem'> },
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<VerifyAllResult> => {
  const check = await checkAnchors(deps.archive, deps.signer);
  const ids = new Set<string>();
  for (const head of await deps.heads.all()) ids.add(head.streamId);
  const leaves = check.latest?.leaves ?? [];
  for (const l of leaves) ids.add(l.streamId);
  const sorted = [...ids].sort();
  const findings: StreamFinding[] = [];
  const sequence = check.latest?.anchor.statement.sequence ?? 0;
  let done = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < sorted.length) {
        const streamId = sorted[next++] as string;
        const at = check.latest?.index.get(streamId);
        try {
          const read = await deps.store.read(streamId);
          const finding =
            at !== undefined
              ? checkAgainstLeaf(leaves[at] as AnchorLeaf, read.events, read.head, sequence)
              : chainFinding(streamId, read);
          if (finding) findings.push(finding);
        } catch (err) {
          // One stream the store cannot read (an event the catalogue refuses) is named; the sweep goes on.
          findings.push({
            streamId,
            problem: 'unreadable',
            reason: ((err as Error).message ?? String(err)).split('\n')[0]?.slice(0, 300) ?? 'unknown error',
          });
        }
        onProgress(++done, sorted.length);
      }
    }),
  );
  findings.sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
  return {
    ids: sorted,
    streams: sorted.length,
    anchored: leaves.length,
    findings,
    anchorProblems: check.problems,
    ...(check.latest ? { latest: check.latest.anchor } : {}),
  };
};

const chainFinding = (streamId: string, read: Awaited<ReturnType<EventStore['read']>>): StreamFinding | undefined => {
  const chain = verifyChain(read.events, read.head);
  return chain.valid
    ? undefined
    : { streamId, problem: 'chain-broken', brokenAt: chain.brokenAt, reason: chain.reason };
};

/** What the API's verify route adds: where the stream stands against the latest anchor. */
export interface AnchorStanding {
  readonly sequence: number;
  readonly anchoredAt: string;
  readonly root: string;
  readonly version: number;
  readonly hash: string;
  /** The stream still holds the anchored hash at the anchored version. */
  readonly matches: boolean;
  readonly reason?: string;
}
