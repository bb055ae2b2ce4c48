import type { ObjectStore } from './object-store.js';

/**
 * An object store that holds what a command would write until the command is allowed. A route
 * builds its command through it (bodies, attachments: keys and digests are known at once), and
 * `commit` writes them only once authorization and the workflow have accepted the command — so a
 * refused caller never leaves a megabyte in the bucket. Reads go to the real store.
 */
export class StagedObjects implements ObjectStore {
  private readonly pending = new Map<string, { readonly bytes: Uint8Array; readonly contentType: string }>();
  private committed: Promise<void> | undefined;

  constructor(private readonly target: ObjectStore) {}

  put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    this.pending.set(key, { bytes, contentType });
    return Promise.resolve();
  }

  get(key: string): Promise<Uint8Array | undefined> {
    const staged = this.pending.get(key);
    return staged ? Promise.resolve(staged.bytes) : this.target.get(key);
  }

  getStream(key: string): Promise<NodeJS.ReadableStream | undefined> {
    return this.target.getStream(key);
  }

  /** The keys waiting to be written. */
  keys(): readonly string[] {
    return [...this.pending.keys()];
  }

  /**
   * Writes everything staged, once (a command retried after a lost race commits again for free).
   * Keys are content digests, so writing the same object twice is harmless.
   */
  commit(): Promise<void> {
    this.committed ??= Promise.all(
      [...this.pending].map(([key, o]) => this.target.put(key, o.bytes, o.contentType)),
    ).then(() => undefined);
    return this.committed;
  }
}
