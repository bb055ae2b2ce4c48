import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { ObjectStore } from '../../application/object-store.js';

/** Object storage in a local directory (the local stack keeps it under `.data/objects`). */
export class DirectoryObjectStore implements ObjectStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    const path = resolve(join(this.root, key));
    // A key is ours, but a path outside the root would be a bug worth stopping loudly.
    if (!path.startsWith(this.root + sep)) throw new RangeError(`object key escapes the store: ${key}`);
    return path;
  }

  async put(key: string, bytes: Uint8Array, _contentType?: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.partial-${process.pid}`;
    await writeFile(partial, bytes);
    await rename(partial, path); // readers never see half a file
  }

  /** Writes a stream (a raw mail) without holding it in memory; returns its size in bytes. */
  async putStream(key: string, stream: NodeJS.ReadableStream): Promise<number> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.partial-${process.pid}`;
    let size = 0;
    stream.on('data', (chunk: Buffer) => (size += chunk.length));
    await pipeline(stream, createWriteStream(partial));
    await rename(partial, path);
    return size;
  }

  async getStream(key: string): Promise<NodeJS.ReadableStream | undefined> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      return undefined;
    }
    return createReadStream(path);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }
}
