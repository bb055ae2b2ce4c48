import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { AgencyConfig } from '../domain/agency/config.js';
import { ZonedDateTime } from '../domain/time/zoned-date-time.js';
import type { RequestCommand, RequestCommandOf } from '../domain/request/commands.js';
import type { RequestDecider } from '../domain/request/decider.js';
import { DomainError } from '../domain/request/errors.js';
import { formatReference } from '../domain/request/reference.js';
import { fold, type RequestState } from '../domain/request/state.js';
import type { RequestEvent } from '../events/request-events.js';
import { ConcurrencyError, ConflictError, IdempotencyKeyReusedError, StaleVersionError } from './errors.js';
import { isStaleView } from '../domain/request/stale-view.js';
import type { AppendResult, EventStore } from './event-store.js';

export const requestStreamId = (requestId: string): string => `request#${requestId}`;

export type CommandOutcome =
  | {
      readonly ok: true;
      readonly requestId: string;
      /** The events this command appended (empty when it changed nothing or was a replay). */
      readonly events: readonly RequestEvent[];
      readonly version: number;
      readonly replayed: boolean;
      readonly state: RequestState;
    }
  | { readonly ok: false; readonly error: DomainError };

export interface RequestCommandsDeps {
  readonly store: EventStore;
  readonly decider: RequestDecider;
  /** The decider under the calendar as it stands now (holidays declared at run time); `decider` otherwise. */
  readonly currentDecider?: () => Promise<RequestDecider>;
  readonly config: AgencyConfig;
  /** How many times a lost race is retried before it surfaces as a conflict (409). */
  readonly maxAttempts?: number;
}

/** What an idempotency key stands for: the command without its clock. */
const fingerprintOf = (command: RequestCommand): string =>
  createHash('sha256')
    .update(canonicalize({ type: command.type, data: command.data, actor: command.metadata.actor }) ?? '')
    .digest('hex');

/**
 * An idempotency key for a command: a plain key (the command, without its clock, is the fingerprint), or
 * a key with the fingerprint of what the client sent (the API: a default the server filled in, such as
 * `receivedAt`, must not make a retry look like another command).
 */
export type CommandIdempotency = string | { readonly key: string; readonly fingerprint: string };

const keyOf = (i: CommandIdempotency | undefined) => (i === undefined ? undefined : typeof i === 'string' ? i : i.key);
const fingerprintFor = (i: CommandIdempotency | undefined, command: RequestCommand) =>
  i !== undefined && typeof i !== 'string' ? i.fingerprint : fingerprintOf(command);

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * 2 ** attempt)));

/**
 * The one path every entry point (API, email intake, scheduler) takes to change a request:
 * load (read + fold) → decide → append, retried a bounded number of times when another writer wins.
 */
/** What a caller may ask of a command run beyond the command itself. */
export interface CommandOptions {
  /**
   * Runs once the command is decided allowed and about to be appended (never for a refused one):
   * where a route writes the objects its command refers to (see StagedObjects).
   */
  readonly beforeAppend?: () => Promise<void>;
}

export class RequestCommands {
  private readonly maxAttempts: number;
  /**
   * New requests of one year take numbers from one counter. Within this process they queue for it
   * instead of racing (which only costs retries); across processes the conditional write decides.
   */
  private sequenceQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: RequestCommandsDeps) {
    this.maxAttempts = deps.maxAttempts ?? 8;
  }

  /** The state of a request and its stream head, folded from the store. */
  async load(requestId: string, toVersion?: number) {
    const read = await this.deps.store.read(requestStreamId(requestId), toVersion ? { toVersion } : {});
    const events = read.events.map((e) => e.event as RequestEvent);
    return { state: fold(events), head: read.head, events: read.events };
  }

  /** Runs a command on an existing request. */
  async execute(
    requestId: string,
    command: Exclude<RequestCommand, RequestCommandOf<'ReceiveRequest'>>,
    idempotency?: CommandIdempotency,
    options: CommandOptions & {
      /** `If-Match`: act only on this version; checked on every attempt, so of two writers on one version exactly one wins. */
      readonly expectedVersion?: number;
    } = {},
  ): Promise<CommandOutcome> {
    const idempotencyKey = keyOf(idempotency);
    const fingerprint = fingerprintFor(idempotency, command);
    if (idempotencyKey) {
      const replay = await this.replay(idempotencyKey, fingerprint);
      if (replay) return replay;
    }
    const decider = await this.decider();
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const { state, head, events } = await this.load(requestId);
      const decision = decider.decide(command, state);
      // Authorization before concurrency: a caller who may not act learns nothing of the request's state.
      if (decision instanceof DomainError && decision.code === 'FORBIDDEN') return { ok: false, error: decision };
      if (
        options.expectedVersion !== undefined &&
        head &&
        head.version !== options.expectedVersion &&
        isStaleView(options.expectedVersion, events, head.version)
      ) {
        throw new StaleVersionError(options.expectedVersion, head.version, state);
      }
      if (decision instanceof DomainError) return { ok: false, error: decision };
      if (decision.length === 0)
        return { ok: true, requestId, events: [], version: head?.version ?? 0, replayed: false, state };
      try {
        await options.beforeAppend?.();
        const result = await this.deps.store.append(requestStreamId(requestId), decision, head, {
          ...(idempotencyKey ? { idempotencyKey, fingerprint } : {}),
        });
        if (result.replayed) return this.outcomeOf(result);
        return {
          ok: true,
          requestId,
          events: decision,
          version: result.toVersion,
          replayed: false,
          state: fold(decision, state),
        };
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
        await pause(attempt);
      }
    }
    throw new ConflictError(`request ${requestId} kept changing under ${command.type}; try again`);
  }

  /**
   * Registers a new request: allocates the next reference of the year (in the agency's zone) in the
   * same transaction as its first event, so references have no gaps and no duplicates.
   */
  async receive(
    data: Omit<RequestCommandOf<'ReceiveRequest'>['data'], 'requestId'>,
    metadata: RequestCommand['metadata'],
    idempotency?: CommandIdempotency,
    options: CommandOptions = {},
  ): Promise<CommandOutcome> {
    const idempotencyKey = keyOf(idempotency);
    const { referencePrefix } = this.deps.config.agency;
    const year = ZonedDateTime.fromISO(metadata.now, this.deps.config.calendar.timeZone).year;
    const commandFor = (requestId: string): RequestCommandOf<'ReceiveRequest'> => ({
      type: 'ReceiveRequest',
      data: { ...data, requestId },
      metadata,
    });
    const decider = await this.decider();
    // Decide once before taking a number, so a refused command never consumes one.
    const trial = decider.decide(commandFor(formatReference(referencePrefix, year, 1)), decider.initialState());
    if (trial instanceof DomainError) return { ok: false, error: trial };
    const fingerprint = fingerprintFor(idempotency, commandFor(''));
    if (idempotencyKey) {
      const replay = await this.replay(idempotencyKey, fingerprint);
      if (replay) return replay;
    }
    await options.beforeAppend?.();
    let decided: readonly RequestEvent[] = [];
    const turn = this.sequenceQueue.then(() =>
      this.deps.store.createSequenced(
        {
          sequenceId: `${referencePrefix}-${year}`,
          build: (sequence) => {
            const requestId = formatReference(referencePrefix, year, sequence);
            const decision = decider.decide(commandFor(requestId), decider.initialState());
            if (decision instanceof DomainError) throw decision;
            decided = decision;
            return { streamId: requestStreamId(requestId), events: decision };
          },
        },
        idempotencyKey ? { idempotencyKey, fingerprint } : {},
      ),
    );
    this.sequenceQueue = turn.catch(() => undefined);
    const result = await turn;
    if (result.replayed) return this.outcomeOf(result);
    const requestId = result.streamId.slice('request#'.length);
    return { ok: true, requestId, events: decided, version: result.toVersion, replayed: false, state: fold(decided) };
  }

  private decider(): Promise<RequestDecider> {
    return this.deps.currentDecider ? this.deps.currentDecider() : Promise.resolve(this.deps.decider);
  }

  private async replay(key: string, fingerprint: string): Promise<CommandOutcome | undefined> {
    const earlier = await this.deps.store.findIdempotent(key);
    if (!earlier) return undefined;
    if (earlier.fingerprint !== undefined && earlier.fingerprint !== fingerprint)
      throw new IdempotencyKeyReusedError(key);
    return this.outcomeOf(earlier);
  }

  /** The outcome of an earlier append: its events and the state right after it. */
  private async outcomeOf(result: AppendResult): Promise<CommandOutcome> {
    const requestId = result.streamId.slice('request#'.length);
    const { state, events } = await this.load(requestId, result.toVersion);
    const appended = events.filter((e) => e.version >= result.fromVersion).map((e) => e.event as RequestEvent);
    return { ok: true, requestId, events: appended, version: result.toVersion, replayed: true, state };
  }
}
