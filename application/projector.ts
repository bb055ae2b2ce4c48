import { kindOfStream } from '../domain/shared/stream-id.js';
import type { MailEvent } from '../events/intake-events.js';
import type { EventStore } from './event-store.js';
import type { ProjectionResult, ReadModelWriter } from './read-models.js';
import type { Projection } from './workflow.js';
import { workflowRegistry } from './workflows.js';

export type { ProjectionResult } from './read-models.js';

export interface ProjectorDeps {
  readonly store: EventStore;
  /** Writes a stream's read models if `version` is newer than what is stored (always, with `force`). */
  readonly readModels: ReadModelWriter;
}

/** Held mail is no workflow (it has no commands of its own) but has a read model: the holding pen. */
const heldMail: Projection = (events, version, readModels, force) =>
  readModels.heldMail(
    events.map((e) => e.event as MailEvent),
    version,
    force,
  );

/** Each stream kind's projection: every registered workflow's, and held mail's. */
const projections: ReadonlyMap<string, Projection> = new Map([
  ...workflowRegistry.map((w) => [w.kind, w.project] as const),
  ['mail', heldMail],
]);

/** The stream kinds the projector keeps read models of. */
export const projectedKinds = (): readonly string[] => [...projections.keys()];

/**
 * Brings one stream's read models up to date. A stream record is only a trigger: the projector folds
 * the stream from the store with its workflow's projection (the workflow registry's, by the stream's
 * kind) and writes every read item at once, conditional on being newer, so duplicate, late and
 * out-of-order records change nothing. Streams of other kinds (counters, the calendar, digests) are skipped.
 */
export const projectStream = async (
  deps: ProjectorDeps,
  streamId: string,
  force = false,
): Promise<ProjectionResult> => {
  const project = projections.get(kindOfStream(streamId));
  if (!project) return 'skipped';
  const read = await deps.store.read(streamId);
  if (!read.head) return 'skipped';
  return project(read.events, read.head.version, deps.readModels, force);
};
