import { S3Client } from '@aws-sdk/client-s3';
import { S3ObjectStore } from '../../adapters/object-store/s3-store.js';

/** The mail bucket's store with its own S3 client (loaded on demand by aws-objects.ts). */
export const s3Objects = (bucket: string): S3ObjectStore => new S3ObjectStore(new S3Client({}), bucket);
