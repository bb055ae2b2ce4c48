import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ObjectStore } from '../../application/object-store.js';

/** An object's key and when it was last written. */
export interface ListedObject {
  readonly key: string;
  readonly lastModified: Date;
}

/**
 * Object storage in a local directory (the local stack keeps it under `.data/objects`). Writes are
 * durable when they return (the file is flushed to disk before it is renamed into place), and each
 * write has a temporary name of its own, so writers of the same key at once never collide.
 */
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

  /** A temporary name no other writer (process or concurrent call) uses; `.partial-` marks it as not an object. */
  private partialOf(path: string): string {
    return `${path}.partial-${process.pid}-${randomUUID()}`;
  }

  /** Renames a flushed temporary file into place: readers never see half a file, and the whole file is on disk. */
  private async settle(partial: string, path: string): Promise<void> {
    try {
      await rename(partial, path);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }

  async put(key: string, bytes: Uint8Array, _contentType?: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = this.partialOf(path);
    const file = await open(partial, 'w');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await this.settle(partial, path);
  }

  /** Writes a stream (a raw mail) without holding it in memory; returns its size in bytes. */
  async putStream(key: string, stream: NodeJS.ReadableStream): Promise<number> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = this.partialOf(path);
    let size = 0;
    stream.on('data', (chunk: Buffer) => (size += chunk.length));
    try {
      await pipeline(stream, createWriteStream(partial));
      const file = await open(partial, 'r+');
      try {
        await file.sync();
      } finally {
        await file.close();
      }
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    await this.settle(partial, path);
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

  /** Removes an object; removing one that is not there is not an error. */
  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Every object whose key starts with `prefix/` (a folder), in key order; temporary files are not objects. */
  async list(prefix: string): Promise<ListedObject[]> {
    const dir = this.pathOf(prefix);
    let entries: string[];
    try {
      entries = await readdir(dir, { recursive: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const listed: ListedObject[] = [];
    for (const entry of entries) {
      if (entry.includes('.partial-')) continue;
      const path = join(dir, entry);
      const info = await stat(path).catch(() => undefined);
      if (info?.isFile())
        listed.push({ key: relative(this.root, path).split(sep).join('/'), lastModified: info.mtime });
    }
    return listed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
