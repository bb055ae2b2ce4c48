import { S3Client } from '@aws-sdk/client-s3';
import { S3AnchorArchive } from '../../adapters/anchors/s3-archive.js';
import { AnchorLedger } from '../../application/anchors/ledger.js';

/**
 * The anchors' ledger on the Object Lock bucket (loaded on demand by aws-anchors.ts): the anchors, their
 * leaves and the public key published beside them. No KMS: the API never touches the signing key.
 */
export const anchorLedger = (bucket: string): AnchorLedger =>
  new AnchorLedger(new S3AnchorArchive(new S3Client({}), bucket));
