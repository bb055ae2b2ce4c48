import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { AnchorLeaf, SignedAnchor } from '../../domain/anchors/anchor.js';
import { AnchorExistsError, type AnchorArchive } from '../../application/anchors/ports.js';
import {
  ANCHOR_FILE,
  anchorFileName,
  leavesFileName,
  parseAnchorFile,
  parseLeaves,
  PUBLIC_KEY_FILE,
  serializeAnchor,
  serializeLeaves,
} from './files.js';

/** Default retention of an anchor: ten years. */
export const DEFAULT_RETENTION_DAYS = 3653;

/**
 * Anchors in an S3 bucket with Object Lock: each object written once (`If-None-Match: *`, so not even a
 * new version lands on an existing key) and locked in COMPLIANCE mode until the retention ends — no one,
 * the account root included, can delete or shorten it.
 */
export class S3AnchorArchive implements AnchorArchive {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly retentionDays = DEFAULT_RETENTION_DAYS,
    private readonly now: () => Date = () => new Date(),
    private readonly prefix = 'anchors/',
  ) {}

  private async names(): Promise<string[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) {
        const name = (o.Key ?? '').slice(this.prefix.length);
        if (ANCHOR_FILE.test(name)) names.push(name);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return names.sort();
  }

  private async text(name: string): Promise<string | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + name }));
      return out.Body ? await out.Body.transformToString('utf8') : undefined;
    } catch (err) {
      if (err instanceof NoSuchKey || (err as Error).name === 'NoSuchKey') return undefined;
      throw err;
    }
  }

  async list(): Promise<SignedAnchor[]> {
    const anchors: SignedAnchor[] = [];
    for (const name of await this.names()) anchors.push(parseAnchorFile(name, (await this.text(name)) ?? ''));
    return anchors;
  }

  async latest(): Promise<SignedAnchor | undefined> {
    const names = await this.names();
    const last = names[names.length - 1];
    return last ? parseAnchorFile(last, (await this.text(last)) ?? '') : undefined;
  }

  async leaves(sequence: number): Promise<AnchorLeaf[] | undefined> {
    const name = leavesFileName(sequence);
    const text = await this.text(name);
    return text === undefined ? undefined : parseLeaves(name, text);
  }

  private async putOnce(name: string, body: string, contentType: string, sequence: number): Promise<void> {
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
    } catch (err) {
      if (
        err instanceof S3ServiceException &&
        (err.$metadata.httpStatusCode === 412 || err.name === 'PreconditionFailed')
      )
        throw new AnchorExistsError(sequence);
      throw err;
    }
  }

  async put(anchor: SignedAnchor, leaves: readonly AnchorLeaf[]): Promise<void> {
    const { sequence } = anchor.statement;
    await this.putOnce(leavesFileName(sequence), serializeLeaves(leaves), 'application/jsonl', sequence);
    await this.putOnce(anchorFileName(sequence), serializeAnchor(anchor), 'application/json', sequence);
  }

  publishedKey(): Promise<string | undefined> {
    return this.text(PUBLIC_KEY_FILE);
  }

  async publishKey(pem: string): Promise<void> {
    try {
      await this.putOnce(PUBLIC_KEY_FILE, pem, 'application/x-pem-file', 0);
    } catch (err) {
      if (!(err instanceof AnchorExistsError)) throw err;
    }
  }
}
