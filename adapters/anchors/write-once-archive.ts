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

/**
 * An anchor archive over storage whose files are written once and never replaced (a folder locally, an
 * Object Lock bucket on AWS): how anchors, leaves and the key are named, read and written lives here;
 * the storage says only how to list, read and create a file.
 */
export abstract class WriteOnceAnchorArchive implements AnchorArchive {
  /** The names of the files stored (not their paths), in any order; none when nothing was ever stored. */
  protected abstract fileNames(): Promise<string[]>;
  /** A file's text; undefined when there is no such file. */
  protected abstract readText(name: string): Promise<string | undefined>;
  /** Creates a file; false, leaving the file as it is, when one of that name exists. */
  protected abstract createOnce(name: string, body: string, contentType: string): Promise<boolean>;

  private async anchorNames(): Promise<string[]> {
    return (await this.fileNames()).filter((n) => ANCHOR_FILE.test(n)).sort();
  }

  private async anchorIn(name: string): Promise<SignedAnchor> {
    return parseAnchorFile(name, (await this.readText(name)) ?? '');
  }

  async list(): Promise<SignedAnchor[]> {
    const anchors: SignedAnchor[] = [];
    for (const name of await this.anchorNames()) anchors.push(await this.anchorIn(name));
    return anchors;
  }

  async latest(): Promise<SignedAnchor | undefined> {
    const last = (await this.anchorNames()).at(-1);
    return last ? this.anchorIn(last) : undefined;
  }

  async leaves(sequence: number): Promise<AnchorLeaf[] | undefined> {
    const name = leavesFileName(sequence);
    const text = await this.readText(name);
    return text === undefined ? undefined : parseLeaves(name, text);
  }

  async put(anchor: SignedAnchor, leaves: readonly AnchorLeaf[]): Promise<void> {
    const { sequence } = anchor.statement;
    // Leaves first: an anchor file is only ever visible with its leaves beside it.
    for (const [name, body, contentType] of [
      [leavesFileName(sequence), serializeLeaves(leaves), 'application/jsonl'],
      [anchorFileName(sequence), serializeAnchor(anchor), 'application/json'],
    ] as const) {
      if (!(await this.createOnce(name, body, contentType))) throw new AnchorExistsError(sequence);
    }
  }

  publishedKey(): Promise<string | undefined> {
    return this.readText(PUBLIC_KEY_FILE);
  }

  /** The key is published once; publishing it again leaves the first copy. */
  async publishKey(pem: string): Promise<void> {
    await this.createOnce(PUBLIC_KEY_FILE, pem, 'application/x-pem-file');
  }
}
