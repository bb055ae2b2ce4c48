import type { AgencyConfig } from '../../domain/agency/config.js';
import { DomainError } from '../../domain/shared/errors.js';
import { streamIdOf } from '../../domain/shared/stream-id.js';
import {
  evolveSocialAccount,
  initialSocialAccountState,
  socialAccountExists,
  type SocialAccountState,
} from '../../domain/social/account-state.js';
import type { SocialAccountCommand, SocialIncidentCommand } from '../../domain/social/commands.js';
import type { SocialAccountDecider } from '../../domain/social/decider.js';
import { socialIncidentDecider, type SocialIncidentState } from '../../domain/social/incident.js';
import { ZonedDateTime } from '../../domain/time/zoned-date-time.js';
import type { SocialAccountEvent, SocialIncidentEvent } from '../../events/social-events.js';
import { DeciderCommandHandler, type CommandIdempotency, type HandlerOutcome } from '../command-handler.js';
import type { EventStore } from '../event-store.js';

/** The stream kinds of the social media workflows: `social-account#SMA-<year>-<n>`, `social-incident#INC-<year>-<n>`. */
export const SOCIAL_ACCOUNT_KIND = 'social-account';
export const SOCIAL_INCIDENT_KIND = 'social-incident';
export const SOCIAL_ACCOUNT_PREFIX = 'SMA';
export const SOCIAL_INCIDENT_PREFIX = 'INC';
export const socialAccountStreamId = (id: string): string => streamIdOf(SOCIAL_ACCOUNT_KIND, id);
export const socialIncidentStreamId = (id: string): string => streamIdOf(SOCIAL_INCIDENT_KIND, id);

export type AccountOutcome = HandlerOutcome<SocialAccountEvent, SocialAccountState>;
export type IncidentOutcome = HandlerOutcome<SocialIncidentEvent, SocialIncidentState>;

export interface SocialCommandsDeps {
  readonly store: EventStore;
  /** The account decider under the calendar and directory as they stand now. */
  readonly decider: () => Promise<SocialAccountDecider>;
  readonly config: AgencyConfig;
  readonly maxAttempts?: number;
}

type Creating<C extends { type: string }, T extends C['type']> = Extract<C, { type: T }>;
type ProposeCommand = Creating<SocialAccountCommand, 'ProposeAccount'>;
type OpenCommand = Creating<SocialIncidentCommand, 'OpenIncident'>;

/**
 * The command path of the social media workflows: the one command handler (DeciderCommandHandler) run
 * with the account decider and the incident decider. New accounts and incidents take the next number of
 * their year in the same transaction as their first event.
 */
export class SocialCommands {
  private readonly accounts: DeciderCommandHandler<SocialAccountCommand, SocialAccountEvent, SocialAccountState>;
  private readonly incidents: DeciderCommandHandler<SocialIncidentCommand, SocialIncidentEvent, SocialIncidentState>;

  constructor(private readonly deps: SocialCommandsDeps) {
    const retries = deps.maxAttempts !== undefined ? { maxAttempts: deps.maxAttempts } : {};
    this.accounts = new DeciderCommandHandler({
      store: deps.store,
      kind: SOCIAL_ACCOUNT_KIND,
      decider: deps.decider,
      state: { evolve: evolveSocialAccount, initialState: initialSocialAccountState },
      ...retries,
    });
    this.incidents = new DeciderCommandHandler({
      store: deps.store,
      kind: SOCIAL_INCIDENT_KIND,
      decider: () => socialIncidentDecider,
      state: socialIncidentDecider,
      ...retries,
    });
  }

  /** An account (its life cycle and its trail) as folded from its stream. */
  loadAccount(id: string) {
    return this.accounts.load(id);
  }

  loadIncident(id: string) {
    return this.incidents.load(id);
  }

  /** Proposes an account under the next `SMA-<year>-<n>`. */
  proposeAccount(command: ProposeCommand, idempotency?: CommandIdempotency): Promise<AccountOutcome> {
    const prefix = this.yearPrefix(SOCIAL_ACCOUNT_PREFIX, command.metadata.now);
    return this.accounts.create(
      { sequenceId: prefix, idFor: (n) => `${prefix}-${String(n).padStart(5, '0')}` },
      (accountId) => ({ ...command, data: { ...command.data, accountId } }),
      { idempotency },
    );
  }

  /** Runs a command on an existing account. */
  onAccount(
    id: string,
    command: Exclude<SocialAccountCommand, ProposeCommand>,
    idempotency?: CommandIdempotency,
  ): Promise<AccountOutcome> {
    return this.accounts.handle(id, command, { idempotency });
  }

  /** Opens an incident on an account of the register, under the next `INC-<year>-<n>`. */
  async openIncident(command: OpenCommand, idempotency?: CommandIdempotency): Promise<IncidentOutcome> {
    // Who may is answered first, so a person who may not learns nothing about the register.
    const trial = socialIncidentDecider.decide(command, socialIncidentDecider.initialState());
    if (trial instanceof DomainError) return { ok: false, error: trial };
    const { state: account } = await this.accounts.load(command.data.account);
    if (!socialAccountExists(account))
      return {
        ok: false,
        error: new DomainError('SOCIAL_ACCOUNT_NOT_FOUND', `no account ${command.data.account} in the register`),
      };
    const prefix = this.yearPrefix(SOCIAL_INCIDENT_PREFIX, command.metadata.now);
    return this.incidents.create(
      { sequenceId: prefix, idFor: (n) => `${prefix}-${String(n).padStart(5, '0')}` },
      (incidentId) => ({ ...command, data: { ...command.data, incidentId } }),
      { idempotency },
    );
  }

  /** Records an action on an incident, or closes it. */
  onIncident(
    id: string,
    command: Exclude<SocialIncidentCommand, OpenCommand>,
    idempotency?: CommandIdempotency,
  ): Promise<IncidentOutcome> {
    return this.incidents.handle(id, command, { idempotency });
  }

  private yearPrefix(prefix: string, now: string): string {
    return `${prefix}-${ZonedDateTime.fromISO(now, this.deps.config.calendar.timeZone).year}`;
  }
}
