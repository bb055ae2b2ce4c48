import type { OpenItem } from '../../domain/sla/digests.js';
import { divisionStaffAtRiskRecipients } from '../../domain/sla/recipients.js';
import { ICT_DIVISION, type WebsiteView } from '../../domain/views/website-view.js';
import { runningClock, websiteUpdateExists, type WebsiteState } from '../../domain/website/state.js';
import type { ReadModels } from '../read-models.js';
import { slaCommands, type SlaWorkflow } from '../sla/sla-workflow.js';
import type { WebsiteCommands } from './website-commands.js';

const openItem = (s: WebsiteState): OpenItem | undefined => {
  if (!websiteUpdateExists(s)) return undefined;
  const running = runningClock(s, ICT_DIVISION);
  if (!running) return undefined;
  const submitter = s.submittedBy.kind === 'user' ? s.submittedBy.userId : null;
  return {
    kind: 'website',
    itemId: s.id,
    subject: `${running.clock === 'submission' ? 'Complete information' : 'Publication'}: ${s.title}`,
    requesterKind: null,
    division: running.division,
    // A returned update is back with whoever submitted it.
    assignee: running.clock === 'submission' ? submitter : null,
    dueAt: running.dueAt,
    pausedAt: null,
  };
};

/** Website updates on the shared SLA mechanism: the clock that runs (division's or ICT's) is what is due. */
export const websiteSlaWorkflow = (commands: WebsiteCommands, readModels?: ReadModels): SlaWorkflow => ({
  kind: 'website',
  fromReadItem: (item) => {
    const v = item.view as WebsiteView;
    return {
      kind: 'website',
      itemId: v.id,
      subject: v.title,
      requesterKind: null,
      division: v.clock?.division ?? v.division,
      assignee: null,
      dueAt: v.clock?.dueAt ?? v.submissionDueAt,
      pausedAt: null,
    };
  },
  check: async (id, now) => {
    const outcome = await commands.execute(id, slaCommands.check('CheckWebsiteSla', now));
    return outcome.ok ? openItem(outcome.state) : undefined;
  },
  current: async (id) => openItem((await commands.load(id)).state),
  atRiskRecipients: divisionStaffAtRiskRecipients,
  recordAlert: async (id, alert, now) => {
    await commands.execute(id, slaCommands.recordAlert('RecordWebsiteBreachAlert', alert, now));
  },
  moveDueDate: async (id, cause, now) => {
    const outcome = await commands.execute(id, slaCommands.recalculate('RecalculateWebsiteDueDate', cause, now));
    const e = outcome.ok ? outcome.events.find((x) => x.type === 'WebsiteDueDateRecalculated') : undefined;
    return e?.type === 'WebsiteDueDateRecalculated'
      ? { kind: 'website', itemId: id, clock: e.data.clock, previousDueAt: e.data.previousDueAt, dueAt: e.data.dueAt }
      : undefined;
  },
  // With ICT (no clock runs) the division's due date still counts when ICT returns it; they are few.
  ...(readModels
    ? {
        pendingIds: async () =>
          (await readModels.partition('website-updates'))
            .map((i) => i.view as WebsiteView)
            .filter((v) => v.status === 'submitted' && v.eventDate !== null)
            .map((v) => v.id),
      }
    : {}),
});
