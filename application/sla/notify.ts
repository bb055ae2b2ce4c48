import * as z from 'zod';
import type { LinkFor } from '../../domain/sla/links.js';
import { EmailAddress } from '../../events/email-address.js';
import type { DirectoryReader } from '../../domain/agency/directory.js';
import { slaStatusAt } from '../../domain/calendar/sla-status.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { staffMailEnvelope } from '../../domain/mail/staff-mail.js';
import { alertDigest } from '../../domain/mail/templates.js';
import { alertDigestRecord } from '../../domain/sla/digest-record.js';
import type { DigestItem } from '../../domain/sla/digests.js';
import { LocalDate, RequestReference } from '../../events/primitives.js';
import { WebsiteUpdateId } from '../../events/website-events.js';
import { DeciderCommandHandler } from '../command-handler.js';
import type { EventStore } from '../event-store.js';
import type { MailSender } from '../outgoing-mail.js';
import { turnsPerKey } from '../turns.js';
import { workflowKinds } from '../workflows.js';
import { workflowOf, type SlaWorkflow } from './sla-workflow.js';

/** What a digest line says of its item, under the names it has had from the start. */
const digestLineFields = {
  subject: z.string(),
  requesterKind: z.enum(['public', 'agency']).nullable(),
  division: z.string().nullable(),
  assignee: z.string().nullable(),
  dueAt: z.string(),
  pausedAt: z.string().nullable(),
};

/** One line of a digest job: an item of a registered workflow, and why it is named. */
const DigestJobItem = z.strictObject({
  kind: z.enum(workflowKinds),
  itemId: z.string().min(1).max(100),
  ...digestLineFields,
  alert: z.enum(['breached', 'escalated', 'at_risk']),
  workingDaysOverdue: z.number().int().nonnegative(),
});

/**
 * A line as jobs queued before the neutral names carry it (`requestId`, `workflow` absent for a request,
 * `kind` for the alert): still in the queue during a deployment, so read and renamed.
 */
const EarlierDigestJobItem = z
  .strictObject({
    workflow: z.enum(['request', 'website']).optional(),
    requestId: z.union([RequestReference, WebsiteUpdateId]),
    ...digestLineFields,
    kind: z.enum(['breached', 'escalated', 'at_risk']),
    workingDaysOverdue: z.number().int().nonnegative(),
  })
  .transform(({ workflow, requestId, kind, ...rest }) => ({
    ...rest,
    kind: workflow ?? 'request',
    itemId: requestId,
    alert: kind,
  }));

/** A digest job as the scan queues it. */
export const DigestJob = z
  .strictObject({
    digestId: z.string().regex(/^\d{4}-\d{2}-\d{2}\.[a-z0-9._-]+$/),
    recipient: z.string().min(1),
    email: EmailAddress,
    day: LocalDate,
    items: z.array(z.union([DigestJobItem, EarlierDigestJobItem])),
    /** Calendar notices for admins; a digest carries at least one item or one notice. */
    notices: z.array(z.string().min(1).max(1_000)).max(10).optional(),
  })
  .refine((job) => job.items.length > 0 || (job.notices?.length ?? 0) > 0, {
    message: 'a digest names at least one item or one notice',
  });
export type DigestJob = z.infer<typeof DigestJob>;

export interface NotifyDeps {
  readonly store: EventStore;
  /** The workflows whose items digests name: the registry's SLA list (`buildWorkflows(…).sla`). */
  readonly workflows: readonly SlaWorkflow[];
  readonly directory: DirectoryReader;
  readonly calendar: () => Promise<WorkingCalendar>;
  readonly send: MailSender;
  readonly agencyName: string;
  readonly fromAddress: string;
  /** The console page of an item, by its workflow (`consoleLinks`). */
  readonly linkFor: LinkFor;
  readonly now: () => Date;
}

export type NotifyResult = 'sent' | 'already_sent' | 'nothing_left';

/** The stream kind of the digests' record: `digest#<day>.<userId>`. */
export const DIGEST_KIND = 'digest';

/** One digest id at a time in this process (across processes, the queue's FIFO group per recipient does it). */
const digestTurns = turnsPerKey();

/**
 * Sends one digest, once: a digest already recorded for that person and day is not sent again, and an
 * item answered, paused or finished since the scan is left out (its own workflow says); with nothing
 * left, nothing is sent. Each item named records the alert on its own stream.
 *
 * Two deliveries of the same digest never overlap in one process: the second waits for the first and
 * finds its record. A crash between the mail and its record sends the digest again on the retry, as
 * before: a digest is sent at least once and recorded once.
 */
export const sendDigest = (deps: NotifyDeps, job: DigestJob): Promise<NotifyResult> =>
  digestTurns(job.digestId, () => sendDigestNow(deps, job));

const sendDigestNow = async (deps: NotifyDeps, job: DigestJob): Promise<NotifyResult> => {
  const record = new DeciderCommandHandler({
    store: deps.store,
    kind: DIGEST_KIND,
    decider: () => alertDigestRecord,
    state: alertDigestRecord,
  });
  if ((await record.load(job.digestId)).state.recorded) return 'already_sent';
  const cal = await deps.calendar();
  const now = deps.now().toISOString();
  const current: DigestItem[] = [];
  const workflows = deps.workflows;
  for (const item of job.items) {
    const open = await workflowOf(workflows, item.kind)?.current(item.itemId);
    if (!open) continue;
    const status = slaStatusAt(cal, { dueAt: open.dueAt }, now);
    const wanted = item.alert === 'at_risk' ? 'at_risk' : 'breached';
    if (status === wanted)
      current.push({ ...item, dueAt: open.dueAt, division: open.division, assignee: open.assignee });
  }
  if (current.length === 0 && !job.notices?.length) return 'nothing_left';
  const directory = await deps.directory.asOf(now);
  const recipientName = directory.user(job.recipient)?.name ?? job.recipient;
  const names = {
    division: (id: string) => directory.division(id)?.name ?? id,
    person: (id: string) => directory.user(id)?.name ?? id,
  };
  const mail = alertDigest(
    deps.agencyName,
    recipientName,
    job.day,
    current,
    deps.linkFor,
    cal.timeZone,
    job.notices,
    names,
  );
  const sesMessageId = await deps.send(
    staffMailEnvelope({
      agencyName: deps.agencyName,
      fromAddress: deps.fromAddress,
      to: [job.email],
      mail,
      messageId: { staffKey: `digest.${job.digestId}` },
      headers: { Precedence: 'bulk' },
    }),
    { digest: job.digestId },
  );
  // The digest's record names the requests it covered (its event's field, kept as it is).
  const requestIds = [...new Set(current.filter((i) => i.kind === 'request').map((i) => i.itemId))];
  // Recorded through its decider: a run that raced this one past the check above records nothing.
  const outcome = await record.handle(job.digestId, {
    type: 'RecordAlertDigestSent',
    data: { recipient: job.recipient, day: job.day, requestIds, sesMessageId },
    metadata: { now, actor: { kind: 'system', component: 'notifier' } },
  });
  if (!outcome.ok) throw outcome.error;
  for (const item of current) {
    await workflowOf(workflows, item.kind)?.recordAlert(
      item.itemId,
      { digestId: job.digestId, kind: item.alert, recipients: [job.recipient], dueAt: item.dueAt },
      now,
    );
  }
  return 'sent';
};
