import type { ObjectStore } from '../../application/object-store.js';
import type { AwsEnvironment } from './aws-services.js';

/**
 * The mail bucket as an object store. The S3 client (~140 KB of SDK) is loaded on the first call, not at
 * start: most API requests never touch S3, and a cold start should not pay for it.
 */
export const awsObjects = (env: AwsEnvironment): ObjectStore => {
  let store: Promise<ObjectStore> | undefined;
  const s3 = () => (store ??= import('./s3-objects.js').then(({ s3Objects }) => s3Objects(env.OBJECT_BUCKET)));
  return {
    put: async (key, bytes, contentType) => (await s3()).put(key, bytes, contentType),
    get: async (key) => (await s3()).get(key),
    getStream: async (key) => (await s3()).getStream(key),
  };
};
