import type { ReadModels } from './read-models.js';
import { workflowRegistry } from './workflows.js';

/** A stream whose read model is behind its events: the projection failed (or has not run yet). */
export interface ProjectionBehind {
  readonly streamId: string;
  /** The version the read model was folded from; 0 when it has none. */
  readonly applied: number;
  readonly head: number;
}

/**
 * Streams whose read models are one item keyed `<streamId>`/`view` carrying `appliedVersion`: those of
 * every registered workflow (each workflow's view says which version it was folded from).
 */
const HAS_VIEW = workflowRegistry.map((w) => `${w.kind}#`);

/**
 * Which streams' read models lag their head: a projection that failed (a DynamoDB limit, a bug) leaves
 * the lists showing an old state, and nothing else says so. `desk verify --all` reports them;
 * `desk rebuild-projections` repairs them. A stream written within the last moments may still be on
 * its way through the projector: run again to tell a lag from a failure.
 */
export const projectionsBehind = async (
  heads: readonly { streamId: string; version: number }[],
  readModels: Pick<ReadModels, 'getItems'>,
): Promise<ProjectionBehind[]> => {
  const viewed = heads.filter((h) => HAS_VIEW.some((p) => h.streamId.startsWith(p)));
  const { items } = await readModels.getItems(viewed.map((h) => ({ pk: h.streamId, sk: 'view' })));
  const applied = new Map(items.map((i) => [String(i.pk), Number(i.appliedVersion ?? 0)]));
  return viewed
    .map((h) => ({ streamId: h.streamId, applied: applied.get(h.streamId) ?? 0, head: h.version }))
    .filter((p) => p.applied < p.head)
    .sort((a, b) => a.streamId.localeCompare(b.streamId));
};
