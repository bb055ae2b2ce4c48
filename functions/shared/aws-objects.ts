import { S3Client } from '@aws-sdk/client-s3';
import { S3ObjectStore } from '../../adapters/object-store/s3-store.js';
import type { AwsEnvironment } from './aws-services.js';

/** The mail bucket as an object store (functions that store or read mail content and attachments). */
export const awsObjects = (env: AwsEnvironment): S3ObjectStore => new S3ObjectStore(new S3Client({}), env.OBJECT_BUCKET);
