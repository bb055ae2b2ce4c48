import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DirectoryObjectStore } from '../../../adapters/object-store/directory-store.js';

describe('the local object store under concurrent writers', () => {
  const megabyte = Buffer.alloc(1024 * 1024, 'x');

  it('takes three identical puts of one key at once, and keeps one whole file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-objects-'));
    const store = new DirectoryObjectStore(dir);
    // Act
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => store.put('attachments/same', megabyte, 'application/pdf')),
    );
    // Assess: every writer succeeded, the object is whole, no temporary file is left behind
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(Buffer.from((await store.get('attachments/same')) ?? []).equals(megabyte)).toBe(true);
    expect(readdirSync(join(dir, 'attachments'))).toEqual(['same']);
  });

  it('takes identical streamed writes of one key at once too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-objects-'));
    const store = new DirectoryObjectStore(dir);
    const sizes = await Promise.all(
      [1, 2, 3].map(() =>
        store.putStream('raw/same.eml', Readable.from([megabyte.subarray(0, 500_000), megabyte.subarray(500_000)])),
      ),
    );
    expect(sizes).toEqual([megabyte.byteLength, megabyte.byteLength, megabyte.byteLength]);
    expect(readdirSync(join(dir, 'raw'))).toEqual(['same.eml']);
    expect((await store.list('raw')).map((o) => o.key)).toEqual(['raw/same.eml']);
  });
});
