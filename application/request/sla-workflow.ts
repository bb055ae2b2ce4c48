import type { OpenItem } from '../../domain/sla/digests.js';
import { requestAtRiskRecipients } from '../../domain/sla/recipients.js';
import { exists } from '../../domain/request/state.js';
import { CLOCK_RUNNING_STATUSES, type RequestStatus } from '../../domain/request/statuses.js';
import type { RequestView } from '../../domain/views/request-view.js';
import type { RequestCommands } from './commands.js';
import { slaCommands, type SlaWorkflow } from '../sla/sla-workflow.js';

const RUNNING: readonly RequestStatus[] = CLOCK_RUNNING_STATUSES;

/** Information requests on the shared SLA mechanism. */
export const requestSlaWorkflow = (commands: RequestCommands): SlaWorkflow => {
  const asOpen = (s: {
    id: string;
    subject: string;
    requester: { kind: 'public' | 'agency' };
    dueAt: string;
    division?: string;
    assignee?: string;
  }): OpenItem => ({
    kind: 'request',
    itemId: s.id,
    subject: s.subject,
    requesterKind: s.requester.kind,
    pausedAt: null,
    dueAt: s.dueAt,
    division: s.division ?? null,
    assignee: s.assignee ?? null,
  });
  return {
    kind: 'request',
    fromReadItem: (item) => {
      const v = item.view as RequestView;
      return {
        kind: 'request',
        itemId: v.id,
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
      const outcome = await commands.execute(id, slaCommands.check('CheckSla', now));
      if (!outcome.ok || !exists(outcome.state) || !RUNNING.includes(outcome.state.status)) return undefined;
      return asOpen(outcome.state);
    },
    current: async (id) => {
      const { state: s } = await commands.load(id);
      if (!exists(s) || !RUNNING.includes(s.status)) return undefined;
      return asOpen(s);
    },
    recordAlert: async (id, alert, now) => {
      await commands.execute(id, slaCommands.recordAlert('RecordBreachAlert', alert, now));
    },
    atRiskRecipients: requestAtRiskRecipients,
    moveDueDate: async (id, cause, now) => {
      const outcome = await commands.execute(id, slaCommands.recalculate('RecalculateDueDate', cause, now));
      const e = outcome.ok ? outcome.events.find((x) => x.type === 'DueDateRecalculated') : undefined;
      return e?.type === 'DueDateRecalculated'
        ? { kind: 'request', itemId: id, previousDueAt: e.data.previousDueAt, dueAt: e.data.dueAt }
        : undefined;
    },
  };
};
