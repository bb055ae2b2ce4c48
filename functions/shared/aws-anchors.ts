import type { AnchorLedger } from '../../application/anchors/ledger.js';

/** What the API reads of the anchors. */
export type AnchorReader = Pick<AnchorLedger, 'publicKey' | 'list' | 'standing' | 'proof'>;

/**
 * The anchors, read-only, with their S3 client loaded on the first call (anchor-clients.ts), not at
 * start: only GET /anchors, proofs and verify read them.
 */
export const awsAnchorLedger = (bucket: string): AnchorReader => {
  let ledger: Promise<AnchorLedger> | undefined;
  const load = () => (ledger ??= import('./anchor-clients.js').then(({ anchorLedger }) => anchorLedger(bucket)));
  return {
    publicKey: async () => (await load()).publicKey(),
    list: async () => (await load()).list(),
    standing: async (streamId, events) => (await load()).standing(streamId, events),
    proof: async (streamId, events) => (await load()).proof(streamId, events),
  };
};
