import { generateKeyPairSync, sign } from 'node:crypto';
import {
  anchorTree,
  nextStatement,
  PROOF_FORMAT,
  sortLeaves,
  statementBytes,
  type AnchorLeaf,
} from '../../domain/anchors/anchor.js';
import { inclusionProof } from '../../domain/anchors/merkle.js';
import { keyIdOf } from '../../domain/anchors/signature.js';
import { GENESIS_HASH, hashEvent } from '../../domain/audit/hash-chain.js';

/** An event as a bundle carries it: what the hash covers, with its hash and its predecessor's. */
export interface BundledEvent {
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  actor: { kind: 'user'; userId: string; role: 'division_officer' };
  data: Record<string, unknown> & { text: string };
  hash: string;
  prevHash: string;
}

/** Chains events as the store does: versions from 1, each hash over the one before. */
export const chained = (
  streamId: string,
  texts: readonly string[],
  extra: Record<string, unknown> = {},
): BundledEvent[] => {
  let prevHash = GENESIS_HASH;
  return texts.map((text, i) => {
    const body = {
      streamId,
      version: i + 1,
      type: 'NoteAdded',
      schemaVersion: 1,
      occurredAt: `2026-11-23T10:0${i % 10}:00+06:00`,
      actor: { kind: 'user' as const, userId: 'legal.officer', role: 'division_officer' as const },
      data: { ...extra, text },
    };
    const hash = hashEvent(prevHash, body);
    const event = { ...body, hash, prevHash };
    prevHash = hash;
    return event;
  });
};

/**
 * An evidence bundle made in memory, as `desk proof` writes one: `streamId`'s notes anchored at their
 * head among other streams' heads, in an anchor signed by a fresh P-256 key. Returns the bundle and
 * the key's PEM (the key an auditor trusts).
 */
export const anchoredBundle = (
  streamId: string,
  texts: readonly string[],
  others = ['request#NECS-2026-00007', 'request#NECS-2026-00009', 'directory#people'],
  extra: Record<string, unknown> = {},
) => {
  const events = chained(streamId, texts, extra);
  const head = events[events.length - 1] as BundledEvent;
  const leaves: AnchorLeaf[] = sortLeaves([
    { streamId, version: head.version, hash: head.hash },
    ...others.map((id, i) => ({ streamId: id, version: i + 1, hash: chained(id, [`other ${i}`])[0]?.hash as string })),
  ]);
  const tree = anchorTree(leaves);
  const leafIndex = leaves.findIndex((l) => l.streamId === streamId);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const statement = nextStatement(undefined, tree, '2026-11-23T11:30:00.000Z', keyIdOf(publicKey));
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const bundle = {
    format: PROOF_FORMAT,
    streamId,
    events,
    leaf: leaves[leafIndex] as AnchorLeaf,
    leafIndex,
    inclusionProof: inclusionProof(tree.levels, leafIndex),
    anchor: {
      statement,
      signature: {
        algorithm: 'ECDSA_P256_SHA256' as const,
        value: sign('sha256', statementBytes(statement), { key: privateKey, dsaEncoding: 'der' }).toString('base64'),
      },
    },
    publicKey: { pem },
  };
  return { bundle, pem };
};

/**
 * The careful insider's rewrite: events changed after anchoring and chained again from the first, so
 * that every hash inside the bundle agrees with every other. Only the anchor still remembers.
 */
export const rechained = (events: readonly BundledEvent[], edit: (texts: string[]) => string[]): BundledEvent[] =>
  chained(events[0]?.streamId as string, edit(events.map((e) => e.data.text)));
