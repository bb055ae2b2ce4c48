import type { DirectoryReader } from '../../domain/agency/directory.js';
import type { SlaSettings } from '../../domain/agency/config.js';
import { slaStatusAt } from '../../domain/calendar/sla-status.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { noticeDigests, planDigests, type Digest, type OpenItem } from '../../domain/sla/digests.js';
import { alertRecipientsWith, type AlertRecipients } from '../../domain/sla/recipients.js';
import type { ReadModels } from '../read-models.js';
import { workflowOf, type SlaWorkflow } from './sla-workflow.js';

export interface ScanDeps {
  readonly readModels: ReadModels;
  /** The workflows the scan serves: the registry's SLA list (`buildWorkflows(…).sla`), never a list made by hand. */
  readonly workflows: readonly SlaWorkflow[];
  /** Who gets the digests is decided on the directory as it stands at the scan's time. */
  readonly directory: DirectoryReader;
  readonly sla: SlaSettings;
  readonly calendar: () => Promise<WorkingCalendar>;
  /** Queues a digest for the notifier (FIFO, deduplicated on the digest id). */
  readonly queueDigest: (digest: Digest) => Promise<void>;
  readonly now: () => Date;
}

export interface ScanResult {
  readonly breached: readonly string[];
  readonly atRisk: readonly string[];
  readonly alertsQueued: number;
  /** Items the open-by-due query read: the open items due by the end of the next working day, nothing else. */
  readonly itemsRead: number;
}

/** Who hears about an item: the shared rules for breaches, and the item's own workflow's for at-risk alerts. */
export const recipientsOf = (workflows: readonly SlaWorkflow[]): AlertRecipients =>
  alertRecipientsWith((item) => workflowOf(workflows, item.kind)?.atRiskRecipients);

/**
 * The breach scan, one for every workflow. Reads, through the sparse open-by-due index, only the open
 * items due by the end of the next working day — never the closed history — and asks each item's own
 * workflow whether it is at risk or breached (each appends its flags once per due date, with a
 * conditional write, so concurrent or repeated scans change nothing). Then queues one digest per
 * recipient, covering every workflow.
 */
export const scanSla = async (deps: ScanDeps): Promise<ScanResult> => {
  const cal = await deps.calendar();
  const now = deps.now().toISOString();
  const today = cal.localDate(cal.parseInstant(now));
  const horizon = cal.closeOfOffice(cal.nextWorkingDay(today)).toUTC().toISO() as string;
  const workflows = deps.workflows;
  const { items, itemsRead } = await deps.readModels.openByDue(horizon);

  const breached: string[] = [];
  const atRisk: string[] = [];
  const stillOpen: OpenItem[] = [];
  for (const item of items) {
    // Read items carry their workflow's kind as `workflow` (requests' from before kinds carry none).
    const workflow = workflowOf(workflows, typeof item.workflow === 'string' ? item.workflow : undefined);
    if (!workflow) continue;
    const listed = workflow.fromReadItem(item);
    const current = await workflow.check(listed.itemId, now);
    if (!current) continue;
    const status = slaStatusAt(cal, { dueAt: current.dueAt }, now);
    if (status === 'breached') breached.push(current.itemId);
    if (status === 'at_risk') atRisk.push(current.itemId);
    stillOpen.push(current);
  }
  const digests = planDigests(stillOpen, now, cal, await deps.directory.asOf(now), deps.sla, recipientsOf(workflows));
  for (const digest of digests) await deps.queueDigest(digest);
  // The admins' calendar notice (next year's holidays still provisional from 1 December): not an alert.
  for (const notice of noticeDigests(cal, today, await deps.directory.asOf(now))) await deps.queueDigest(notice);
  return { breached, atRisk, alertsQueued: digests.length, itemsRead };
};
