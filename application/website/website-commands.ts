import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { AgencyConfig } from '../../domain/agency/config.js';
import { ZonedDateTime } from '../../domain/time/zoned-date-time.js';
import { DomainError } from '../../domain/request/errors.js';
import type { CreatingWebsiteCommand, WebsiteCommand } from '../../domain/website/commands.js';
import type { WebsiteDecider } from '../../domain/website/decider.js';
import { foldWebsite, type WebsiteState } from '../../domain/website/state.js';
import type { WebsiteEvent } from '../../events/website-events.js';
import { ConcurrencyError, ConflictError, IdempotencyKeyReusedError } from '../errors.js';
import type { AppendResult, EventStore } from '../event-store.js';
import type { CommandOptions } from '../request-commands.js';

export const websiteStreamId = (updateId: string): string => `website#${updateId}`;
export const WEBSITE_PREFIX = 'WEB';

export type WebsiteOutcome =
  | {
      readonly ok: true;
      readonly updateId: string;
      readonly events: readonly WebsiteEvent[];
      readonly version: number;
      readonly replayed: boolean;
      readonly state: WebsiteState;
    }
  | { readonly ok: false; readonly error: DomainError };

export interface WebsiteCommandsDeps {
  readonly store: EventStore;
  /** The decider under the calendar as it stands now (holidays declared at run time). */
  readonly decider: () => Promise<WebsiteDecider>;
  readonly config: AgencyConfig;
  readonly maxAttempts?: number;
}

const fingerprintOf = (command: WebsiteCommand): string =>
  createHash('sha256')
    .update(canonicalize({ type: command.type, data: command.data, actor: command.metadata.actor }) ?? '')
    .digest('hex');

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * 2 ** attempt)));

/**
 * The command path of the website-update workflow, on the same event store as requests:
 * load (read + fold) → decide → append, retried when another writer wins; new updates take the next
 * `WEB-<year>-<n>` in the same transaction as their first event.
 */
export class WebsiteCommands {
  private sequenceQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: WebsiteCommandsDeps) {}

  async load(updateId: string, toVersion?: number) {
    const read = await this.deps.store.read(websiteStreamId(updateId), toVersion ? { toVersion } : {});
    const events = read.events.map((e) => e.event as WebsiteEvent);
    return { state: foldWebsite(events), head: read.head, events: read.events };
  }

  async execute(
    updateId: string,
    command: Exclude<WebsiteCommand, CreatingWebsiteCommand>,
    idempotencyKey?: string,
    options: CommandOptions = {},
  ): Promise<WebsiteOutcome> {
    const fingerprint = fingerprintOf(command);
    if (idempotencyKey) {
      const replay = await this.replay(idempotencyKey, fingerprint);
      if (replay) return replay;
    }
    const decider = await this.deps.decider();
    for (let attempt = 1; attempt <= (this.deps.maxAttempts ?? 8); attempt++) {
      const { state, head } = await this.load(updateId);
      const decision = decider.decide(command, state);
      if (decision instanceof DomainError) return { ok: false, error: decision };
      if (decision.length === 0)
        return { ok: true, updateId, events: [], version: head?.version ?? 0, replayed: false, state };
      try {
        await options.beforeAppend?.();
        const result = await this.deps.store.append(
          websiteStreamId(updateId),
          decision,
          head,
          idempotencyKey ? { idempotencyKey, fingerprint } : {},
        );
        if (result.replayed) return this.outcomeOf(result);
        return {
          ok: true,
          updateId,
          events: decision,
          version: result.toVersion,
          replayed: false,
          state: foldWebsite(decision, state),
        };
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
        await pause(attempt);
      }
    }
    throw new ConflictError(`website update ${updateId} kept changing under ${command.type}; try again`);
  }

  /** Creates an update (a division's submission or a proposal from common requests) under the next number of the year. */
  async create(
    command: CreatingWebsiteCommand,
    idempotencyKey?: string,
    options: CommandOptions = {},
  ): Promise<WebsiteOutcome> {
    const year = ZonedDateTime.fromISO(command.metadata.now, this.deps.config.calendar.timeZone).year;
    const idFor = (n: number) => `${WEBSITE_PREFIX}-${year}-${String(n).padStart(5, '0')}`;
    const withId = (updateId: string) =>
      ({ ...command, data: { ...command.data, updateId } }) as CreatingWebsiteCommand;
    const decider = await this.deps.decider();
    const trial = decider.decide(withId(idFor(1)), decider.initialState());
    if (trial instanceof DomainError) return { ok: false, error: trial };
    const fingerprint = fingerprintOf(withId(''));
    if (idempotencyKey) {
      const replay = await this.replay(idempotencyKey, fingerprint);
      if (replay) return replay;
    }
    await options.beforeAppend?.();
    let decided: readonly WebsiteEvent[] = [];
    const turn = this.sequenceQueue.then(() =>
      this.deps.store.createSequenced(
        {
          sequenceId: `${WEBSITE_PREFIX}-${year}`,
          build: (n) => {
            const decision = decider.decide(withId(idFor(n)), decider.initialState());
            if (decision instanceof DomainError) throw decision;
            decided = decision;
            return { streamId: websiteStreamId(idFor(n)), events: decision };
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
      updateId: result.streamId.slice('website#'.length),
      events: decided,
      version: result.toVersion,
      replayed: false,
      state: foldWebsite(decided),
    };
  }

  private async replay(key: string, fingerprint: string): Promise<WebsiteOutcome | undefined> {
    const earlier = await this.deps.store.findIdempotent(key);
    if (!earlier) return undefined;
    if (earlier.fingerprint !== undefined && earlier.fingerprint !== fingerprint)
      throw new IdempotencyKeyReusedError(key);
    return this.outcomeOf(earlier);
  }

  private async outcomeOf(result: AppendResult): Promise<WebsiteOutcome> {
    const updateId = result.streamId.slice('website#'.length);
    const { state, events } = await this.load(updateId, result.toVersion);
    return {
      ok: true,
      updateId,
      events: events.filter((e) => e.version >= result.fromVersion).map((e) => e.event as WebsiteEvent),
      version: result.toVersion,
      replayed: true,
      state,
    };
  }
}
