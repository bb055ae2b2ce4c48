import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PUBLIC_KEY_FILE } from './files.js';
import { WriteOnceAnchorArchive } from './write-once-archive.js';

const exists = (err: unknown) => (err as NodeJS.ErrnoException).code === 'EEXIST';
const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The local stand-in for the Object Lock bucket: `.data/anchors/`, files created exclusively (never
 * replaced) and made read-only. Unlike S3 compliance mode this cannot stop the machine's owner — which
 * is what the tests of a doctored anchor file rely on.
 */
export class DirectoryAnchorArchive extends WriteOnceAnchorArchive {
  constructor(private readonly dir: string) {
    super();
  }

  protected async fileNames(): Promise<string[]> {
    try {
      return await readdir(this.dir);
    } catch (err) {
      if (missing(err)) return [];
      throw err;
    }
  }

  protected async readText(name: string): Promise<string | undefined> {
    try {
      return await readFile(join(this.dir, name), 'utf8');
    } catch (err) {
      if (missing(err)) return undefined;
      throw err;
    }
  }

  protected async createOnce(name: string, body: string): Promise<boolean> {
    await mkdir(this.dir, { recursive: true });
    try {
      await writeFile(join(this.dir, name), body, { flag: 'wx', mode: 0o444 });
      return true;
    } catch (err) {
      if (exists(err)) return false;
      throw err;
    }
  }

  /** A key file found already there is made read-only too. */
  override async publishKey(pem: string): Promise<void> {
    await super.publishKey(pem);
    await chmod(join(this.dir, PUBLIC_KEY_FILE), 0o444);
  }
}
