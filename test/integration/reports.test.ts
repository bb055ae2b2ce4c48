import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadMonthlyReport } from '../../application/reports.js';
import { systemActor } from '../../domain/agency/actor.js';
import { workingDaysToRespond } from '../../domain/reports/monthly.js';
import { fold, exists } from '../../domain/request/state.js';
import type { RequestEvent } from '../../events/request-events.js';
import type { LocalStack } from '../../local/stack.js';
import { as } from '../support/agency.js';
import { caller, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
const MONTH = '2027-02';
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
  // The clock after the month under report, on its last day (never backwards: on a later real date it already is).
  const end = new Date('2027-02-28T12:00:00Z');
  if (stack.clock.now() < end) stack.clock.moveTo(end);
}, 60_000);
afterAll(async () => stack.stop());

/** A day of February 2027 at hh:00 in Thimphu (Losar falls on Sun 7 and Mon 8 February 2027, computed provisionally). */
const feb = (day: number, hour = 10) =>
  `2027-02-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+06:00`;
const cmd = (requestId: string, type: string, data: Record<string, unknown>, by: string, now: string) =>
  stack.core.commands.execute(requestId, {
    type,
    data,
    metadata: { now, actor: by === 'system' ? systemActor('test') : as(by) },
  } as never);
const receive = async (day: number, channel: 'email' | 'letter' | 'walk_in', subject: string) => {
  const out = await stack.core.commands.receive(
    {
      channel,
      requester: { name: 'R', email: 'r@example.bt', kind: 'public' },
      subject,
      body: { inline: 'x' },
      attachments: [],
      receivedAt: feb(day),
    },
    { now: feb(day), actor: as('ict.officer') },
  );
  if (!out.ok) throw out.error;
  return out.requestId;
};

describe('the monthly report, disclosure log and common requests', () => {
  it('counts what happened, by division and channel, with the month before', async () => {
    // Prepare: three requests received in February 2027
    const onTime = await receive(1, 'email', 'Air quality');
    const late = await receive(2, 'letter', 'Water quality');
    const open = await receive(3, 'walk_in', 'Noise');
    for (const [id, division] of [
      [onTime, 'legal'],
      [late, 'ppd'],
      [open, 'ppd'],
    ] as const)
      await cmd(id, 'AssignRequest', { division }, 'ict.officer', feb(4, 9));
    await cmd(
      onTime,
      'RecordConsultation',
      { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
      'spokesperson.legal',
      feb(4, 11),
    );
    await cmd(
      onTime,
      'SendResponse',
      {
        responseId: 'r1',
        body: { inline: 'data' },
        disposition: 'full',
        attachments: [
          {
            filename: 'aq.csv',
            contentType: 'text/csv',
            sizeBytes: 10,
            sha256: 'a'.repeat(64),
            storageKey: 'attachments/a',
          },
        ],
      },
      'legal.officer',
      feb(5, 15),
    );
    await cmd(onTime, 'ArchiveRequest', { topics: ['air quality'], publishable: true }, 'legal.officer', feb(5, 16));
    await cmd(
      late,
      'RecordConsultation',
      { with: 'spokesperson', person: 'spokesperson.ppd', outcome: 'cleared' },
      'spokesperson.ppd',
      feb(10, 11),
    );
    await cmd(
      late,
      'SendResponse',
      { responseId: 'r2', body: { inline: 'data' }, disposition: 'partial', reason: 'personal data', attachments: [] },
      'ppd.officer',
      feb(15, 11),
    );
    await cmd(
      late,
      'ArchiveRequest',
      { topics: ['water quality', 'Air Quality'], publishable: false },
      'ppd.officer',
      feb(15, 12),
    );
    await stack.settle();
    // Act
    const monthly = await api('GET', `/reports/monthly?month=${MONTH}`, { as: 'secretary' });
    // Assess
    expect(monthly.status).toBe(200);
    expect(monthly.body.total).toEqual({
      received: 3,
      responded: 2,
      respondedOnTime: 1,
      breached: 2,
      open: 1,
      medianWorkingDays: 4,
      p90WorkingDays: 8,
    });
    expect((monthly.body.byDivision as Record<string, { received: number }>).ppd?.received).toBe(2);
    expect((monthly.body.byChannel as Record<string, { received: number }>).walk_in?.received).toBe(1);
    expect((monthly.body.previousMonth as { month: string; total: { received: number } }).month).toBe('2027-01');
    const csv = await fetch(`${stack.apiUrl}/reports/monthly?month=${MONTH}&format=csv`, {
      headers: { authorization: 'Bearer local:legal.chief' },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // The social media columns follow, empty on a request row (no account was active that month).
    expect((await csv.text()).split('\n')[1]).toBe('2027-02,total,all,3,2,1,2,1,4,8,,,,,,');
    expect((await api('GET', `/reports/monthly?month=${MONTH}`, { as: 'legal.officer' })).status).toBe(403);

    const disclosures = await api('GET', '/disclosures?from=2027-02-01&to=2027-02-28', { as: 'auditor' });
    expect(
      (
        disclosures.body.items as { requestId: string; to: string[]; cc: string[]; attachments: { sha256: string }[] }[]
      ).map((d) => [d.requestId, d.to, d.cc, d.attachments.map((a) => a.sha256)]),
    ).toEqual([
      // newest first
      [late, ['r@example.bt'], ['archive@necs.example'], []],
      [onTime, ['r@example.bt'], ['archive@necs.example'], ['a'.repeat(64)]],
    ]);
    const disclosureCsv = await (
      await fetch(`${stack.apiUrl}/disclosures?from=2027-02-01&to=2027-02-28&division=legal&format=csv`, {
        headers: { authorization: 'Bearer local:auditor' },
      })
    ).text();
    expect(disclosureCsv.trim().split('\n')).toHaveLength(2);
    expect(disclosureCsv).toContain(
      `,${onTime},r1,legal,legal.officer,r@example.bt,archive@necs.example,full,aq.csv,text/csv,10,${'a'.repeat(64)}`,
    );

    const common = await api('GET', '/reports/common-requests', { as: 'ict.officer' });
    expect(common.body.topics).toEqual([
      { topic: 'air quality', count: 2, publishable: true, examples: expect.arrayContaining([onTime, late]) },
      { topic: 'water quality', count: 1, publishable: false, examples: [late] },
    ]);

    const desk = spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL('../../bin/desk.js', import.meta.url)),
        'report',
        '--month',
        MONTH,
        '--format',
        'csv',
        '--as-of',
        stack.clock.now().toISOString(),
      ],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          DYNAMODB_ENDPOINT: stack.dynamodbEndpoint,
          EVENTS_TABLE: stack.tableNames.events,
          READ_MODEL_TABLE: stack.tableNames.readModels,
          DESK_DATA_DIR: stack.dataDir,
        },
      },
    );
    expect(desk.stdout.split('\n')[1]).toBe('2027-02,total,all,3,2,1,2,1,4,8');
  }, 60_000);

  it('equal a direct recomputation from the events, over random histories', async () => {
    const month = '2027-04';
    const apr = (day: number, hour = 10) =>
      `2027-04-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+06:00`;
    const asOf = '2027-05-10T10:00:00+06:00';
    if (stack.clock.now() < new Date(asOf)) stack.clock.moveTo(new Date(asOf));
    const ids: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            day: fc.integer({ min: 1, max: 22 }),
            division: fc.constantFrom('legal', 'ppd'),
            respondAfter: fc.option(fc.integer({ min: 0, max: 14 })),
            pause: fc.boolean(),
            close: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (plans) => {
          for (const p of plans) {
            const out = await stack.core.commands.receive(
              {
                channel: 'email',
                requester: { name: 'R', email: 'r@example.bt', kind: 'public' },
                subject: 's',
                body: { inline: 'x' },
                attachments: [],
                receivedAt: apr(p.day),
              },
              { now: apr(p.day), actor: as('ict.officer') },
            );
            if (!out.ok) throw out.error;
            const id = out.requestId;
            ids.push(id);
            const staff = p.division === 'legal' ? 'legal.officer' : 'ppd.officer';
            await cmd(id, 'AssignRequest', { division: p.division }, 'ict.officer', apr(p.day, 11));
            await cmd(
              id,
              'RecordConsultation',
              { with: 'spokesperson', person: `spokesperson.${p.division}`, outcome: 'cleared' },
              `spokesperson.${p.division}`,
              apr(p.day, 12),
            );
            if (p.pause) {
              await cmd(id, 'RequestClarification', { message: { inline: 'which?' } }, staff, apr(p.day, 13));
              await cmd(
                id,
                'ReceiveRequesterMessage',
                {
                  subject: 're',
                  body: { inline: 'this' },
                  attachments: [],
                  receivedAt: apr(Math.min(p.day + 3, 28), 9),
                  channel: 'email',
                },
                'system',
                apr(Math.min(p.day + 3, 28), 9),
              );
            }
            if (p.respondAfter !== null) {
              await cmd(
                id,
                'SendResponse',
                { responseId: 'r', body: { inline: 'x' }, disposition: 'full', attachments: [] },
                staff,
                apr(Math.min(p.day + 4 + p.respondAfter, 30), 14),
              );
            } else if (p.close) {
              await cmd(id, 'CloseRequest', { reason: 'withdrawn' }, 'ict.officer', apr(Math.min(p.day + 2, 30), 15));
            }
          }
          await stack.settle();
          // Act: the report from the read models
          const cal = await stack.core.agencyCalendar.current();
          const { report } = await loadMonthlyReport(
            { readModels: stack.readModels, timeZone: 'Asia/Thimphu' },
            cal,
            month,
            asOf,
          );
          // Assess: the same figures straight from each request's events
          const states = await Promise.all(
            ids.map(async (id) =>
              fold((await stack.core.store.read(`request#${id}`)).events.map((e) => e.event as RequestEvent)),
            ),
          );
          const direct = states.filter(exists);
          const responded = direct.filter((s) => s.responses.length > 0);
          const late = (s: (typeof direct)[number]) =>
            s.responses[0] ? s.responses[0].sentAt > s.dueAt : !s.closed && Date.parse(asOf) > Date.parse(s.dueAt);
          const days = responded
            .map(
              (s) =>
                workingDaysToRespond(cal, {
                  receivedAt: s.receivedAt,
                  respondedAt: s.responses[0]?.sentAt ?? null,
                  pauses: s.adjustments.flatMap((a) =>
                    a.kind === 'pause' ? [{ from: a.from, to: a.to ?? null }] : [],
                  ),
                }) as number,
            )
            .sort((a, b) => a - b);
          expect(report.total).toMatchObject({
            received: direct.length,
            responded: responded.length,
            respondedOnTime: responded.filter((s) => Date.parse(s.responses[0]?.sentAt ?? '') <= Date.parse(s.dueAt))
              .length,
            breached: direct.filter((s) => s.flaggedBreached.length > 0 || late(s)).length,
            open: direct.filter((s) => s.responses.length === 0 && !s.closed).length,
            medianWorkingDays: days.length ? days[Math.ceil(days.length / 2) - 1] : null,
          });
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);
});

describe('the monthly report by mail', () => {
  it('goes to the head of agency on the first working day of the month, with a chart, once', async () => {
    // Prepare: Monday 1 March 2027, 09:30 in Thimphu, the month's first working day; the Friday before is not
    const outbox = async () =>
      (
        (await (await fetch(`${stack.sesUrl}/store`)).json()) as {
          emails: { subject: string; destination: { to: string[] }; body: { html?: string; text?: string } }[];
        }
      ).emails;
    // Act
    const early = await stack.sendMonthlyReport(new Date('2027-02-26T03:30:00Z'));
    const first = await stack.sendMonthlyReport(new Date('2027-03-01T03:30:00Z'));
    const second = await stack.sendMonthlyReport(new Date('2027-03-01T05:30:00Z'));
    // Assess
    expect([early, first, second]).toEqual(['not_due', 'sent', 'already_sent']);
    const mails = (await outbox()).filter((m) => m.subject.startsWith(`Information requests, ${MONTH}:`));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.destination.to).toEqual(['secretary@necs.example']);
    expect(mails[0]?.subject).toBe(`Information requests, ${MONTH}: 3 received, 1 answered on time, 2 breached`);
    expect(mails[0]?.body.html).toContain('<svg');
    expect(mails[0]?.body.html).toContain('Requests of 2027-02 by division');
    // Divisions by their names, in the text and on the chart: staff read names, not ids.
    expect(mails[0]?.body.text).toMatch(/^ {2}Legal Division: \d+ received/m);
    expect(mails[0]?.body.text).not.toMatch(/^ {2}legal:/m);
    expect(mails[0]?.body.html).toContain('>Legal Division</text>');
  });
});
