import type { AgencyConfig } from '../domain/agency/config.js';
import type { Directory } from '../domain/agency/directory.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import type { EventStore, StoredEvent } from './event-store.js';
import type { ProjectionResult, ReadModels, ReadModelWriter } from './read-models.js';
import type { SlaWorkflow } from './sla/sla-workflow.js';

/** What every workflow is built on: the one store and read models, the agency, its calendar and directory. */
export interface WorkflowContext {
  readonly store: EventStore;
  readonly readModels: ReadModels;
  /** The agency as configured at start (the calendar before run-time declarations, the directory as seeded). */
  readonly agency: {
    readonly config: AgencyConfig;
    readonly calendar: WorkingCalendar;
    readonly directory: Directory;
  };
  /** The calendar as it stands now (holidays declared at run time): every command is decided on it. */
  readonly currentCalendar: () => Promise<WorkingCalendar>;
  /** The directory as it stands now (people, divisions, roles, leave). */
  readonly currentDirectory: () => Promise<Directory>;
}

/**
 * How a workflow's stream becomes read models: folded from its events (in version order) and handed at
 * `version` to the read-model writer, whose adapter lays out the items and keys; `skipped` while the
 * stream holds no item yet.
 */
export type Projection = (
  events: readonly StoredEvent[],
  version: number,
  readModels: ReadModelWriter,
  force: boolean,
) => Promise<ProjectionResult>;

/**
 * One workflow, registered once in `application/workflows.ts`: everything the shared machinery (the
 * projector, the SLA scan and its notifier, calendar changes, the console links of staff mail) needs
 * to serve it, so that none of them lists workflows by hand. `Commands` is the workflow's command path
 * (a wrapper over `DeciderCommandHandler`).
 *
 * A new workflow is a folder under `domain/` (its decider, events, views), a folder under
 * `application/` (its command path, this definition) and one line in the registry; see docs/workflows.md.
 */
export interface WorkflowDefinition<Commands, Kind extends string = string> {
  /** The stream kind: its items live in streams `<kind>#<id>` (streamIdOf), and open items carry it as `kind`. */
  readonly kind: Kind;
  /** Its pages in the staff console: `/<consolePath>/<id>` (links in staff mail). */
  readonly consolePath: string;
  /** Builds its command path (decider under the current calendar and directory, run by `DeciderCommandHandler`). */
  readonly commands: (context: WorkflowContext) => Commands;
  /** How its events become read items (the projector writes them, conditional on being newer). */
  readonly project: Projection;
  /**
   * Its SLA adapter, when its items have due dates on the working-day clock: open items, its CheckSla
   * command, how a breach alert is recorded, who is alerted while at risk, and how due dates follow the
   * calendar. Without one, the scan, the notifier and calendar changes leave the workflow alone.
   * (A method, so that a list of definitions of different command paths type-checks.)
   */
  sla?(commands: Commands, context: WorkflowContext): SlaWorkflow;
}

/** Defines a workflow (typed on its kind and its command path, both inferred). */
export const defineWorkflow = <Commands, const Kind extends string>(
  definition: WorkflowDefinition<Commands, Kind>,
): WorkflowDefinition<Commands, Kind> => definition;

/** A list of workflow definitions of any command paths. */
export type WorkflowList = readonly WorkflowDefinition<unknown>[];

/** The command path of each workflow of a list, by kind. */
export type CommandsOf<R extends WorkflowList> = {
  [W in R[number] as W['kind']]: ReturnType<W['commands']>;
};

/** The workflows of a list, built on one context. */
export interface BuiltWorkflows<R extends WorkflowList> {
  /** Each workflow's command path, by kind. */
  readonly commands: CommandsOf<R>;
  /** The SLA adapters of every workflow that has one: what the scan, the notifier and calendar changes loop over. */
  readonly sla: readonly SlaWorkflow[];
}

/**
 * Builds every workflow of the list on one context: its command path (or the one given in `commands`,
 * for tests that inject a fault) and its SLA adapter on that path. The one place the SLA list is made.
 */
export const buildWorkflows = <R extends WorkflowList>(
  registry: R,
  context: WorkflowContext,
  commands: Partial<CommandsOf<R>> = {},
): BuiltWorkflows<R> => {
  const given = commands as Readonly<Record<string, unknown>>;
  const built: Record<string, unknown> = {};
  const sla: SlaWorkflow[] = [];
  for (const workflow of registry) {
    const path = given[workflow.kind] ?? workflow.commands(context);
    built[workflow.kind] = path;
    const adapter = workflow.sla?.(path, context);
    if (adapter) sla.push(adapter);
  }
  return { commands: built as CommandsOf<R>, sla };
};
