import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import { WriteOnceAnchorArchive } from './write-once-archive.js';

/** Default retention of an anchor: ten years. */
export const DEFAULT_RETENTION_DAYS = 3653;

/**
 * Anchors in an S3 bucket with Object Lock: each object written once (`If-None-Match: *`, so not even a
 * new version lands on an existing key) and locked in COMPLIANCE mode until the retention ends — no one,
 * the account root included, can delete or shorten it.
 */
export class S3AnchorArchive extends WriteOnceAnchorArchive {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly retentionDays = DEFAULT_RETENTION_DAYS,
    private readonly now: () => Date = () => new Date(),
    private readonly prefix = 'anchors/',
  ) {
    super();
  }

  protected async fileNames(): Promise<string[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) names.push((o.Key ?? '').slice(this.prefix.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return names;
  }

  protected async readText(name: string): Promise<string | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + name }));
      return out.Body ? await out.Body.transformToString('utf8') : undefined;
    } catch (err) {
      if (err instanceof NoSuchKey || (err as Error).name === 'NoSuchKey') return undefined;
      throw err;
    }
  }

  protected async createOnce(name: string, body: string, contentType: string): Promise<boolean> {
    const retainUntil = new Date(this.now().getTime() + this.retentionDays * 86_400_000);
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.prefix + name,
          Body: body,
          ContentType: contentType,
          IfNoneMatch: '*',
          ChecksumAlgorithm: 'SHA256',
          ObjectLockMode: 'COMPLIANCE',
          ObjectLockRetainUntilDate: retainUntil,
        }),
      );
      return true;
    } catch (err) {
      if (
        err instanceof S3ServiceException &&
        (err.$metadata.httpStatusCode === 412 || err.name === 'PreconditionFailed')
      )
        return false;
      throw err;
    }
  }
}
