import { systemActor } from '../../domain/agency/actor.js';
import type { AlertRecipients } from '../../domain/sla/recipients.js';
import type { AlertKind, OpenItem } from '../../domain/sla/digests.js';
import type { RecalculateDueDate } from '../../domain/request/commands.js';

/** Why due dates moved, as each workflow's recalculation records it. */
export type DueDateCause = RecalculateDueDate['data']['cause'];

/**
 * What one workflow gives the shared SLA mechanism (scan, digests, notifier, calendar changes): how to
 * read its open items off the open-by-due index, its own CheckSla command, how to record an alert on it,
 * who hears about it while at risk, and how its due dates follow the calendar. The scan and notifier
 * never know a workflow's rules; each workflow's decider does.
 */
export interface SlaWorkflow {
  /** The workflow's stream kind (`request`, `website`, …): what `OpenItem.kind` says. */
  readonly kind: string;
  /** The open item as the open-by-due read model holds it. */
  readonly fromReadItem: (item: Record<string, unknown>) => OpenItem;
  /**
   * Runs the workflow's CheckSla command on the item (which appends its at-risk/breached flags once per
   * due date) and returns the item as it stands, if a clock of the SLA still runs on it.
   */
  readonly check: (id: string, now: string) => Promise<OpenItem | undefined>;
  /** The item as it stands now, if a clock still runs on it (the notifier leaves finished ones out). */
  readonly current: (id: string) => Promise<OpenItem | undefined>;
  /** Records on the item that an alert named it. */
  readonly recordAlert: (
    id: string,
    alert: { digestId: string; kind: AlertKind; recipients: readonly string[]; dueAt: string },
    now: string,
  ) => Promise<void>;
  /**
   * Who hears about an item of this workflow at risk (the people who do the work). Breaches go to the
   * chiefs of the division answerable and escalations to the head of agency, for every workflow alike.
   */
  readonly atRiskRecipients: AlertRecipients;
  /**
   * The calendar changed: runs the workflow's own recalculation on the item, which records the move
   * (with its cause) when its pending due date changes, and returns the move, if any. Idempotent.
   */
  readonly moveDueDate: (id: string, cause: DueDateCause, now: string) => Promise<MovedDueDate | undefined>;
  /** Items whose due date is pending while no clock runs (so not on the open-by-due index), if the workflow has such. */
  readonly pendingIds?: () => Promise<readonly string[]>;
}

/** A due date a calendar change moved, of an item of any workflow. */
export interface MovedDueDate {
  /** The workflow of the item (`request`, `website`, …). */
  readonly kind: string;
  /** The item's id in its workflow. */
  readonly itemId: string;
  /** Which of the item's clocks (website updates have two); absent for a single one. */
  readonly clock?: string;
  readonly previousDueAt: string;
  readonly dueAt: string;
}

/** The workflow of an item by kind; an item without a kind (read items and jobs from before kinds) is a request. */
export const workflowOf = (workflows: readonly SlaWorkflow[], kind: string | undefined): SlaWorkflow | undefined =>
  workflows.find((w) => w.kind === (kind ?? 'request'));

/** An alert a digest named an item in, as `SlaWorkflow.recordAlert` receives it. */
export type ItemAlert = Parameters<SlaWorkflow['recordAlert']>[1];

/**
 * The commands the shared SLA machinery runs on an item of any workflow, each under the name of the
 * part that runs it (`sla-scan`, `notifier`, `calendar`, as the item's history shows): the workflow
 * names its own command type, the data is the same for every workflow.
 */
export const slaCommands = {
  /** The scan asks the item whether it is at risk or breached (its CheckSla). */
  check: <T extends string>(type: T, now: string) => ({
    type,
    data: {},
    metadata: { now, actor: systemActor('sla-scan') },
  }),
  /** The notifier records on the item that a digest named it. */
  recordAlert: <T extends string>(type: T, alert: ItemAlert, now: string) => ({
    type,
    data: { ...alert, recipients: [...alert.recipients] },
    metadata: { now, actor: systemActor('notifier') },
  }),
  /** Calendar changes ask the item to recalculate its pending due date. */
  recalculate: <T extends string>(type: T, cause: DueDateCause, now: string) => ({
    type,
    data: { cause },
    metadata: { now, actor: systemActor('calendar') },
  }),
};
