import type { AgencyConfig } from '../../domain/agency/config.js';
import type { Directory, DirectoryReader } from '../../domain/agency/directory.js';
import type { DirectoryCommand } from '../../domain/directory/commands.js';
import { createDirectoryDecider } from '../../domain/directory/decider.js';
import type { DirectoryState } from '../../domain/directory/state.js';
import { directoryStreamId } from '../../domain/directory/stream-id.js';
import { directoryAt } from '../../domain/directory/view.js';
import type { StreamHead } from '../../domain/shared/stream-head.js';
import type { DirectoryEvent } from '../../events/directory-events.js';
import { DeciderCommandHandler } from '../command-handler.js';
import type { EventStore } from '../event-store.js';

export { directoryStreamId };

/** The directory's stream kind: one stream per agency, `directory#<agency>`. */
export const DIRECTORY_KIND = 'directory';

export interface DirectoryChange {
  /** What was recorded (nothing when the command changed nothing; the first run's events for a replay). */
  readonly events: readonly DirectoryEvent[];
  readonly version: number;
  /** The directory right after the change, at the command's time. */
  readonly directory: Directory;
}

/**
 * The agency's people, divisions, roles and leave: the stream `directory#<agency>` folded. One
 * instance per process serves the API's sign-in, the command path, the SLA digests, the notifier and
 * the CLI. Commands run through the one command handler, which keeps the folded directory in this
 * process: each read asks the store only for events after the version it holds, so a change made by
 * another process (the CLI, another Lambda) counts within `freshForMs`, and one made here at once.
 *
 * An empty system is seeded from `agency.json` on first read (the command `SeedDirectory`); a stream
 * that exists is never seeded again.
 */
export class DirectoryService implements DirectoryReader {
  private readonly handler: DeciderCommandHandler<DirectoryCommand, DirectoryEvent, DirectoryState>;
  private readonly agencyId: string;

  constructor(
    store: EventStore,
    private readonly config: AgencyConfig,
    private readonly now: () => Date,
    maxAttempts = 8,
    /**
     * Reads within this many ms of the last one reuse it: a burst of reads costs one query, and a
     * change made elsewhere counts within this window. Changes made through this instance count at once.
     */
    freshForMs = 250,
  ) {
    this.agencyId = config.agency.id;
    const decider = createDirectoryDecider(config);
    this.handler = new DeciderCommandHandler({
      store,
      kind: DIRECTORY_KIND,
      decider: () => decider,
      state: decider,
      maxAttempts,
      keepStates: { freshForMs },
    });
  }

  /** The directory's stream: `directory#<agency>`. */
  get streamId(): string {
    return this.handler.streamId(this.agencyId);
  }

  /** The folded stream, brought up to date with the store (one query for what is new); seeded when empty. */
  async state(): Promise<{ state: DirectoryState; head?: StreamHead }> {
    const loaded = await this.handler.current(this.agencyId);
    if (loaded.head) return { state: loaded.state, head: loaded.head };
    await this.seed();
    const seeded = await this.handler.current(this.agencyId);
    return { state: seeded.state, ...(seeded.head ? { head: seeded.head } : {}) };
  }

  /**
   * Seeds an EMPTY directory from the agency's configuration. Does nothing (returns false) when the
   * directory already has events, or when another process seeds it first.
   */
  async seed(): Promise<boolean> {
    const outcome = await this.handler.handle(this.agencyId, {
      type: 'SeedDirectory',
      data: {},
      metadata: { now: this.now().toISOString(), actor: { kind: 'system', component: 'directory-seed' } },
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.events.length > 0;
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
   * Runs a directory command through the command handler: load → decide (on the directory at the
   * command's time) → append, retried when another writer wins. Refusals are thrown as DomainError;
   * with an idempotency key a retry returns the first result and records nothing new.
   */
  async execute(command: DirectoryCommand, idempotencyKey?: string): Promise<DirectoryChange> {
    const outcome = await this.handler.handle(this.agencyId, command, { idempotency: idempotencyKey });
    if (!outcome.ok) throw outcome.error;
    const state = outcome.replayed ? (await this.state()).state : outcome.state;
    return {
      events: outcome.events,
      version: outcome.version,
      directory: directoryAt(state, command.metadata.now, this.config),
    };
  }
}
