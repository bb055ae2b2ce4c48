import type { DirectoryReader } from '../../domain/agency/directory.js';
import type { SlaSettings } from '../../domain/agency/config.js';
import { slaStatusAt } from '../../domain/calendar/sla-status.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { noticeDigests, planDigests, type Digest, type OpenItem } from '../../domain/sla/digests.js';
import type { ReadModels } from '../read-models.js';
import type { RequestCommands } from '../request-commands.js';
import { requestSlaWorkflow, workflowOf, type SlaWorkflow } from './workflows.js';

export interface ScanDeps {
  readonly readModels: ReadModels;
  readonly commands: RequestCommands;
  /** The workflows the scan serves; information requests only when absent. */
  readonly workflows?: readonly SlaWorkflow[];
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

export const workflowsOf = (deps: Pick<ScanDeps, 'commands' | 'workflows'>): readonly SlaWorkflow[] =>
  deps.workflows ?? [requestSlaWorkflow(deps.commands)];

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
  const workflows = workflowsOf(deps);
  const { items, itemsRead } = await deps.readModels.openByDue(horizon);

  const breached: string[] = [];
  const atRisk: string[] = [];
  const stillOpen: OpenItem[] = [];
  for (const item of items) {
    const workflow = workflowOf(workflows, item.workflow as OpenItem['workflow']);
    if (!workflow) continue;
    const listed = workflow.fromReadItem(item);
    const current = await workflow.check(listed.requestId, now);
    if (!current) continue;
    const status = slaStatusAt(cal, { dueAt: current.dueAt }, now);
    if (status === 'breached') breached.push(current.requestId);
    if (status === 'at_risk') atRisk.push(current.requestId);
    stillOpen.push(current);
  }
  const digests = planDigests(stillOpen, now, cal, await deps.directory.asOf(now), deps.sla);
  for (const digest of digests) await deps.queueDigest(digest);
  // The admins' calendar notice (next year's holidays still provisional from 1 December): not an alert.
  for (const notice of noticeDigests(cal, today, await deps.directory.asOf(now))) await deps.queueDigest(notice);
  return { breached, atRisk, alertsQueued: digests.length, itemsRead };
};
