import { describe, expect, it } from '@jest/globals';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryAnchorArchive } from '../../../adapters/anchors/directory-archive.js';
import { S3AnchorArchive } from '../../../adapters/anchors/s3-archive.js';
import { AnchorExistsError, type AnchorArchive } from '../../../application/anchors/ports.js';
import { ANCHOR_FORMAT, type AnchorLeaf, type SignedAnchor } from '../../../domain/anchors/anchor.js';
import { TEST_START } from '../../support/clock.js';

const hex = (c: string) => c.repeat(64);
const anchor = (sequence: number): SignedAnchor => ({
  statement: {
    format: ANCHOR_FORMAT,
    sequence,
    anchoredAt: '2026-11-23T11:00:00+06:00',
    treeSize: 1,
    root: hex('a'),
    previous: hex('0'),
    keyId: hex('b'),
  },
  signature: { algorithm: 'ECDSA_P256_SHA256', value: 'c2lnbmVk' },
});
const leaves: AnchorLeaf[] = [{ streamId: 'request#NECS-2026-00001', version: 3, hash: hex('c') }];

/** A bucket in memory that answers as S3 with Object Lock does: listing in pages of two, writes once. */
const bucketInMemory = () => {
  const objects = new Map<string, string>();
  const s3 = mockClient(S3Client);
  s3.on(ListObjectsV2Command).callsFake(
    ({ Prefix, ContinuationToken }: { Prefix: string; ContinuationToken?: string }) => {
      const keys = [...objects.keys()].filter((k) => k.startsWith(Prefix)).sort();
      const from = ContinuationToken ? Number(ContinuationToken) : 0;
      const more = from + 2 < keys.length;
      return {
        Contents: keys.slice(from, from + 2).map((Key) => ({ Key })),
        IsTruncated: more,
        ...(more ? { NextContinuationToken: String(from + 2) } : {}),
      };
    },
  );
  s3.on(GetObjectCommand).callsFake(({ Key }: { Key: string }) => {
    const body = objects.get(Key);
    if (body === undefined) throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} });
    return { Body: { transformToString: async () => body } };
  });
  s3.on(PutObjectCommand).callsFake(({ Key, Body }: { Key: string; Body: string }) => {
    if (objects.has(Key))
      throw new S3ServiceException({
        name: 'PreconditionFailed',
        $fault: 'client',
        $metadata: { httpStatusCode: 412 },
        message: 'At least one of the pre-conditions you specified did not hold',
      });
    objects.set(Key, Body);
    return {};
  });
  return { s3, objects };
};

const archives: [string, () => AnchorArchive][] = [
  ['a folder (the local stack)', () => new DirectoryAnchorArchive(mkdtempSync(join(tmpdir(), 'desk-anchors-')))],
  [
    'an S3 bucket with Object Lock',
    () => new S3AnchorArchive(new S3Client({ region: 'ap-south-1' }), 'necs-anchors', 30, () => TEST_START),
  ],
];

describe.each(archives)('the anchor archive in %s', (_, make) => {
  it('holds nothing at first', async () => {
    bucketInMemory();
    const archive = make();
    expect(await archive.list()).toEqual([]);
    expect(await archive.latest()).toBeUndefined();
    expect(await archive.leaves(1)).toBeUndefined();
  });

  it('gives back every anchor by sequence, the latest, and each anchor’s leaves', async () => {
    bucketInMemory();
    const archive = make();
    for (const sequence of [1, 2, 3]) await archive.put(anchor(sequence), sequence === 2 ? leaves : []);
    expect((await archive.list()).map((a) => a.statement.sequence)).toEqual([1, 2, 3]);
    expect(await archive.latest()).toEqual(anchor(3));
    expect(await archive.leaves(2)).toEqual(leaves);
    expect(await archive.leaves(3)).toEqual([]);
    expect(await archive.leaves(4)).toBeUndefined();
  });

  it('never replaces an anchor, and publishing the key again changes nothing', async () => {
    bucketInMemory();
    const archive = make();
    await archive.put(anchor(1), leaves);
    await expect(archive.put(anchor(1), [])).rejects.toThrow(AnchorExistsError);
    expect(await archive.leaves(1)).toEqual(leaves);
    await archive.publishKey('-----BEGIN PUBLIC KEY-----\nfirst\n');
    await expect(archive.publishKey('-----BEGIN PUBLIC KEY-----\nsecond\n')).resolves.toBeUndefined();
  });
});

describe('the S3 anchor archive', () => {
  it('writes each object once, locked in compliance mode for the retention, under its prefix', async () => {
    const { s3, objects } = bucketInMemory();
    const archive = new S3AnchorArchive(new S3Client({ region: 'ap-south-1' }), 'necs-anchors', 30, () => TEST_START);
    await archive.put(anchor(1), leaves);
    await archive.publishKey('pem');
    expect(s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input)).toEqual([
      expect.objectContaining({ Key: 'anchors/anchor-0000000001.leaves.jsonl', ContentType: 'application/jsonl' }),
      expect.objectContaining({ Key: 'anchors/anchor-0000000001.json', ContentType: 'application/json' }),
      expect.objectContaining({ Key: 'anchors/anchor-key.pem', ContentType: 'application/x-pem-file' }),
    ]);
    for (const call of s3.commandCalls(PutObjectCommand))
      expect(call.args[0].input).toMatchObject({
        Bucket: 'necs-anchors',
        IfNoneMatch: '*',
        ChecksumAlgorithm: 'SHA256',
        ObjectLockMode: 'COMPLIANCE',
        ObjectLockRetainUntilDate: new Date(TEST_START.getTime() + 30 * 86_400_000),
      });
    expect(objects.get('anchors/anchor-key.pem')).toBe('pem');
  });
});

describe('the local anchor archive', () => {
  it('leaves its files read-only, the public key included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-anchors-'));
    const archive = new DirectoryAnchorArchive(dir);
    await archive.put(anchor(1), leaves);
    await archive.publishKey('pem');
    await archive.publishKey('pem');
    for (const name of ['anchor-0000000001.json', 'anchor-0000000001.leaves.jsonl', 'anchor-key.pem'])
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o444);
  });
});
