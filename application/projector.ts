import { exists, fold } from '../domain/request/state.js';
import type { MailEvent } from '../events/intake-events.js';
import type { RequestEvent } from '../events/request-events.js';
import type { EventStore } from './event-store.js';
import { foldWebsite, websiteUpdateExists } from '../domain/website/state.js';
import type { WebsiteEvent } from '../events/website-events.js';
import type { ProjectionResult, ReadModelWriter } from './read-models.js';

export type { ProjectionResult } from './read-models.js';

export interface ProjectorDeps {
  readonly store: EventStore;
  /** Writes a stream's read models if `version` is newer than what is stored (always, with `force`). */
  readonly readModels: ReadModelWriter;
}

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
  if (!streamId.startsWith('request#')) return 'skipped';
  const read = await deps.store.read(streamId);
  const state = fold(read.events.map((e) => e.event as RequestEvent));
  if (!exists(state) || !read.head) return 'skipped';
  return deps.readModels.request(state, read.head.version, force);
};

const projectMail = async (deps: ProjectorDeps, streamId: string, force: boolean): Promise<ProjectionResult> => {
  const read = await deps.store.read(streamId);
  if (!read.head) return 'skipped';
  return deps.readModels.heldMail(
    read.events.map((e) => e.event as MailEvent),
    read.head.version,
    force,
  );
};

const projectWebsite = async (deps: ProjectorDeps, streamId: string, force: boolean): Promise<ProjectionResult> => {
  const read = await deps.store.read(streamId);
  const state = foldWebsite(read.events.map((e) => e.event as WebsiteEvent));
  if (!websiteUpdateExists(state) || !read.head) return 'skipped';
  return deps.readModels.website(state, read.head.version, force);
};
