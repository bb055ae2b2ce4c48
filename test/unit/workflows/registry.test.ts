import { describe, expect, it, jest } from '@jest/globals';
import type { EventStore } from '../../../application/event-store.js';
import { projectedKinds } from '../../../application/projector.js';
import type { ReadModels } from '../../../application/read-models.js';
import { scanSla } from '../../../application/sla/scan.js';
import { DigestJob } from '../../../application/sla/notify.js';
import type { SlaWorkflow } from '../../../application/sla/sla-workflow.js';
import { buildWorkflows, defineWorkflow, type WorkflowContext } from '../../../application/workflow.js';
import { buildRegisteredWorkflows, consolePages, workflowRegistry } from '../../../application/workflows.js';
import type { Digest, OpenItem } from '../../../domain/sla/digests.js';
import { consoleLinks } from '../../../domain/sla/links.js';
import { divisionStaffAtRiskRecipients } from '../../../domain/sla/recipients.js';
import { necs, plainCalendar } from '../../support/agency.js';
import { fixedClock } from '../../support/clock.js';

/** Monday 23 November 2026, 10:00 in Thimphu: a working day. */
const MONDAY = '2026-11-23T10:00:00+06:00';
const noStore = {} as EventStore;
const readModelsWith = (open: Record<string, unknown>[]) =>
  ({ openByDue: async () => ({ items: open, itemsRead: open.length }) }) as unknown as ReadModels;
const contextWith = (readModels: ReadModels): WorkflowContext => ({
  store: noStore,
  readModels,
  agency: necs,
  currentCalendar: async () => necs.calendar,
  currentDirectory: async () => necs.directory,
});

describe('the workflow registry', () => {
  it('gives the scan, the notifier and calendar changes every registered workflow that has an SLA, website updates included', () => {
    // Act
    const built = buildRegisteredWorkflows(contextWith(readModelsWith([])));
    // Assess: one list, made from the registry — no workflow left out
    const withSla = workflowRegistry.filter((w) => w.sla !== undefined).map((w) => w.kind);
    expect(built.sla.map((w) => w.kind)).toEqual(withSla);
    expect(withSla).toEqual(expect.arrayContaining(['request', 'website']));
  });

  it('projects the streams of every registered workflow, and held mail', () => {
    expect(projectedKinds()).toEqual([...workflowRegistry.map((w) => w.kind), 'mail']);
  });

  it('links an item of each workflow to its own console page', () => {
    const link = consoleLinks('https://desk.necs.example/console/', consolePages);
    expect(link('WEB-2026-00001', 'website')).toBe('https://desk.necs.example/console/website-updates/WEB-2026-00001');
    expect(link('NECS-2026-00001', 'request')).toBe('https://desk.necs.example/console/requests/NECS-2026-00001');
  });
});

describe('a workflow added to a registry', () => {
  /** An incident: due on the working-day clock, answered by a division, unknown to the scan's code. */
  const incident: OpenItem = {
    kind: 'incident',
    itemId: 'INC-2026-00001',
    subject: 'Post removed by mistake',
    requesterKind: null,
    division: 'ppd',
    assignee: null,
    dueAt: '2026-11-20T17:00:00+06:00',
    pausedAt: null,
  };
  const incidentSla = (check: SlaWorkflow['check']): SlaWorkflow => ({
    kind: 'incident',
    fromReadItem: (item) => ({ ...incident, itemId: item.id as string }),
    check,
    current: async () => incident,
    recordAlert: async () => undefined,
    atRiskRecipients: divisionStaffAtRiskRecipients,
    moveDueDate: async () => undefined,
  });

  it('is checked by the scan and named in the chief’s digest with no change to the scan', async () => {
    // Prepare: a registry of one new workflow whose overdue item is on the open-by-due index
    const check = jest.fn<SlaWorkflow['check']>(async () => incident);
    const registry = [
      defineWorkflow({
        kind: 'incident',
        consolePath: 'incidents',
        commands: () => ({}),
        project: async () => 'skipped' as const,
        sla: () => incidentSla(check),
      }),
    ] as const;
    const readModels = readModelsWith([{ workflow: 'incident', id: 'INC-2026-00001' }]);
    const queued: Digest[] = [];
    // Act
    const result = await scanSla({
      readModels,
      workflows: buildWorkflows(registry, contextWith(readModels)).sla,
      directory: necs.directory,
      sla: necs.config.sla,
      calendar: async () => plainCalendar(),
      queueDigest: async (d) => void queued.push(d),
      now: fixedClock(new Date(MONDAY)).now,
    });
    // Assess: its own CheckSla ran, the breach is reported and the division's chief hears of it
    expect(check).toHaveBeenCalledWith('INC-2026-00001', expect.any(String));
    expect(result.breached).toEqual(['INC-2026-00001']);
    const chief = queued.find((d) => d.recipient === 'ppd.chief');
    expect(chief?.items).toEqual([
      expect.objectContaining({ kind: 'incident', itemId: 'INC-2026-00001', alert: 'breached' }),
    ]);
  });
});

describe('a digest job', () => {
  it('queued under the earlier names (requestId, workflow, kind for the alert) reads under the neutral ones', () => {
    const job = DigestJob.parse({
      digestId: '2026-11-23.legal.chief',
      recipient: 'legal.chief',
      email: 'legal.chief@necs.example',
      day: '2026-11-23',
      items: [
        {
          requestId: 'NECS-2026-00001',
          subject: 'Forest cover',
          requesterKind: 'public',
          division: 'legal',
          assignee: null,
          dueAt: '2026-11-20T17:00:00+06:00',
          pausedAt: null,
          kind: 'breached',
          workingDaysOverdue: 1,
        },
        {
          workflow: 'website',
          requestId: 'WEB-2026-00001',
          subject: 'Publication: Field visit',
          requesterKind: null,
          division: 'ict',
          assignee: null,
          dueAt: '2026-11-20T17:00:00+06:00',
          pausedAt: null,
          kind: 'at_risk',
          workingDaysOverdue: 0,
        },
      ],
    });
    expect(job.items).toEqual([
      expect.objectContaining({ kind: 'request', itemId: 'NECS-2026-00001', alert: 'breached' }),
      expect.objectContaining({ kind: 'website', itemId: 'WEB-2026-00001', alert: 'at_risk' }),
    ]);
  });

  it('naming a workflow that is not registered is refused', () => {
    const parsed = DigestJob.safeParse({
      digestId: '2026-11-23.legal.chief',
      recipient: 'legal.chief',
      email: 'legal.chief@necs.example',
      day: '2026-11-23',
      items: [
        {
          kind: 'unknown',
          itemId: 'X-1',
          subject: 's',
          requesterKind: null,
          division: null,
          assignee: null,
          dueAt: '2026-11-20T17:00:00+06:00',
          pausedAt: null,
          alert: 'breached',
          workingDaysOverdue: 1,
        },
      ],
    });
    expect(parsed.success).toBe(false);
  });
});
