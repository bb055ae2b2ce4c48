import { describe, expect, it } from '@jest/globals';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryObjectStore } from '../../../adapters/object-store/directory-store.js';
import { S3ObjectStore } from '../../../adapters/object-store/s3-store.js';
import { INLINE_LIMIT_BYTES, readContent, sha256Hex, storeContent } from '../../../application/object-store.js';
import { Content } from '../../../events/primitives.js';

describe('large content in object storage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-objects-'));
  const store = new DirectoryObjectStore(dir);

  it('keeps small text inline in the event', async () => {
    expect(await storeContent(store, 'bodies', 'short request')).toEqual({ inline: 'short request' });
  });

  it('stores large text outside the event, which keeps its key, SHA-256 and size', async () => {
    // Prepare: a 1 MB body, far over what an event should hold
    const body = 'ཀ'.repeat(350_000);
    // Act
    const content = await storeContent(store, 'bodies', body);
    // Assess
    const bytes = new TextEncoder().encode(body);
    expect(content).toEqual({
      storageKey: `bodies/${sha256Hex(bytes)}`,
      sha256: sha256Hex(bytes),
      sizeBytes: bytes.byteLength,
    });
    expect(Content.parse(content)).toEqual(content);
    expect(JSON.stringify(content).length).toBeLessThan(300);
    expect(await readContent(store, content)).toBe(body);
    expect(bytes.byteLength).toBeGreaterThan(INLINE_LIMIT_BYTES);
  });

  it('refuses stored content that no longer matches its digest', async () => {
    const content = await storeContent(store, 'bodies', 'x'.repeat(20_000));
    if ('inline' in content) throw new Error('expected stored content');
    await writeFile(join(dir, content.storageKey), 'tampered');
    await expect(readContent(store, content)).rejects.toThrow(/does not match its SHA-256/);
  });

  it('refuses keys that would escape the directory', async () => {
    await expect(store.put('../outside', new Uint8Array([1]))).rejects.toThrow(/escapes the store/);
  });

  it('uses the bucket on AWS, and treats a missing key as missing', async () => {
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).resolves({});
    s3.on(GetObjectCommand).rejects(
      Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' }),
    );
    const bucket = new S3ObjectStore(new S3Client({ region: 'ap-south-1' }), 'necs-mail');
    const content = await storeContent(bucket, 'bodies', 'y'.repeat(20_000));
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      Bucket: 'necs-mail',
      Key: (content as { storageKey: string }).storageKey,
    });
    expect(await bucket.get('bodies/nothing')).toBeUndefined();
  });
});
