import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { Command } from '../domain/shared/command.js';
import type { Decider } from '../domain/shared/decider.js';
import { DomainError } from '../domain/shared/errors.js';
import type { StreamHead } from '../domain/shared/stream-head.js';
import { idOfStream, streamIdOf } from '../domain/shared/stream-id.js';
import type { AnyEvent } from '../events/catalogue.js';
import { ConcurrencyError, ConflictError, IdempotencyKeyReusedError, StaleVersionError } from './errors.js';
import type { AppendResult, EventStore, StoredEvent } from './event-store.js';

/**
 * An idempotency key for a command: a plain key (the command, without its clock, is the fingerprint), or
 * a key with the fingerprint of what the client sent (the API: a default the server filled in, such as
 * `receivedAt`, must not make a retry look like another command).
 */
export type CommandIdempotency = string | { readonly key: string; readonly fingerprint: string };

/** What a caller may ask of a command run beyond the command itself. */
export interface CommandOptions {
  /**
   * Runs once the command is decided allowed and about to be appended (never for a refused one):
   * where a route writes the objects its command refers to (see StagedObjects).
   */
  readonly beforeAppend?: () => Promise<void>;
}

/** Options of a command on an existing stream. */
export interface HandleOptions extends CommandOptions {
  readonly idempotency?: CommandIdempotency | undefined;
  /** `If-Match`: act only on this version; checked on every attempt, so of two writers on one version exactly one wins. */
  readonly expectedVersion?: number | undefined;
}

/** What a command did: the events it appended and the state after them, or the rule it broke. */
export type HandlerOutcome<Event, State> =
  | {
      readonly ok: true;
      /** The item's id within its workflow (the stream id without its kind). */
      readonly id: string;
      /** The events this command appended (empty when it changed nothing or was a replay). */
      readonly events: readonly Event[];
      readonly version: number;
      readonly replayed: boolean;
      readonly state: State;
    }
  | { readonly ok: false; readonly error: DomainError };

/** A workflow's outcome: the handler's, with the item's id under the workflow's own name (`requestId`, `updateId`). */
export type NamedOutcome<Key extends string, Event, State> =
  | ({ readonly ok: true } & { readonly [K in Key]: string } & Omit<
        Extract<HandlerOutcome<Event, State>, { ok: true }>,
        'ok' | 'id'
      >)
  | { readonly ok: false; readonly error: DomainError };

/** Renames the outcome's `id` to the workflow's own name for it; a refusal passes as it is. */
export const outcomeNaming =
  <Key extends string>(key: Key) =>
  <Event, State>(outcome: HandlerOutcome<Event, State>): NamedOutcome<Key, Event, State> =>
    outcome.ok
      ? ({
          ok: true,
          [key]: outcome.id,
          events: outcome.events,
          version: outcome.version,
          replayed: outcome.replayed,
          state: outcome.state,
        } as NamedOutcome<Key, Event, State>)
      : outcome;

/** A stream folded: the state, the head an append must find, and the events this load read. */
export interface LoadedStream<State> {
  readonly state: State;
  readonly head?: StreamHead | undefined;
  /** The events read: the whole stream, or, when the handler keeps states, only those after the one it held. */
  readonly events: readonly StoredEvent[];
}

/**
 * For a workflow whose few streams are read far more often than written (the directory, the
 * calendar): the handler keeps each stream's folded state in this process. Every load then reads only
 * the events after it (one query for what is new), a command's append updates it at once, and
 * `current` reuses it while fresh.
 */
export interface KeptStates {
  /** How long `current` may answer from the state held without asking the store (ms). */
  readonly freshForMs: number;
}

export interface DeciderCommandHandlerDeps<C extends Command, E extends AnyEvent, S> {
  readonly store: EventStore;
  /** The workflow's stream kind: its streams are `<kind>#<id>`. */
  readonly kind: string;
  /** The decider as it stands now (for example under the calendar's current holidays). */
  readonly decider: () => Decider<C, E, S> | Promise<Decider<C, E, S>>;
  /** How the workflow's state folds (the decider's `evolve` and `initialState`, which never change at run time). */
  readonly state: Pick<Decider<C, E, S>, 'evolve' | 'initialState'>;
  /**
   * When `If-Match` names an older version: whether what came since makes the caller's view stale.
   * Default: any later version. A workflow may forgive its own bookkeeping (mail sent, SLA flags).
   */
  readonly isStale?: (seenVersion: number, events: readonly StoredEvent[], headVersion: number) => boolean;
  /** How many times a lost race is retried before it surfaces as a conflict (409). */
  readonly maxAttempts?: number;
  /** Keep each stream's folded state in this process (see KeptStates); without it, every load reads the whole stream. */
  readonly keepStates?: KeptStates;
}

/** The same key for a new item: its sequence (one counter, say per year) and how a number names it. */
export interface NewItem {
  readonly sequenceId: string;
  readonly idFor: (sequence: number) => string;
}

const fingerprintOf = (command: Command): string =>
  createHash('sha256')
    .update(canonicalize({ type: command.type, data: command.data, actor: command.metadata.actor }) ?? '')
    .digest('hex');

const keyOf = (i: CommandIdempotency | undefined) => (i === undefined ? undefined : typeof i === 'string' ? i : i.key);
const fingerprintFor = (i: CommandIdempotency | undefined, command: Command) =>
  i !== undefined && typeof i !== 'string' ? i.fingerprint : fingerprintOf(command);

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * 2 ** attempt)));

/**
 * The one command path of every workflow (after Emmett's `DeciderCommandHandler`):
 * load (read + fold) → decide → append, with idempotency keys, `If-Match`, and bounded retries when
 * another writer wins. New items take the next number of a sequence in the same transaction as their
 * first event, so numbers have no gaps and no duplicates.
 *
 * Authorization comes before concurrency: a refusal `FORBIDDEN` is answered before `If-Match` is
 * looked at, so a caller who may not act learns nothing of the item's state.
 */
export class DeciderCommandHandler<C extends Command, E extends AnyEvent, S> {
  private readonly maxAttempts: number;
  /**
   * New items of one sequence take numbers from one counter. Within this process they queue for it
   * instead of racing (which only costs retries); across processes the conditional write decides.
   */
  private sequenceQueue: Promise<unknown> = Promise.resolve();
  /** With `keepStates`: each stream's latest folded state and when it was read (real ms, for freshness only). */
  private readonly kept = new Map<string, { readonly loaded: LoadedStream<S>; readonly at: number }>();
  /** Concurrent `current` calls on one stream share one read. */
  private readonly loading = new Map<string, Promise<LoadedStream<S>>>();

  constructor(private readonly deps: DeciderCommandHandlerDeps<C, E, S>) {
    this.maxAttempts = deps.maxAttempts ?? 8;
  }

  /** The stream id of an item of this workflow. */
  streamId(id: string): string {
    return streamIdOf(this.deps.kind, id);
  }

  /**
   * The state of an item and its stream head, folded from the store (up to `toVersion` when given).
   * With `keepStates`, only the events after the state held are read.
   */
  async load(id: string, toVersion?: number): Promise<LoadedStream<S>> {
    return this.read(id, toVersion === undefined ? { upToDate: true } : { toVersion });
  }

  /**
   * The latest state of an item as this process knows it: with `keepStates`, the state held while it
   * is fresh (concurrent callers share one read); otherwise the same as `load`.
   */
  async current(id: string): Promise<LoadedStream<S>> {
    const held = this.kept.get(id);
    if (held && this.deps.keepStates && Date.now() - held.at < this.deps.keepStates.freshForMs) return held.loaded;
    const pending = this.loading.get(id) ?? this.load(id).finally(() => this.loading.delete(id));
    this.loading.set(id, pending);
    return pending;
  }

  /**
   * Reads and folds a stream. `upToDate` continues from the state held (with `keepStates`) and keeps the
   * result; `whole` reads from the first event regardless (where a check needs every event since a version).
   */
  private async read(
    id: string,
    range: { readonly toVersion?: number; readonly upToDate?: boolean; readonly whole?: boolean },
  ): Promise<LoadedStream<S>> {
    const { evolve, initialState } = this.deps.state;
    const held = range.upToDate && !range.whole ? this.kept.get(id)?.loaded : undefined;
    const after = held?.head?.version;
    const read = await this.deps.store.read(
      this.streamId(id),
      range.toVersion !== undefined ? { toVersion: range.toVersion } : after ? { fromVersion: after + 1 } : {},
    );
    const from = after && held ? held.state : initialState();
    const state = read.events.reduce((s, e) => evolve(s, e.event as E), from);
    const loaded = { state, head: read.head, events: read.events };
    if (range.upToDate) this.keep(id, loaded);
    return loaded;
  }

  /** Holds a stream's state when the handler keeps states, unless a later one is already held. */
  private keep(id: string, loaded: LoadedStream<S>): void {
    if (!this.deps.keepStates) return;
    const held = this.kept.get(id)?.loaded.head?.version ?? 0;
    if ((loaded.head?.version ?? 0) >= held) this.kept.set(id, { loaded, at: Date.now() });
  }

  /** Runs a command on an existing item (or on a stream that may not exist yet, such as a singleton). */
  async handle(id: string, command: C, options: HandleOptions = {}): Promise<HandlerOutcome<E, S>> {
    const idempotencyKey = keyOf(options.idempotency);
    const fingerprint = fingerprintFor(options.idempotency, command);
    if (idempotencyKey) {
      const replay = await this.replay(idempotencyKey, fingerprint);
      if (replay) return replay;
    }
    const decider = await this.deps.decider();
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      // `If-Match` judges every event since the version the caller saw, so it reads the whole stream.
      const whole = options.expectedVersion !== undefined;
      const { state, head, events } = await this.read(id, { upToDate: true, whole });
      const decision = decider.decide(command, state);
      if (decision instanceof DomainError && decision.code === 'FORBIDDEN') return { ok: false, error: decision };
      if (options.expectedVersion !== undefined && this.isStale(options.expectedVersion, events, head)) {
        throw new StaleVersionError(options.expectedVersion, head?.version ?? 0, state);
      }
      if (decision instanceof DomainError) return { ok: false, error: decision };
      if (decision.length === 0)
        return { ok: true, id, events: [], version: head?.version ?? 0, replayed: false, state };
      try {
        await options.beforeAppend?.();
        const result = await this.deps.store.append(
          this.streamId(id),
          decision,
          head,
          idempotencyKey ? { idempotencyKey, fingerprint } : {},
        );
        if (result.replayed) return this.outcomeOf(result);
        const after = decision.reduce(decider.evolve, state);
        this.keep(id, { state: after, head: result.head, events: [] });
        return { ok: true, id, events: decision, version: result.toVersion, replayed: false, state: after };
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
        await pause(attempt);
      }
    }
    throw new ConflictError(`${this.deps.kind} ${id} kept changing under ${command.type}; try again`);
  }

  /**
   * Creates a new item under the next number of its sequence. The command is decided once before a
   * number is taken, so a refused command never consumes one.
   */
  async create(
    item: NewItem,
    commandFor: (id: string) => C,
    options: CommandOptions & { readonly idempotency?: CommandIdempotency | undefined } = {},
  ): Promise<HandlerOutcome<E, S>> {
    const idempotencyKey = keyOf(options.idempotency);
    const decider = await this.deps.decider();
    const trial = decider.decide(commandFor(item.idFor(1)), decider.initialState());
    if (trial instanceof DomainError) return { ok: false, error: trial };
    const fingerprint = fingerprintFor(options.idempotency, commandFor(''));
    if (idempotencyKey) {
      const replay = await this.replay(idempotencyKey, fingerprint);
      if (replay) return replay;
    }
    await options.beforeAppend?.();
    let decided: readonly E[] = [];
    const turn = this.sequenceQueue.then(() =>
      this.deps.store.createSequenced(
        {
          sequenceId: item.sequenceId,
          build: (sequence) => {
            const decision = decider.decide(commandFor(item.idFor(sequence)), decider.initialState());
            if (decision instanceof DomainError) throw decision;
            decided = decision;
            return { streamId: this.streamId(item.idFor(sequence)), events: decision };
          },
        },
        idempotencyKey ? { idempotencyKey, fingerprint } : {},
      ),
    );
    this.sequenceQueue = turn.catch(() => undefined);
    const result = await turn;
    if (result.replayed) return this.outcomeOf(result);
    return {
      ok: true,
      id: idOfStream(this.deps.kind, result.streamId),
      events: decided,
      version: result.toVersion,
      replayed: false,
      state: decided.reduce(decider.evolve, decider.initialState()),
    };
  }

  private isStale(expected: number, events: readonly StoredEvent[], head: StreamHead | undefined): boolean {
    if (!head || head.version === expected) return false;
    return this.deps.isStale ? this.deps.isStale(expected, events, head.version) : true;
  }

  private async replay(key: string, fingerprint: string): Promise<HandlerOutcome<E, S> | undefined> {
    const earlier = await this.deps.store.findIdempotent(key);
    if (!earlier) return undefined;
    if (earlier.fingerprint !== undefined && earlier.fingerprint !== fingerprint)
      throw new IdempotencyKeyReusedError(key);
    return this.outcomeOf(earlier);
  }

  /** The outcome of an earlier append: its events and the state right after it. */
  private async outcomeOf(result: AppendResult): Promise<HandlerOutcome<E, S>> {
    const id = idOfStream(this.deps.kind, result.streamId);
    const { state, events } = await this.load(id, result.toVersion);
    const appended = events.filter((e) => e.version >= result.fromVersion).map((e) => e.event as E);
    return { ok: true, id, events: appended, version: result.toVersion, replayed: true, state };
  }
}
