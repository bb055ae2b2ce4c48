import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { AgencyConfig } from '../domain/agency/config.js';
import type { Directory, DirectoryReader } from '../domain/agency/directory.js';
import type { StreamHead } from '../domain/shared/stream-head.js';
import type { DirectoryCommand } from '../domain/directory/commands.js';
import { decideDirectory } from '../domain/directory/decide.js';
import { seedEvents } from '../domain/directory/seed.js';
import { evolveDirectory, initialDirectoryState, type DirectoryState } from '../domain/directory/state.js';
import { directoryStreamId } from '../domain/directory/stream-id.js';
import { directoryAt } from '../domain/directory/view.js';
import { DomainError } from '../domain/shared/errors.js';
import type { DirectoryEvent } from '../events/directory-events.js';
import { ConcurrencyError, ConflictError, IdempotencyKeyReusedError } from './errors.js';
import type { EventStore } from './event-store.js';

export { directoryStreamId };

export interface DirectoryChange {
  /** What was recorded (nothing when the command changed nothing, or was a replay). */
  readonly events: readonly DirectoryEvent[];
  readonly version: number;
  /** The directory right after the change, at the command's time. */
  readonly directory: Directory;
}

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * 2 ** attempt)));

/**
 * The agency's people, divisions, roles and leave: the stream `directory#<agency>` folded. One
 * instance per process serves the API's sign-in, the command path, the SLA digests, the notifier and
 * the CLI. Each read asks the store only for events after the version it holds (cache by head
 * version), so a change made by another process (the CLI, another Lambda) counts at once.
 *
 * An empty system is seeded from `agency.json` on first read; a stream that exists is never seeded again.
 */
export class DirectoryService implements DirectoryReader {
  private cached: { state: DirectoryState; head?: StreamHead } = { state: initialDirectoryState() };
  private loading: Promise<{ state: DirectoryState; head?: StreamHead }> | undefined;
  private refreshedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: EventStore,
    private readonly config: AgencyConfig,
    private readonly now: () => Date,
    readonly streamId: string = directoryStreamId(config.agency.id),
    private readonly maxAttempts = 8,
    /**
     * Reads within this many ms of the last one reuse it: a burst of commands costs one read, and a
     * change made elsewhere counts within this window. Changes made through this instance count at once.
     */
    private readonly freshForMs = 250,
  ) {}

  /** The folded stream, brought up to date with the store (one query for what is new). */
  async state(): Promise<{ state: DirectoryState; head?: StreamHead }> {
    if (this.cached.state.version > 0 && Date.now() - this.refreshedAt < this.freshForMs) return this.cached;
    // Concurrent callers share one read.
    this.loading ??= this.refresh().finally(() => {
      this.loading = undefined;
      this.refreshedAt = Date.now();
    });
    return this.loading;
  }

  private async refresh(): Promise<{ state: DirectoryState; head?: StreamHead }> {
    const from = this.cached.state.version + 1;
    const read = await this.store.read(this.streamId, { fromVersion: from });
    if (!read.head && this.cached.state.version === 0) {
      await this.seed();
      return this.cached;
    }
    const state = read.events.map((e) => e.event as DirectoryEvent).reduce(evolveDirectory, this.cached.state);
    this.cached = { state, ...(read.head ? { head: read.head } : {}) };
    return this.cached;
  }

  /**
   * Seeds an EMPTY directory from the agency's configuration. Does nothing (returns false) when the
   * directory already has events, or when another process seeds it first.
   */
  async seed(): Promise<boolean> {
    const existing = await this.store.read(this.streamId, { toVersion: 1 });
    let seeded = false;
    if (!existing.head) {
      try {
        await this.store.append(this.streamId, seedEvents(this.config, this.now().toISOString()), undefined);
        seeded = true;
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
      }
    }
    const read = await this.store.read(this.streamId);
    const state = read.events.map((e) => e.event as DirectoryEvent).reduce(evolveDirectory, initialDirectoryState());
    this.cached = { state, ...(read.head ? { head: read.head } : {}) };
    return seeded;
  }

  /** The directory as it stood at `instant` (ISO-8601), as far as it has been recorded. */
  async asOf(instant: string): Promise<Directory> {
    return directoryAt((await this.state()).state, instant, this.config);
  }

  /** The directory now. */
  current(): Promise<Directory> {
    return this.asOf(this.now().toISOString());
  }

  /**
   * Runs a directory command: load → decide (on the directory at the command's time) → append,
   * retried when another writer wins. Refusals are thrown as DomainError; with an idempotency key a
   * retry returns the first result and records nothing new.
   */
  async execute(command: DirectoryCommand, idempotencyKey?: string): Promise<DirectoryChange> {
    const fingerprint = createHash('sha256')
      .update(canonicalize({ type: command.type, data: command.data, actor: command.metadata.actor }) ?? '')
      .digest('hex');
    if (idempotencyKey) {
      const earlier = await this.store.findIdempotent(idempotencyKey);
      if (earlier) {
        if (earlier.fingerprint !== undefined && earlier.fingerprint !== fingerprint)
          throw new IdempotencyKeyReusedError(idempotencyKey);
        const read = await this.store.read(this.streamId, {
          fromVersion: earlier.fromVersion,
          toVersion: earlier.toVersion,
        });
        return {
          events: read.events.map((e) => e.event as DirectoryEvent),
          version: earlier.toVersion,
          directory: await this.asOf(command.metadata.now),
        };
      }
    }
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const { state, head } = await this.state();
      const decided = decideDirectory(command, state, this.config);
      if (decided instanceof DomainError) throw decided;
      if (decided.length === 0)
        return { events: [], version: state.version, directory: directoryAt(state, command.metadata.now, this.config) };
      try {
        const result = await this.store.append(
          this.streamId,
          decided,
          head,
          idempotencyKey ? { idempotencyKey, fingerprint } : {},
        );
        this.refreshedAt = Number.NEGATIVE_INFINITY;
        const after = await this.state();
        return {
          events: result.replayed ? [] : decided,
          version: result.toVersion,
          directory: directoryAt(after.state, command.metadata.now, this.config),
        };
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
        this.refreshedAt = Number.NEGATIVE_INFINITY;
        await pause(attempt);
      }
    }
    throw new ConflictError(`the directory kept changing under ${command.type}; try again`);
  }
}
