import type { AgencyConfig } from '../../domain/agency/config.js';
import type { RequestCommand, RequestCommandOf } from '../../domain/request/commands.js';
import type { RequestDecider } from '../../domain/request/decider.js';
import { formatReference } from '../../domain/request/reference.js';
import { isStaleView } from '../../domain/request/stale-view.js';
import type { RequestState } from '../../domain/request/state.js';
import { streamIdOf } from '../../domain/shared/stream-id.js';
import { ZonedDateTime } from '../../domain/time/zoned-date-time.js';
import type { RequestEvent } from '../../events/request-events.js';
import type { EventStore } from '../event-store.js';
import {
  DeciderCommandHandler,
  type CommandIdempotency,
  type CommandOptions,
  type HandlerOutcome,
  type NamedOutcome,
  outcomeNaming,
} from '../command-handler.js';

export type { CommandIdempotency, CommandOptions } from '../command-handler.js';

/** The stream kind of requests: `request#<REF>`. */
export const REQUEST_KIND = 'request';
export const requestStreamId = (requestId: string): string => streamIdOf(REQUEST_KIND, requestId);

/** What a command on a request did, its id as `requestId`. */
export type CommandOutcome = NamedOutcome<'requestId', RequestEvent, RequestState>;

export interface RequestCommandsDeps {
  readonly store: EventStore;
  readonly decider: RequestDecider;
  /** The decider under the calendar as it stands now (holidays declared at run time); `decider` otherwise. */
  readonly currentDecider?: () => Promise<RequestDecider>;
  readonly config: AgencyConfig;
  /** How many times a lost race is retried before it surfaces as a conflict (409). */
  readonly maxAttempts?: number;
}

const asRequestOutcome: (outcome: HandlerOutcome<RequestEvent, RequestState>) => CommandOutcome =
  outcomeNaming('requestId');

/**
 * The request workflow's command path: the one command handler run with the request decider, plus
 * what is particular to requests — references `<PREFIX>-<YYYY>-<NNNNN>` taken in the agency's zone, and
 * an `If-Match` that forgives the system's own bookkeeping (see `isStaleView`).
 */
export class RequestCommands {
  private readonly handler: DeciderCommandHandler<RequestCommand, RequestEvent, RequestState>;

  constructor(private readonly deps: RequestCommandsDeps) {
    this.handler = new DeciderCommandHandler({
      store: deps.store,
      kind: REQUEST_KIND,
      decider: () => (deps.currentDecider ? deps.currentDecider() : deps.decider),
      state: deps.decider,
      isStale: isStaleView,
      ...(deps.maxAttempts !== undefined ? { maxAttempts: deps.maxAttempts } : {}),
    });
  }

  /** The state of a request and its stream head, folded from the store. */
  load(requestId: string, toVersion?: number) {
    return this.handler.load(requestId, toVersion);
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
    return asRequestOutcome(await this.handler.handle(requestId, command, { ...options, idempotency }));
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
    const { referencePrefix } = this.deps.config.agency;
    const year = ZonedDateTime.fromISO(metadata.now, this.deps.config.calendar.timeZone).year;
    const outcome = await this.handler.create(
      { sequenceId: `${referencePrefix}-${year}`, idFor: (n) => formatReference(referencePrefix, year, n) },
      (requestId) => ({ type: 'ReceiveRequest', data: { ...data, requestId }, metadata }),
      { ...options, idempotency },
    );
    return asRequestOutcome(outcome);
  }
}
