import type { AgencyConfig } from '../../domain/agency/config.js';
import { streamIdOf } from '../../domain/shared/stream-id.js';
import { ZonedDateTime } from '../../domain/time/zoned-date-time.js';
import type { CreatingWebsiteCommand, WebsiteCommand } from '../../domain/website/commands.js';
import type { WebsiteDecider } from '../../domain/website/decider.js';
import { evolveWebsite, initialWebsiteState, type WebsiteState } from '../../domain/website/state.js';
import type { WebsiteEvent } from '../../events/website-events.js';
import {
  DeciderCommandHandler,
  outcomeNaming,
  type CommandOptions,
  type HandlerOutcome,
  type NamedOutcome,
} from '../command-handler.js';
import type { EventStore } from '../event-store.js';

/** The stream kind of website updates: `website#WEB-<year>-<n>`. */
export const WEBSITE_KIND = 'website';
export const websiteStreamId = (updateId: string): string => streamIdOf(WEBSITE_KIND, updateId);
export const WEBSITE_PREFIX = 'WEB';

/** What a command on a website update did, its id as `updateId`. */
export type WebsiteOutcome = NamedOutcome<'updateId', WebsiteEvent, WebsiteState>;

export interface WebsiteCommandsDeps {
  readonly store: EventStore;
  /** The decider under the calendar as it stands now (holidays declared at run time). */
  readonly decider: () => Promise<WebsiteDecider>;
  readonly config: AgencyConfig;
  readonly maxAttempts?: number;
}

const asWebsiteOutcome: (outcome: HandlerOutcome<WebsiteEvent, WebsiteState>) => WebsiteOutcome =
  outcomeNaming('updateId');

/**
 * The website-update workflow's command path: the one command handler run with the website decider;
 * new updates take the next `WEB-<year>-<n>` in the same transaction as their first event.
 */
export class WebsiteCommands {
  private readonly handler: DeciderCommandHandler<WebsiteCommand, WebsiteEvent, WebsiteState>;

  constructor(private readonly deps: WebsiteCommandsDeps) {
    this.handler = new DeciderCommandHandler({
      store: deps.store,
      kind: WEBSITE_KIND,
      decider: deps.decider,
      state: { evolve: evolveWebsite, initialState: initialWebsiteState },
      ...(deps.maxAttempts !== undefined ? { maxAttempts: deps.maxAttempts } : {}),
    });
  }

  load(updateId: string, toVersion?: number) {
    return this.handler.load(updateId, toVersion);
  }

  async execute(
    updateId: string,
    command: Exclude<WebsiteCommand, CreatingWebsiteCommand>,
    idempotencyKey?: string,
    options: CommandOptions = {},
  ): Promise<WebsiteOutcome> {
    return asWebsiteOutcome(await this.handler.handle(updateId, command, { ...options, idempotency: idempotencyKey }));
  }

  /** Creates an update (a division's submission or a proposal from common requests) under the next number of the year. */
  async create(
    command: CreatingWebsiteCommand,
    idempotencyKey?: string,
    options: CommandOptions = {},
  ): Promise<WebsiteOutcome> {
    const year = ZonedDateTime.fromISO(command.metadata.now, this.deps.config.calendar.timeZone).year;
    const outcome = await this.handler.create(
      {
        sequenceId: `${WEBSITE_PREFIX}-${year}`,
        idFor: (n) => `${WEBSITE_PREFIX}-${year}-${String(n).padStart(5, '0')}`,
      },
      (updateId) => ({ ...command, data: { ...command.data, updateId } }) as CreatingWebsiteCommand,
      { ...options, idempotency: idempotencyKey },
    );
    return asWebsiteOutcome(outcome);
  }
}
