import { systemActor } from '../../domain/agency/actor.js';
import type { DirectoryReader } from '../../domain/agency/directory.js';
import type { SlaSettings } from '../../domain/agency/config.js';
import { slaStatusAt } from '../../domain/calendar/sla-status.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { noticeDigests, planDigests, type Digest, type OpenRequest } from '../../domain/sla/digests.js';
import type { RequestView } from '../../domain/views/read-items.js';
import type { ReadModels } from '../read-models.js';
import type { RequestCommands } from '../request-commands.js';

export interface ScanDeps {
  readonly readModels: ReadModels;
  readonly commands: RequestCommands;
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
  /** Items the open-by-due query read: the open requests due by the end of the next working day, nothing else. */
  readonly itemsRead: number;
}

/**
 * The breach scan. Reads, through the sparse open-by-due index, only the open requests due by the end
 * of the next working day — never the closed history — and asks each request whether it is at risk
 * or breached (the request appends `SlaAtRisk` / `SlaBreached` once per due date, with a conditional
 * write, so concurrent or repeated scans change nothing). Then queues one digest per recipient.
 */
export const scanSla = async (deps: ScanDeps): Promise<ScanResult> => {
  const cal = await deps.calendar();
  const now = deps.now().toISOString();
  const today = cal.localDate(cal.parseInstant(now));
  const horizon = cal.closeOfOffice(cal.nextWorkingDay(today)).toUTC().toISO() as string;
  const { items, itemsRead } = await deps.readModels.openByDue(horizon);
  const open: OpenRequest[] = items.map((item) => {
    const v = item.view as RequestView;
    return { requestId: v.id, subject: v.subject, requesterKind: v.requester.kind, division: v.division, assignee: v.assignee, dueAt: v.dueAt, pausedAt: v.pausedAt };
  });

  const breached: string[] = [];
  const atRisk: string[] = [];
  const stillOpen: OpenRequest[] = [];
  for (const r of open) {
    // The request itself decides (its store, not the read model, is the truth); it may have moved on.
    const outcome = await deps.commands.execute(r.requestId, { type: 'CheckSla', data: {}, metadata: { now, actor: systemActor('sla-scan') } });
    if (!outcome.ok || outcome.state.status === 'none') continue;
    const s = outcome.state;
    if (!['received', 'assigned', 'in_consultation'].includes(s.status)) continue;
    const status = slaStatusAt(cal, { dueAt: s.dueAt }, now);
    if (status === 'breached') breached.push(r.requestId);
    if (status === 'at_risk') atRisk.push(r.requestId);
    stillOpen.push({ ...r, dueAt: s.dueAt, division: s.division ?? null, assignee: s.assignee ?? null });
  }
  const digests = planDigests(stillOpen, now, cal, await deps.directory.asOf(now), deps.sla);
  for (const digest of digests) await deps.queueDigest(digest);
  // The admins' calendar notice (next year's holidays still provisional from 1 December): not an alert.
  for (const notice of noticeDigests(cal, today, await deps.directory.asOf(now))) await deps.queueDigest(notice);
  return { breached, atRisk, alertsQueued: digests.length, itemsRead };
};
