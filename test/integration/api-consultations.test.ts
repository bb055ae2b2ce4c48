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

const requester = { name: 'Sonam Dema', email: 'sonam.dema@example.bt', kind: 'public' };
const intake = {
  channel: 'email',
  requester,
  subject: 'Effluent tests at the Pasakha industrial estate',
  body: 'Please send the 2025 effluent test results. My phone is 17 11 22 33.',
  receivedAt: '2026-11-20T10:00:00+06:00',
};
const ok = (r: Reply) => {
  if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r;
};
/** A request Legal holds, with legal.officer holding it. */
const legalRequest = async (subject = intake.subject): Promise<string> => {
  const id = ok(await api('POST', '/requests', { as: 'ict.officer', body: { ...intake, subject } })).body.id as string;
  ok(
    await api('POST', `/requests/${id}/assign`, {
      as: 'ict.officer',
      body: { division: 'legal', assignee: 'legal.officer' },
    }),
  );
  return id;
};
const workOf = async (user: string) =>
  (await api('GET', '/requests?assignee=me', { as: user })).body.items as { id: string; askedOfMe?: boolean }[];

describe('the spokesperson’s own clearance', () => {
  it('is asked by the officer, mailed with a link to the request but nothing of the requester, listed in the spokesperson’s work, and recorded by them alone', async () => {
    // Prepare
    const id = await legalRequest();
    // Act: the officer asks the spokesperson
    const asked = await api('POST', `/requests/${id}/consultations/requested`, {
      as: 'legal.officer',
      body: { person: 'spokesperson.legal', question: 'Can we share the lab results?' },
    });
    await stack.settle();
    // Assess: in consultation, the ask on the request, a notice in the outbox
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'in_consultation', appended: ['ConsultationRequested'] });
    expect(asked.body.asked).toEqual([
      expect.objectContaining({
        with: 'spokesperson',
        person: 'spokesperson.legal',
        question: 'Can we share the lab results?',
      }),
    ]);
    const notices = (await outbox(stack)).filter(
      (m) => m.subject.startsWith('View asked:') && m.subject.includes(`[${id}]`),
    );
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice.destination.to).toEqual(['spokesperson.legal@necs.example']);
    expect(notice.subject).toBe(`View asked: [${id}] ${intake.subject}`);
    const everything = `${notice.subject}\n${notice.body.text ?? ''}\n${notice.body.html ?? ''}`;
    expect(everything).not.toContain(requester.email);
    expect(everything).not.toContain(requester.name);
    expect(everything).not.toContain('17 11 22 33');
    // Where to record the view, in words and a console link, never an API path
    expect(notice.body.text).toContain('Record my view');
    expect(notice.body.text).toContain(`${stack.apiUrl}/console/requests/${id}`);
    expect(everything).not.toMatch(/\/requests\/[^/\s]+\/consultations/);
    expect(notice.replyTo).toEqual(['legal.officer@necs.example']); // a reply reaches whoever asked, never the requester's thread

    // Assess: it is in the spokesperson's work list, marked, and in nobody else's
    expect((await workOf('spokesperson.legal')).find((r) => r.id === id)).toMatchObject({ askedOfMe: true });
    expect((await workOf('spokesperson.ppd')).map((r) => r.id)).not.toContain(id);
    expect((await workOf('legal.officer')).find((r) => r.id === id)?.askedOfMe).toBeUndefined();

    // Act / Assess: no response and no clearance on their behalf until they record it themself
    const early = await api('POST', `/requests/${id}/response`, {
      as: 'legal.officer',
      body: { body: 'Attached.', disposition: 'full' },
    });
    expect([early.status, early.body.error?.code]).toEqual([409, 'SPOKESPERSON_NOT_CONSULTED']);
    const onTheirBehalf = await api('POST', `/requests/${id}/consultations`, {
      as: 'legal.officer',
      body: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
    });
    expect([onTheirBehalf.status, onTheirBehalf.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    const byTheOther = await api('POST', `/requests/${id}/consultations`, {
      as: 'spokesperson.ppd',
      body: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
    });
    expect(byTheOther.status).toBe(403);
    const own = await api('POST', `/requests/${id}/consultations`, {
      as: 'spokesperson.legal',
      body: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared', note: 'Fine to share.' },
    });
    expect(own.status).toBe(200);
    expect(own.body.asked).toEqual([]);
    await stack.settle();
    expect((await workOf('spokesperson.legal')).map((r) => r.id)).not.toContain(id);
    ok(
      await api('POST', `/requests/${id}/response`, {
        as: 'legal.officer',
        body: { body: 'The results are attached.', disposition: 'full' },
      }),
    );
  }, 60_000);

  it('refuses to ask someone the agency does not know, someone of another division, or without a question', async () => {
    const id = await legalRequest('Noise readings');
    const unknown = await api('POST', `/requests/${id}/consultations/requested`, {
      as: 'legal.officer',
      body: { person: 'nobody', question: 'ok?' },
    });
    const elsewhere = await api('POST', `/requests/${id}/consultations/requested`, {
      as: 'legal.officer',
      body: { person: 'ppd.chief', question: 'ok?' },
    });
    const empty = await api('POST', `/requests/${id}/consultations/requested`, {
      as: 'legal.officer',
      body: { person: 'spokesperson.legal', question: '  ' },
    });
    const byOtherDivision = await api('POST', `/requests/${id}/consultations/requested`, {
      as: 'ppd.officer',
      body: { person: 'spokesperson.legal', question: 'ok?' },
    });
    expect([unknown.status, unknown.body.error?.code]).toEqual([400, 'UNKNOWN_PERSON']);
    expect([elsewhere.status, elsewhere.body.error?.code]).toEqual([400, 'UNKNOWN_PERSON']);
    expect([empty.status, empty.body.error?.code]).toEqual([400, 'INVALID_INPUT']);
    expect(byOtherDivision.status).toBe(403);
    expect((await api('GET', `/requests/${id}`, { as: 'legal.officer' })).body.status).toBe('assigned');
  }, 30_000);

  it('tells the stand-in of a spokesperson on leave too, who records the view in their own name, acting for them', async () => {
    // Prepare: spokesperson.ppd away for two days, spokesperson.legal standing in; a request PPD holds
    const now = stack.clock.now();
    ok(
      await api('POST', '/people/spokesperson.ppd/leave', {
        as: 'spokesperson.ppd',
        body: {
          from: now.toISOString(),
          to: new Date(now.getTime() + 2 * 86_400_000).toISOString(),
          delegateTo: 'spokesperson.legal',
        },
      }),
    );
    const id = ok(
      await api('POST', '/requests', { as: 'ict.officer', body: { ...intake, subject: 'Stack emissions, Pasakha' } }),
    ).body.id as string;
    ok(
      await api('POST', `/requests/${id}/assign`, {
        as: 'ict.officer',
        body: { division: 'ppd', assignee: 'ppd.officer' },
      }),
    );
    // Act
    ok(
      await api('POST', `/requests/${id}/consultations/requested`, {
        as: 'ppd.officer',
        body: { person: 'spokesperson.ppd', question: 'Share the stack readings?' },
      }),
    );
    await stack.settle();
    const recorded = await api('POST', `/requests/${id}/consultations`, {
      as: 'spokesperson.legal',
      body: { with: 'spokesperson', person: 'spokesperson.ppd', outcome: 'advice', note: 'Only the annual means.' },
    });
    // Assess
    const notice = (await outbox(stack)).find((m) => m.subject === `View asked: [${id}] Stack emissions, Pasakha`);
    // (the local SES outbox may list several recipients in one string)
    expect(notice?.destination.to.join(',').split(/,\s*/)).toEqual([
      'spokesperson.ppd@necs.example',
      'spokesperson.legal@necs.example',
    ]);
    expect(notice?.body.text).toMatch(/on leave/);
    expect(recorded.status).toBe(200);
    const history = await api('GET', `/requests/${id}/history`, { as: 'auditor' });
    const events = history.body.events as { type: string; actor: unknown }[];
    expect(events.find((e) => e.type === 'ConsultationRecorded')?.actor).toEqual({
      kind: 'user',
      userId: 'spokesperson.legal',
      role: 'spokesperson',
      actingFor: 'spokesperson.ppd',
    });
  }, 60_000);
});
