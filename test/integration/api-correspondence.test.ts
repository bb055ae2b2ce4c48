import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { systemActor } from '../../domain/agency/actor.js';
import { replyAddress } from '../../domain/mail/reply-address.js';
import type { LocalStack } from '../../local/stack.js';
import { mime } from '../support/mime.js';
import { caller, intakeOf, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
let intake: ReturnType<typeof intakeOf>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
  intake = intakeOf(stack);
}, 60_000);
afterAll(async () => stack.stop());

const INTAKE = 'requests@necs.example';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Item {
  kind: string;
  direction: string;
  at: string;
  text: string;
  subject?: string;
  from?: string;
  to?: string[];
  cc?: string[];
  by?: { id: string; name: string };
  person?: { id: string; name: string };
  question?: string;
  outcome?: string;
  attachments: { filename: string; sha256: string }[];
  mail?: { sentAt: string; delivered: unknown[]; bounced: unknown[] };
}
const correspondence = async (ref: string, as = 'legal.officer') =>
  (await api('GET', `/requests/${ref}/correspondence`, { as })).body.items as Item[];

/** Mail a browser must never run or load if it were rendered: tags, handlers, script URLs, remote images. */
const HOSTILE_HTML =
  '<html><body><p>Dear NECS,</p><p>Please share the <b>air quality</b> readings for Pasakha.</p>' +
  '<script>alert("stolen")</script><img src="http://tracker.example/pixel.gif" onerror="alert(2)" width="1">' +
  '<a href="javascript:alert(3)">my profile</a><iframe src="http://evil.example/"></iframe>' +
  '<style>body{background:url(http://tracker.example/bg.png)}</style><p>Kind regards,<br>Karma Wangmo</p></body></html>';

describe('GET /requests/{id}/correspondence', () => {
  let ref = '';
  const report = Buffer.from('%PDF-1.4\n% Pasakha PM2.5\n');
  const longNote = `Checked with the monitoring team: ${'the Pasakha station was offline in March; '.repeat(10)}end of note.`;
  beforeAll(async () => {
    // Prepare: an HTML-only mail opens the request; it is acknowledged, assigned, clarified and answered by the requester,
    // noted, a view is asked and given, and the response goes out with an attachment.
    const opened = await intake.deliver(
      await mime({
        from: 'Karma Wangmo <karma@example.bt>',
        to: INTAKE,
        subject: 'Air quality Pasakha',
        html: HOSTILE_HTML,
      }),
    );
    ref = opened.requestId as string;
    await stack.settle();
    await api('POST', `/requests/${ref}/assign`, {
      as: 'ict.officer',
      body: { division: 'legal', assignee: 'legal.officer' },
    });
    await api('POST', `/requests/${ref}/clarification`, {
      as: 'legal.officer',
      body: { message: 'Which months do you need?' },
    });
    await stack.settle();
    await intake.deliver(
      await mime({
        from: 'karma@example.bt',
        to: replyAddress(INTAKE, ref, stack.replySecret),
        subject: `Re: [${ref}] Air quality Pasakha`,
        text: 'January to June 2026, please.\n\nKarma',
      }),
    );
    await api('POST', `/requests/${ref}/notes`, { as: 'legal.officer', body: { text: longNote } });
    await api('POST', `/requests/${ref}/consultations/requested`, {
      as: 'legal.officer',
      body: {
        person: 'spokesperson.legal',
        question: 'The March gap is sensitive: may we share the readings as they are, with a note on the outage?',
      },
    });
    await api('POST', `/requests/${ref}/consultations`, {
      as: 'spokesperson.legal',
      body: {
        with: 'spokesperson',
        person: 'spokesperson.legal',
        outcome: 'advice',
        note: 'Share them, and say plainly why March is missing.',
      },
    });
    await api('POST', `/requests/${ref}/response`, {
      as: 'legal.officer',
      body: {
        body: 'Please find the readings attached. March is missing: the station was offline.',
        disposition: 'full',
        attachments: [
          { filename: 'pasakha.pdf', contentType: 'application/pdf', contentBase64: report.toString('base64') },
        ],
      },
    });
    await stack.settle();
  }, 120_000);

  it('shows an HTML mail as plain text: its words, and nothing that could run, load or link', async () => {
    // Act
    const [request] = await correspondence(ref);
    // Assess
    expect(request).toMatchObject({ kind: 'request', direction: 'in', subject: 'Air quality Pasakha' });
    expect(request?.text).toContain('Dear NECS,');
    expect(request?.text).toContain('Please share the air quality readings for Pasakha.');
    expect(request?.text).toContain('Karma Wangmo');
    for (const hostile of [
      '<script',
      'alert("stolen")',
      '<img',
      'onerror',
      '<iframe',
      '<a ',
      'href=',
      '<style',
      'background:url',
      '<b>',
    ])
      expect(request?.text).not.toContain(hostile);
    // What a link pointed to is shown as words, never as a link: no field of the reply is HTML.
    expect(Object.keys(request ?? {})).not.toContain('html');
  });

  it('lists every message in and out in full, with the response as sent to the requester and the archive, newest last', async () => {
    // Act
    const items = await correspondence(ref);
    // Assess
    expect(items.map((i) => i.kind)).toEqual([
      'request',
      'acknowledgment',
      'clarification',
      'requester_message',
      'note',
      'view_asked',
      'view',
      'response',
    ]);
    const at = items.map((i) => Date.parse(i.at));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const ack = items[1] as Item;
    expect(ack).toMatchObject({ direction: 'out', to: ['karma@example.bt'] });
    expect(ack.text).toContain('Dear Karma Wangmo,');
    expect(ack.mail?.sentAt).toBeDefined();
    expect(items[2]?.text).toContain('Which months do you need?');
    expect(items[2]?.by).toEqual({ id: 'legal.officer', name: expect.any(String) });
    expect(items[3]).toMatchObject({
      direction: 'in',
      from: 'karma@example.bt',
      text: expect.stringContaining('January to June 2026, please.'),
    });
    const response = items[7] as Item;
    expect(response).toMatchObject({
      direction: 'out',
      to: ['karma@example.bt'],
      cc: ['archive@necs.example'],
      attachments: [{ filename: 'pasakha.pdf', sha256: sha(report) }],
    });
    // The greeting once: the template adds it, the officer did not write it again.
    expect(response.text.match(/Dear Karma Wangmo,/g)).toHaveLength(1);
    expect(response.text).toContain('Please find the readings attached. March is missing: the station was offline.');
    expect(response.mail?.sentAt).toBeDefined();
  });

  it('keeps notes, questions and views whole, with who asked and whose view it is', async () => {
    // Act
    const items = await correspondence(ref, 'spokesperson.legal');
    // Assess
    expect(items.find((i) => i.kind === 'note')?.text).toBe(longNote);
    expect(items.find((i) => i.kind === 'view_asked')).toMatchObject({
      direction: 'internal',
      person: { id: 'spokesperson.legal' },
      text: 'The March gap is sensitive: may we share the readings as they are, with a note on the outage?',
    });
    expect(items.find((i) => i.kind === 'view')).toMatchObject({
      outcome: 'advice',
      text: 'Share them, and say plainly why March is missing.',
      question: expect.stringContaining('The March gap is sensitive'),
      by: { id: 'spokesperson.legal' },
    });
  });

  it('shows on each mail sent what the mail system reported: delivered to one address, bounced at another', async () => {
    // Prepare: SES reports the response delivered to the requester and bounced at the archive
    const { events } = await stack.core.store.read(`request#${ref}`);
    const responseMail = events
      .map((e) => e.event)
      .find((e) => e.type === 'MailSent' && (e.data as { purpose: string }).purpose === 'response');
    const sesMessageId = (responseMail?.data as { sesMessageId: string }).sesMessageId;
    const metadata = { now: stack.clock.now().toISOString(), actor: systemActor('ses-events') };
    await stack.core.commands.execute(ref, {
      type: 'RecordDelivery',
      data: { sesMessageId, recipients: ['karma@example.bt'], deliveredAt: '2026-11-23T09:30:00+06:00' },
      metadata,
    });
    await stack.core.commands.execute(ref, {
      type: 'RecordBounce',
      data: { sesMessageId, recipients: ['archive@necs.example'], bounceType: 'transient', diagnostic: 'mailbox full' },
      metadata,
    });
    // Act
    const response = (await correspondence(ref)).find((i) => i.kind === 'response');
    // Assess
    expect(response?.mail).toMatchObject({
      delivered: [{ recipients: ['karma@example.bt'] }],
      bounced: [{ recipients: ['archive@necs.example'], bounceType: 'transient', diagnostic: 'mailbox full' }],
    });
    expect((await correspondence(ref)).find((i) => i.kind === 'acknowledgment')?.mail).toMatchObject({
      delivered: [],
      bounced: [],
    });
  });

  it('gives a body kept in object storage in full', async () => {
    // Prepare: a letter longer than fits in an event
    const body = `Dear Sir/Madam,\n${'I ask for the environmental clearance of the Chamkharchhu project. '.repeat(400)}\nYours, Pema`;
    const created = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'letter',
        requester: { name: 'Pema Lhamo', kind: 'public' },
        subject: 'Chamkharchhu clearance',
        body,
      },
    });
    // Act
    const items = await correspondence(created.body.id as string, 'ict.officer');
    // Assess
    expect(body.length).toBeGreaterThan(16_384);
    expect(items).toEqual([expect.objectContaining({ kind: 'request', text: body, from: 'Pema Lhamo' })]);
  });

  it('is for whoever may read the request: an auditor gets 403, no sign-in 401, an unknown request 404', async () => {
    expect((await api('GET', `/requests/${ref}/correspondence`, { as: 'auditor' })).status).toBe(403);
    expect((await api('GET', `/requests/${ref}/correspondence`)).status).toBe(401);
    expect(
      (await api('GET', '/requests/NECS-2026-99999/correspondence', { as: 'legal.officer' })).body.error?.code,
    ).toBe('REQUEST_NOT_FOUND');
  });
});

describe('GET /requests/{id}: what the caller may do', () => {
  it('lists the actions the policy allows the caller now, the extension cap and where the archive copy goes', async () => {
    // Prepare: a letter Legal holds
    const created = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'letter',
        requester: { name: 'Sonam', email: 'sonam@example.bt', kind: 'public' },
        subject: 'Waste permits',
        body: 'The 2025 permits, please.',
      },
    });
    const ref = created.body.id as string;
    await api('POST', `/requests/${ref}/assign`, {
      as: 'ict.officer',
      body: { division: 'legal', assignee: 'legal.officer' },
    });
    // Act
    const view = async (as: string) => (await api('GET', `/requests/${ref}`, { as })).body;
    // Assess
    expect((await view('legal.officer')).allowedActions).toEqual([
      'note',
      'askView',
      'consultDivision',
      'clarify',
      'respond',
      'answerWithPage',
    ]);
    expect((await view('legal.chief')).allowedActions).toContain('extend');
    expect((await view('spokesperson.legal')).allowedActions).toEqual(['note', 'recordView']);
    expect((await view('ppd.officer')).allowedActions).toEqual(['note']);
    expect(await view('legal.chief')).toMatchObject({
      extension: { usedWorkingDays: 0, maxWorkingDays: expect.any(Number) },
      archiveCopyTo: 'archive@necs.example',
    });
  });
});
