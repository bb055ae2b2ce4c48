import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { KmsSigner } from '../../adapters/anchors/kms-signer.js';
import { S3AnchorArchive } from '../../adapters/anchors/s3-archive.js';
import { AnchorLedger } from '../../application/anchors/ledger.js';

/** The anchors' ledger on the Object Lock bucket and the KMS key (loaded on demand by aws-anchors.ts). */
export const anchorLedger = (bucket: string, keyId: string): AnchorLedger =>
  new AnchorLedger(new S3AnchorArchive(new S3Client({}), bucket), new KmsSigner(new KMSClient({}), keyId));
