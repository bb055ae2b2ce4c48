import { systemActor } from '../../domain/agency/actor.js';
import type { AlertKind, OpenItem, SlaWorkflowKind } from '../../domain/sla/digests.js';
import { exists } from '../../domain/request/state.js';
import { CLOCK_RUNNING_STATUSES, type RequestStatus } from '../../domain/request/statuses.js';
import type { RequestView } from '../../domain/views/request-view.js';
import type { RecalculateDueDate } from '../../domain/request/commands.js';

type DueDateCause = RecalculateDueDate['data']['cause'];
import type { RequestCommands } from '../request-commands.js';

/**
 * What one workflow gives the shared SLA mechanism (scan, digests, notifier): how to read its open
 * items off the open-by-due index, its own CheckSla command, and how to record an alert on it.
 * The scan and notifier never know a workflow's rules; each workflow's decider does.
 */
export interface SlaWorkflow {
  readonly kind: SlaWorkflowKind;
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
   * The calendar changed: runs the workflow's own recalculation on the item, which records the move
   * (with its cause) when its pending due date changes, and returns the move, if any. Idempotent.
   */
  readonly moveDueDate: (id: string, cause: DueDateCause, now: string) => Promise<MovedDueDate | undefined>;
  /** Items whose due date is pending while no clock runs (so not on the open-by-due index), if the workflow has such. */
  readonly pendingIds?: () => Promise<readonly string[]>;
}

/** A due date a calendar change moved. */
export interface MovedDueDate {
  readonly id: string;
  /** Which of the item's clocks (website updates have two); absent for a request's single one. */
  readonly clock?: string;
  readonly previousDueAt: string;
  readonly dueAt: string;
}

const RUNNING: readonly RequestStatus[] = CLOCK_RUNNING_STATUSES;

/** Information requests on the shared SLA mechanism. */
export const requestSlaWorkflow = (commands: RequestCommands): SlaWorkflow => {
  const asOpen = (
    base: Omit<OpenItem, 'dueAt' | 'division' | 'assignee'>,
    s: { dueAt: string; division?: string; assignee?: string },
  ): OpenItem => ({
    ...base,
    workflow: 'request',
    dueAt: s.dueAt,
    division: s.division ?? null,
    assignee: s.assignee ?? null,
  });
  return {
    kind: 'request',
    fromReadItem: (item) => {
      const v = item.view as RequestView;
      return {
        workflow: 'request',
        requestId: v.id,
        subject: v.subject,
        requesterKind: v.requester.kind,
        division: v.division,
        assignee: v.assignee,
        dueAt: v.dueAt,
        pausedAt: v.pausedAt,
      };
    },
    check: async (id, now) => {
      // The request itself decides (its store, not the read model, is the truth); it may have moved on.
      const outcome = await commands.execute(id, {
        type: 'CheckSla',
        data: {},
        metadata: { now, actor: systemActor('sla-scan') },
      });
      if (!outcome.ok || !exists(outcome.state) || !RUNNING.includes(outcome.state.status)) return undefined;
      const s = outcome.state;
      return asOpen({ requestId: s.id, subject: s.subject, requesterKind: s.requester.kind, pausedAt: null }, s);
    },
    current: async (id) => {
      const { state: s } = await commands.load(id);
      if (!exists(s) || !RUNNING.includes(s.status)) return undefined;
      return asOpen({ requestId: s.id, subject: s.subject, requesterKind: s.requester.kind, pausedAt: null }, s);
    },
    recordAlert: async (id, alert, now) => {
      await commands.execute(id, {
        type: 'RecordBreachAlert',
        data: { ...alert, recipients: [...alert.recipients] },
        metadata: { now, actor: systemActor('notifier') },
      });
    },
    moveDueDate: async (id, cause, now) => {
      const outcome = await commands.execute(id, {
        type: 'RecalculateDueDate',
        data: { cause },
        metadata: { now, actor: systemActor('calendar') },
      });
      const e = outcome.ok ? outcome.events.find((x) => x.type === 'DueDateRecalculated') : undefined;
      return e?.type === 'DueDateRecalculated'
        ? { id, previousDueAt: e.data.previousDueAt, dueAt: e.data.dueAt }
        : undefined;
    },
  };
};

/** The workflows by kind; an item without a kind is a request. */
export const workflowOf = (
  workflows: readonly SlaWorkflow[],
  kind: SlaWorkflowKind | undefined,
): SlaWorkflow | undefined => workflows.find((w) => w.kind === (kind ?? 'request'));
