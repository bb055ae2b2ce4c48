import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../local/stack.js';
import { caller, outbox, startTestStack, type Reply } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;

beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const intake = {
  channel: 'email',
  requester: { name: 'Karma Wangmo', email: 'karma@example.bt', kind: 'public' },
  subject: 'Air quality data for Thimphu, 2025',
  body: 'Could you share the monthly PM2.5 readings for Thimphu in 2025?',
  receivedAt: '2026-11-20T10:00:00+06:00',
};
const newRequest = async (): Promise<string> => {
  const r = await api('POST', '/requests', { as: 'ict.officer', body: intake });
  expect(r.status).toBe(201);
  return r.body.id as string;
};
const ok = (r: Reply) => {
  if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r;
};

describe('a request from intake to archive, through the API', () => {
  it('acknowledges, answers with attachments and a copy to the archive, and keeps a verifiable record', async () => {
    // Prepare / Act: intake
    const created = await api('POST', '/requests', { as: 'ict.officer', body: intake });
    expect(created).toEqual({
      status: 201,
      body: { id: expect.stringMatching(/^NECS-2026-\d{5}$/), dueAt: '2026-11-27T17:00:00+06:00' },
    });
    const id = created.body.id as string;
    await stack.settle();
    // Assess: the acknowledgment
    const ack = (await outbox(stack)).find((m) => m.subject.includes(`[${id}]`));
    expect(ack).toMatchObject({
      destination: { to: ['karma@example.bt'] },
      from: expect.stringContaining('requests@necs.example'),
    });
    expect(ack?.subject).toBe(`Received: [${id}] Air quality data for Thimphu, 2025`);
    expect(ack?.body.text).toContain('by Friday, 27 November 2026, 17:00');
    expect(ack?.replyTo).toEqual([expect.stringMatching(new RegExp(`^requests\\+${id}-[0-9a-f]{12}@necs\\.example$`))]);

    // Act: the division works it
    ok(
      await api('POST', `/requests/${id}/assign`, {
        as: 'ict.officer',
        body: { division: 'legal', assignee: 'legal.officer' },
      }),
    );
    const early = await api('POST', `/requests/${id}/response`, {
      as: 'legal.officer',
      body: { body: 'Here.', disposition: 'full' },
    });
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe('SPOKESPERSON_NOT_CONSULTED');
    // The officer may not record the spokesperson's word; the spokesperson records it themself.
    const forThem = await api('POST', `/requests/${id}/consultations`, {
      as: 'legal.officer',
      body: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
    });
    expect([forThem.status, forThem.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    ok(
      await api('POST', `/requests/${id}/consultations/requested`, {
        as: 'legal.officer',
        body: { person: 'spokesperson.legal', question: 'May we share the 2025 readings?' },
      }),
    );
    ok(
      await api('POST', `/requests/${id}/consultations`, {
        as: 'spokesperson.legal',
        body: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
      }),
    );
    const csv = Buffer.from('month,pm25\n2025-01,41\n2025-02,38\n').toString('base64');
    const response = await api('POST', `/requests/${id}/response`, {
      as: 'legal.officer',
      body: {
        body: 'Please find the monthly readings attached.',
        disposition: 'full',
        attachments: [{ filename: 'pm25-thimphu-2025.csv', contentType: 'text/csv', contentBase64: csv }],
      },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'responded', sla: 'met', appended: ['ResponseSent'] });
    await stack.settle();

    // Assess: the official response, with the archive copy
    const answer = (await outbox(stack)).find((m) => m.subject.startsWith(`Response: [${id}]`));
    expect(answer?.destination).toEqual({ to: ['karma@example.bt'], cc: ['archive@necs.example'], bcc: [] });
    expect(answer?.attachments).toEqual([
      expect.objectContaining({ filename: 'pm25-thimphu-2025.csv', contentType: expect.stringContaining('text/csv') }),
    ]);
    expect(answer?.body.text).toContain('Please find the monthly readings attached.');

    // Act / Assess: archived, and the record holds
    ok(
      await api('POST', `/requests/${id}/archive`, {
        as: 'legal.officer',
        body: { topics: ['air quality', 'PM2.5'], publishable: true },
      }),
    );
    const view = await api('GET', `/requests/${id}`, { as: 'legal.chief' });
    expect(view.body).toMatchObject({
      id,
      status: 'archived',
      division: 'legal',
      topics: ['air quality', 'pm2.5'],
      sla: 'met',
    });
    const history = await api('GET', `/requests/${id}/history`, { as: 'auditor' });
    const types = (history.body.events as { type: string; hash: string }[]).map((e) => e.type);
    // The mails (acknowledgment, the spokesperson's notice, the response) are recorded as they leave.
    expect(types.filter((t) => t !== 'MailSent')).toEqual([
      'RequestReceived',
      'RequestAssigned',
      'ConsultationRequested',
      'ConsultationRecorded',
      'ResponseSent',
      'RequestArchived',
    ]);
    expect(types.filter((t) => t === 'MailSent')).toHaveLength(3);
    const verify = await api('GET', `/requests/${id}/verify`, { as: 'auditor' });
    expect(verify.body).toEqual({
      valid: true,
      events: 9,
      head: expect.stringMatching(/^[a-f0-9]{64}$/),
      anchor: null,
    });
  }, 60_000);

  it('asks the requester for clarification by mail and stops the clock', async () => {
    const id = await newRequest();
    ok(await api('POST', `/requests/${id}/assign`, { as: 'legal.chief', body: { division: 'legal' } }));
    const asked = await api('POST', `/requests/${id}/clarification`, {
      as: 'legal.officer',
      body: { message: 'Which monitoring stations do you need?' },
    });
    expect(asked.body).toMatchObject({ status: 'awaiting_clarification', pausedAt: expect.any(String) });
    await stack.settle();
    const mail = (await outbox(stack)).find((m) => m.subject.startsWith(`Clarification needed: [${id}]`));
    expect(mail?.body.text).toContain('Which monitoring stations do you need?');
  }, 30_000);

  it('shows a request as breached once the local clock passes its due date', async () => {
    // Prepare: received Friday 20 November, due Friday 27 November at 17:00
    const id = await newRequest();
    await stack.settle();
    const saturday = new Date('2026-11-28T03:00:00Z');
    // Act: the clock moves to Saturday morning (on a machine whose real date is later, it already is)
    if (stack.clock.now() < saturday) {
      expect((await api('GET', `/requests/${id}`, { as: 'ict.officer' })).body.sla).not.toBe('breached');
      const moved = await fetch(`${stack.apiUrl}/_local/clock`, {
        method: 'POST',
        body: JSON.stringify({ now: saturday.toISOString() }),
      });
      expect(moved.status).toBe(200);
    }
    // Assess
    expect((await api('GET', `/requests/${id}`, { as: 'ict.officer' })).body.sla).toBe('breached');
    const listed = await api('GET', '/requests?sla=breached&status=received', { as: 'ict.head' });
    expect((listed.body.items as { id: string }[]).map((i) => i.id)).toContain(id);
  }, 30_000);
});

describe('the local clock', () => {
  it('moves forward, never back', async () => {
    const now = stack.clock.now();
    const later = new Date(now.getTime() + 86_400_000).toISOString();
    const moved = await fetch(`${stack.apiUrl}/_local/clock`, { method: 'POST', body: JSON.stringify({ now: later }) });
    expect(moved.status).toBe(200);
    const back = await fetch(`${stack.apiUrl}/_local/clock`, {
      method: 'POST',
      body: JSON.stringify({ now: now.toISOString() }),
    });
    expect(back.status).toBe(409);
    expect(((await back.json()) as Reply['body']).error?.code).toBe('CLOCK_BACKWARDS');
  });
});

describe('hostile and broken input', () => {
  it.each([
    ['malformed JSON', { raw: '{"channel": "email",' }, 400, 'MALFORMED_JSON'],
    ['a wrong type', { body: { ...intake, requester: { ...intake.requester, kind: 42 } } }, 400, 'INVALID_INPUT'],
    ['an unknown field', { body: { ...intake, priority: 'urgent' } }, 400, 'INVALID_INPUT'],
    ['a subject longer than mail allows', { body: { ...intake, subject: 'x'.repeat(5_000) } }, 400, 'INVALID_INPUT'],
    ['a receipt time that is not a time', { body: { ...intake, receivedAt: 'last tuesday' } }, 400, 'INVALID_INPUT'],
    [
      'a body over 10 MB',
      { raw: JSON.stringify({ ...intake, body: 'x'.repeat(10_500_000) }) },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])('refuses %s with a clear error and records nothing', async (_what, input, status, code) => {
    await stack.settle();
    const before = (await outbox(stack)).length;
    const r = await api('POST', '/requests', { as: 'ict.officer', ...input });
    expect(r.status).toBe(status);
    expect(r.body.error).toEqual(expect.objectContaining({ code, message: expect.any(String) }));
    await stack.settle();
    expect((await outbox(stack)).length).toBe(before);
  });

  it('refuses attachment names that try to leave their folder', async () => {
    const id = await newRequest();
    ok(await api('POST', `/requests/${id}/assign`, { as: 'ict.officer', body: { division: 'legal' } }));
    ok(
      await api('POST', `/requests/${id}/consultations`, {
        as: 'spokesperson.legal',
        body: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
      }),
    );
    for (const filename of ['../../etc/passwd', 'C:\\windows\\win.ini', '.env', 'a\u0000b.pdf']) {
      const r = await api('POST', `/requests/${id}/response`, {
        as: 'legal.officer',
        body: {
          body: 'x',
          disposition: 'full',
          attachments: [{ filename, contentType: 'text/plain', contentBase64: 'eA==' }],
        },
      });
      expect([r.status, r.body.error?.code]).toEqual([400, 'INVALID_INPUT']);
    }
  });

  it('answers unknown routes, wrong methods and missing sign-in as the contract says', async () => {
    expect((await api('GET', '/nowhere', { as: 'ict.officer' })).status).toBe(404);
    expect((await api('DELETE', '/requests', { as: 'ict.officer' })).status).toBe(405);
    expect((await api('GET', '/requests')).body.error?.code).toBe('UNAUTHENTICATED');
    expect((await api('GET', '/requests', { as: 'nobody' })).status).toBe(401);
    expect((await api('GET', '/requests/NECS-2026-99999', { as: 'ict.officer' })).status).toBe(404);
  });

  it('answers the due-date calculator without sign-in', async () => {
    const r = await api('GET', `/calendar/due-date?receivedAt=${encodeURIComponent('2026-11-20T18:00:00+06:00')}`);
    expect(r.body).toMatchObject({ receivedAt: '2026-11-20T18:00:00+06:00', dueAt: '2026-11-30T17:00:00+06:00' });
    expect((r.body.explanation as { reason: string }[])[0]?.reason).toBe('received after close of office (17:00)');
  });
});

describe('idempotent POSTs', () => {
  it('return the same result for the same key and body, and append nothing new', async () => {
    const first = await api('POST', '/requests', { as: 'ict.officer', body: intake, key: 'walk-in-0042' });
    const again = await api('POST', '/requests', { as: 'ict.officer', body: intake, key: 'walk-in-0042' });
    expect(again).toEqual(first);
    const other = await api('POST', '/requests', {
      as: 'ict.officer',
      body: { ...intake, subject: 'something else' },
      key: 'walk-in-0042',
    });
    expect([other.status, other.body.error?.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    const id = first.body.id as string;
    const note1 = await api('POST', `/requests/${id}/notes`, {
      as: 'ict.officer',
      body: { text: 'phoned' },
      key: 'n1',
    });
    const note2 = await api('POST', `/requests/${id}/notes`, {
      as: 'ict.officer',
      body: { text: 'phoned' },
      key: 'n1',
    });
    expect(note2.body).toEqual(note1.body);
    const history = await api('GET', `/requests/${id}/history`, { as: 'ict.officer' });
    expect((history.body.events as { type: string }[]).filter((e) => e.type === 'NoteAdded')).toHaveLength(1);
  });
});

describe('20 concurrent commands on one request', () => {
  it('each succeed or get 409, and the history stays consistent', async () => {
    const id = await newRequest();
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api('POST', `/requests/${id}/notes`, { as: 'ict.officer', body: { text: `note ${i}` } }),
      ),
    );
    expect(replies.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const landed = replies.filter((r) => r.status === 200).length;
    const history = await api('GET', `/requests/${id}/history`, { as: 'auditor' });
    const events = history.body.events as { version: number; type: string }[];
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'NoteAdded')).toHaveLength(landed);
    expect((await api('GET', `/requests/${id}/verify`, { as: 'auditor' })).body.valid).toBe(true);
  }, 30_000);
});
