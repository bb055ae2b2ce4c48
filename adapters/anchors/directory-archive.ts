import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

const exists = (err: unknown) => (err as NodeJS.ErrnoException).code === 'EEXIST';
const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The local stand-in for the Object Lock bucket: `.data/anchors/`, files created exclusively (never
 * replaced) and made read-only. Unlike S3 compliance mode this cannot stop the machine's owner — which
 * is what the tests of a doctored anchor file rely on.
 */
export class DirectoryAnchorArchive implements AnchorArchive {
  constructor(private readonly dir: string) {}

  async list(): Promise<SignedAnchor[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (missing(err)) return [];
      throw err;
    }
    const anchors: SignedAnchor[] = [];
    for (const name of names.filter((n) => ANCHOR_FILE.test(n)).sort())
      anchors.push(parseAnchorFile(name, await readFile(join(this.dir, name), 'utf8')));
    return anchors;
  }

  async latest(): Promise<SignedAnchor | undefined> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => ANCHOR_FILE.test(n)).sort();
    } catch (err) {
      if (missing(err)) return undefined;
      throw err;
    }
    const last = names[names.length - 1];
    return last ? parseAnchorFile(last, await readFile(join(this.dir, last), 'utf8')) : undefined;
  }

  async leaves(sequence: number): Promise<AnchorLeaf[] | undefined> {
    const name = leavesFileName(sequence);
    try {
      return parseLeaves(name, await readFile(join(this.dir, name), 'utf8'));
    } catch (err) {
      if (missing(err)) return undefined;
      throw err;
    }
  }

  async put(anchor: SignedAnchor, leaves: readonly AnchorLeaf[]): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const { sequence } = anchor.statement;
    // Leaves first: an anchor file is only ever visible with its leaves beside it.
    for (const [name, body] of [
      [leavesFileName(sequence), serializeLeaves(leaves)],
      [anchorFileName(sequence), serializeAnchor(anchor)],
    ] as const) {
      try {
        await writeFile(join(this.dir, name), body, { flag: 'wx', mode: 0o444 });
      } catch (err) {
        if (exists(err)) throw new AnchorExistsError(sequence);
        throw err;
      }
    }
  }

  async publishedKey(): Promise<string | undefined> {
    try {
      return await readFile(join(this.dir, PUBLIC_KEY_FILE), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async publishKey(pem: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, PUBLIC_KEY_FILE);
    try {
      await writeFile(path, pem, { flag: 'wx', mode: 0o444 });
    } catch (err) {
      if (!exists(err)) throw err;
      await chmod(path, 0o444);
    }
  }
}
