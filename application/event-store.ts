import type { StoredRecord } from '../domain/audit/verify.js';
import type { StreamHead } from '../domain/shared/stream-head.js';
import type { AnyEvent } from '../events/catalogue.js';

/** An event as read back: the record exactly as stored (what the hash covers) and the event upcast for folding. */
export interface StoredEvent extends StoredRecord {
  readonly recordedAt: string;
  readonly event: AnyEvent;
}

/**
 * Called with each event of a read, in version order, as soon as it is parsed and before `read`
 * resolves: the events it sees are exactly `StreamRead.events`. Lets a reader check and fold while the
 * store reads (one pass) instead of walking the events again. It must not throw.
 */
export type OnEventRead = (event: StoredEvent) => void;

export interface StreamRead {
  readonly events: readonly StoredEvent[];
  /** Absent for a stream that does not exist. */
  readonly head?: StreamHead;
}

export interface AppendResult {
  readonly streamId: string;
  /** First and last version written (fromVersion > toVersion when nothing was). */
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly head: StreamHead;
  /** True when an idempotency key matched an earlier append and nothing new was written. */
  readonly replayed: boolean;
}

export interface AppendOptions {
  /** A retried command with the same key returns the first result and appends nothing. */
  readonly idempotencyKey?: string;
  /** What the key was used for (a digest of the command); a different one with the same key is refused. */
  readonly fingerprint?: string;
}

/** A per-year (or other) counter allocated in the same transaction as the stream it names. */
export interface SequencedStream {
  readonly sequenceId: string;
  readonly build: (sequence: number) => { streamId: string; events: readonly AnyEvent[] };
}

/**
 * The only way events are written. Streams are append-only, versions contiguous from 1; every append
 * is all-or-nothing and conditional on the version the writer expected. `append` and `createSequenced`
 * refuse, with `InvalidEventError` and nothing written, any event the catalogue would not read back.
 */
export interface EventStore {
  read(
    streamId: string,
    range?: { fromVersion?: number; toVersion?: number },
    onEvent?: OnEventRead,
  ): Promise<StreamRead>;
  append(
    streamId: string,
    events: readonly AnyEvent[],
    expected: StreamHead | undefined,
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** Creates a new stream whose name takes the next number of a sequence: no gaps, no duplicates. */
  createSequenced(spec: SequencedStream, options?: AppendOptions): Promise<AppendResult>;
  /** The result of an earlier append made with this key, if any. */
  findIdempotent(key: string): Promise<(AppendResult & { fingerprint?: string }) | undefined>;
  /** Every stream whose id starts with `prefix`. */
  listStreams(prefix: string): AsyncIterable<string>;
}
