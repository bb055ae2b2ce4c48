import { verifyChain, type StoredRecord } from '../audit/verify.js';
import type { StreamHead } from '../shared/stream-head.js';
import type { AnchorLeaf } from './anchor.js';

/** Why a stream no longer matches what an anchor committed to. */
export type AnchorMismatch = 'deleted' | 'truncated' | 'rewritten' | 'chain-broken' | 'unreadable';

export interface StreamFinding {
  readonly streamId: string;
  readonly problem: AnchorMismatch;
  /** The first broken version, when the stream's own chain is broken. */
  readonly brokenAt?: number;
  readonly reason: string;
}

/**
 * Checks a stream as stored now against the leaf an anchor holds for it: its own chain must be intact,
 * and its event at the anchored version must still carry the anchored hash. A consistent rewrite (every
 * hash and the head recomputed) passes the first check and fails the second. Undefined when it matches.
 */
export const checkAgainstLeaf = (
  leaf: AnchorLeaf,
  records: readonly StoredRecord[],
  head: StreamHead | undefined,
  sequence: number,
): StreamFinding | undefined => {
  const { streamId } = leaf;
  if (records.length === 0 && !head)
    return {
      streamId,
      problem: 'deleted',
      reason: `anchor ${sequence} holds it at version ${leaf.version}, but the stream no longer exists`,
    };
  const chain = verifyChain(records, head);
  if (!chain.valid) return { streamId, problem: 'chain-broken', brokenAt: chain.brokenAt, reason: chain.reason };
  if (chain.events < leaf.version) {
    return {
      streamId,
      problem: 'truncated',
      reason: `anchor ${sequence} holds it at version ${leaf.version}, but only ${chain.events} events remain`,
    };
  }
  const anchored = records[leaf.version - 1];
  if (anchored?.hash !== leaf.hash) {
    return {
      streamId,
      problem: 'rewritten',
      reason: `its event ${leaf.version} no longer has the hash anchor ${sequence} committed to: the stream was rewritten`,
    };
  }
  return undefined;
};

/** How a stream's head moved between the last anchor and now. */
export type HeadChange =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'new' }
  | { readonly kind: 'extended' }
  /** Not a continuation of what was anchored: the anchor keeps the earlier leaf and reports it. */
  | { readonly kind: 'conflict'; readonly reason: string };

/**
 * Whether `current` continues `anchored`: the same head, or a later head whose stream still holds the
 * anchored hash at the anchored version (`hashAtAnchoredVersion`, read from the store by the caller).
 */
export const classifyHead = (
  anchored: AnchorLeaf | undefined,
  current: AnchorLeaf,
  hashAtAnchoredVersion: string | undefined,
): HeadChange => {
  if (!anchored) return { kind: 'new' };
  if (current.version === anchored.version && current.hash === anchored.hash) return { kind: 'unchanged' };
  if (current.version < anchored.version)
    return { kind: 'conflict', reason: `the head went back from version ${anchored.version} to ${current.version}` };
  if (current.version === anchored.version)
    return { kind: 'conflict', reason: `the head hash at version ${anchored.version} changed` };
  if (hashAtAnchoredVersion !== anchored.hash)
    return { kind: 'conflict', reason: `event ${anchored.version} no longer has the anchored hash` };
  return { kind: 'extended' };
};
