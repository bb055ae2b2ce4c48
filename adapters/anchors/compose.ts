import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { join } from 'node:path';
import type { AnchorDeps } from '../../application/anchors/anchoring.js';
import { AnchorLedger } from '../../application/anchors/ledger.js';
import type { AnchorArchive, AnchorSigner } from '../../application/anchors/ports.js';
import { DirectoryAnchorArchive } from './directory-archive.js';
import { DynamoStreamHeads } from './dynamo-heads.js';
import { LocalKeySigner } from './local-signer.js';

export interface Anchors {
  readonly deps: AnchorDeps;
  readonly heads: DynamoStreamHeads;
  readonly ledger: AnchorLedger;
}

/** The anchoring services over the event tables, an archive and a signer. */
export const composeAnchors = (opts: {
  doc: DynamoDBDocumentClient;
  eventsTable: string;
  readModelTable: string;
  archive: AnchorArchive;
  signer: AnchorSigner;
  now: () => Date;
}): Anchors => {
  const heads = new DynamoStreamHeads(opts.doc, opts.eventsTable, opts.readModelTable);
  return {
    deps: { heads, archive: opts.archive, signer: opts.signer, now: opts.now },
    heads,
    ledger: new AnchorLedger(opts.archive),
  };
};

/** Where the local stack keeps anchors: `<dataDir>/anchors/`, the private key beside it (never inside). */
export const localAnchorPlaces = (dataDir: string) => ({
  archive: new DirectoryAnchorArchive(join(dataDir, 'anchors')),
  signer: new LocalKeySigner(join(dataDir, 'anchor-signing-key.pem')),
});
