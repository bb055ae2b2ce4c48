import { exists, fold } from '../domain/request/state.js';
import { heldMailItem, readItemsFor, type ReadItem } from '../domain/views/read-items.js';
import type { MailEvent } from '../events/intake-events.js';
import type { RequestEvent } from '../events/request-events.js';
import type { EventStore } from './event-store.js';
import { foldWebsite, websiteUpdateExists } from '../domain/website/state.js';
import { websiteReadItems } from '../domain/views/website-items.js';
import type { WebsiteEvent } from '../events/website-events.js';
import { foldSocialAccount, socialAccountExists } from '../domain/social/account-state.js';
import { foldWith } from '../domain/shared/decider.js';
import { socialIncidentDecider, socialIncidentExists } from '../domain/social/incident.js';
import { socialAccountReadItems, socialIncidentReadItems } from '../domain/views/social-items.js';
import type { SocialAccountEvent, SocialIncidentEvent } from '../events/social-events.js';

export interface ProjectorDeps {
  readonly store: EventStore;
  /** Writes a request's read items if `version` is newer than what is stored (always, with `force`); false when not. */
  readonly writeItems: (items: readonly ReadItem[], version: number, force: boolean) => Promise<boolean>;
  readonly timeZone: string;
}

export type ProjectionResult = 'applied' | 'already_current' | 'skipped';

/**
 * Brings one stream's read models up to date. A stream record is only a trigger: the projector folds
 * the stream from the store and writes every read item at once, conditional on being newer, so
 * duplicate, late and out-of-order records change nothing.
 */
export const projectStream = async (
  deps: ProjectorDeps,
  streamId: string,
  force = false,
): Promise<ProjectionResult> => {
  if (streamId.startsWith('mail#')) return projectMail(deps, streamId, force);
  if (streamId.startsWith('website#')) return projectWebsite(deps, streamId, force);
  if (streamId.startsWith('social-account#') || streamId.startsWith('social-incident#'))
    return projectSocial(deps, streamId, force);
  if (!streamId.startsWith('request#')) return 'skipped';
  const read = await deps.store.read(streamId);
  const state = fold(read.events.map((e) => e.event as RequestEvent));
  if (!exists(state) || !read.head) return 'skipped';
  const written = await deps.writeItems(
    readItemsFor(state, read.head.version, deps.timeZone),
    read.head.version,
    force,
  );
  return written ? 'applied' : 'already_current';
};

const projectMail = async (deps: ProjectorDeps, streamId: string, force: boolean): Promise<ProjectionResult> => {
  const read = await deps.store.read(streamId);
  const item = read.head
    ? heldMailItem(
        read.events.map((e) => e.event as MailEvent),
        read.head.version,
      )
    : undefined;
  if (!item || !read.head) return 'skipped';
  return (await deps.writeItems([item], read.head.version, force)) ? 'applied' : 'already_current';
};

const projectWebsite = async (deps: ProjectorDeps, streamId: string, force: boolean): Promise<ProjectionResult> => {
  const read = await deps.store.read(streamId);
  const state = foldWebsite(read.events.map((e) => e.event as WebsiteEvent));
  if (!websiteUpdateExists(state) || !read.head) return 'skipped';
  return (await deps.writeItems(
    websiteReadItems(state, read.head.version, { timeZone: deps.timeZone }),
    read.head.version,
    force,
  ))
    ? 'applied'
    : 'already_current';
};

/** The register's line of an account, or the list's line of an incident. */
const projectSocial = async (deps: ProjectorDeps, streamId: string, force: boolean): Promise<ProjectionResult> => {
  const read = await deps.store.read(streamId);
  if (!read.head) return 'skipped';
  let items;
  if (streamId.startsWith('social-account#')) {
    const state = foldSocialAccount(read.events.map((e) => e.event as SocialAccountEvent));
    if (!socialAccountExists(state)) return 'skipped';
    items = socialAccountReadItems(state, read.head.version, deps.timeZone);
  } else {
    const state = foldWith(socialIncidentDecider)(read.events.map((e) => e.event as SocialIncidentEvent));
    if (!socialIncidentExists(state)) return 'skipped';
    items = socialIncidentReadItems(state, read.head.version);
  }
  return (await deps.writeItems(items, read.head.version, force)) ? 'applied' : 'already_current';
};
