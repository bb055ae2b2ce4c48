import type { SlaWorkflowKind } from './digests.js';

/** Where a digest line points: the item's page in the staff console, by workflow. */
export type LinkFor = (ref: string, workflow?: SlaWorkflowKind) => string;

/**
 * Links into the staff console at `consoleUrl` (no trailing slash): a request's page, or a website
 * update's, so that an ICT officer's digest opens the update and not a request that does not exist.
 */
export const consoleLinks =
  (consoleUrl: string): LinkFor =>
  (ref, workflow) =>
    `${consoleUrl.replace(/\/+$/, '')}/${workflow === 'website' ? 'website-updates' : 'requests'}/${encodeURIComponent(ref)}`;
