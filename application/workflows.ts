import { requestWorkflow } from './request/workflow.js';
import { socialAccountWorkflow, socialIncidentWorkflow } from './social/workflow.js';
import { websiteWorkflow } from './website/workflow.js';
import { buildWorkflows, type CommandsOf, type WorkflowContext } from './workflow.js';

/**
 * The workflow registry: every workflow the desk runs, one line each. The projector, the SLA scan, the
 * notifier, calendar changes and the links of staff mail loop over this list and nothing else, so a
 * workflow registered here cannot be left out of any of them (see docs/workflows.md to add one).
 */
export const workflowRegistry = [
  requestWorkflow,
  websiteWorkflow,
  socialAccountWorkflow,
  socialIncidentWorkflow,
] as const;

/** The stream kinds of the registered workflows. */
export type WorkflowKind = (typeof workflowRegistry)[number]['kind'];

/** Every registered kind (as a non-empty tuple, for `z.enum`). */
export const workflowKinds = workflowRegistry.map((w) => w.kind) as [WorkflowKind, ...WorkflowKind[]];

/** Each workflow's console path by kind (`consoleLinks`). */
export const consolePages: Readonly<Record<string, string>> = Object.fromEntries(
  workflowRegistry.map((w) => [w.kind, w.consolePath]),
);

/** The registered workflows, built on one context: their command paths by kind and the SLA list. */
export const buildRegisteredWorkflows = (
  context: WorkflowContext,
  commands: Partial<CommandsOf<typeof workflowRegistry>> = {},
) => buildWorkflows(workflowRegistry, context, commands);
