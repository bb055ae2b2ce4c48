import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { replyToken } from '../../domain/mail/reply-address.js';
import { trackingToken } from '../../domain/portal/tracking-token.js';
import type { LocalStack } from '../../local/stack.js';
import { as } from '../support/agency.js';
import { caller, outbox, startTestStack, type SentMail } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

let n = 0;
/** A fresh address per test, so that the per-address limit of one test never touches another. */
const someone = () => `karma.${++n}@example.bt`;
const asking = (email: string, extra: Record<string, unknown> = {}) => ({
  name: 'Karma Dorji',
  email,
  subject: 'PM2.5 readings for Thimphu',
  body: 'Monthly readings for 2025, please.',
  ...extra,
});

const mailsTo = async (email: string): Promise<SentMail[]> =>
  (await outbox(stack)).filter((m) => m.destination.to.includes(email));
const confirmationToken = async (email: string): Promise<string> => {
  await stack.settle(); // the mailer sends it from the mail queue
  const mail = (await mailsTo(email)).find((m) => m.subject.startsWith('Confirm your request'));
  const token = /\/portal\/confirm\/([A-Za-z0-9_-]+)/.exec(mail?.body.text ?? '')?.[1];
  if (!token) throw new Error(`no confirmation link mailed to ${email}`);
  return token;
};
const requestCount = async () =>
  ((await api('GET', '/requests?limit=200', { as: 'ict.officer' })).body.items as unknown[]).length;

/** Asks and confirms through the JSON routes; the request's reference and tracking token. */
const askAndConfirm = async (email: string, extra: Record<string, unknown> = {}) => {
  expect((await api('POST', '/public/requests', { body: asking(email, extra) })).status).toBe(202);
  const confirmed = await api('POST', '/public/requests/confirm', { body: { token: await confirmationToken(email) } });
  expect(confirmed.status).toBe(201);
  const id = String(confirmed.body.id);
  return { id, token: new URL(String(confirmed.body.trackUrl)).searchParams.get('token') as string };
};

/** A form post as a browser without JavaScript sends it. */
const postForm = (path: string, fields: Record<string, string>) =>
  fetch(`${stack.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });

describe('asking on the web', () => {
  it('registers nothing until the mailed link is confirmed, then one request however often it is confirmed', async () => {
    // Prepare
    const email = someone();
    await stack.settle();
    const before = await requestCount();
    // Act: ask
    const asked = await api('POST', '/public/requests', { body: asking(email) });
    await stack.settle();
    // Assess: a link was mailed, nothing was registered
    expect(asked).toMatchObject({ status: 202, body: { status: 'confirmation_sent' } });
    const token = await confirmationToken(email);
    expect(await requestCount()).toBe(before);
    // Act: a GET of the link's page registers nothing (mail scanners follow links)
    const page = await fetch(`${stack.apiUrl}/portal/confirm/${token}`);
    await stack.settle();
    expect(page.status).toBe(200);
    expect(await requestCount()).toBe(before);
    // Act: confirm twice
    const first = await api('POST', '/public/requests/confirm', { body: { token } });
    const second = await api('POST', '/public/requests/confirm', { body: { token } });
    await stack.settle();
    // Assess: one request, channel web, received now, the same reply twice; acknowledged with its tracking link
    expect(first.status).toBe(201);
    expect(second).toEqual(first);
    expect(await requestCount()).toBe(before + 1);
    const id = String(first.body.id);
    const staffView = await api('GET', `/requests/${id}`, { as: 'ict.officer' });
    expect(staffView.body).toMatchObject({ channel: 'web', requester: { name: 'Karma Dorji', email, kind: 'public' } });
    expect(Math.abs(new Date(String(staffView.body.receivedAt)).getTime() - stack.clock.now().getTime())).toBeLessThan(
      60_000,
    );
    const ack = (await mailsTo(email)).find((m) => m.subject.includes(`[${id}]`));
    expect(ack?.body.text).toContain(`/portal/track/${id}?token=${trackingToken('test-reply-secret', id)}`);
    expect(String(first.body.trackUrl)).toContain(`/portal/track/${id}?token=`);
  }, 60_000);

  it('refuses the sixth unconfirmed submission of one address in a day with 429, whatever the case of the address', async () => {
    const email = someone();
    for (let i = 0; i < 5; i++)
      expect(
        (await api('POST', '/public/requests', { body: asking(i % 2 ? email.toUpperCase() : email) })).status,
      ).toBe(202);
    const sixth = await api('POST', '/public/requests', { body: asking(email) });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error?.code).toBe('TOO_MANY_SUBMISSIONS');
    // The form says so in a page of plain words.
    const form = await postForm('/portal/ask', asking(email));
    expect(form.status).toBe(429);
    expect(await form.text()).toContain('You have sent too many requests today');
  }, 60_000);

  it('lets an unconfirmed link expire after 7 days', async () => {
    const email = someone();
    await api('POST', '/public/requests', { body: asking(email) });
    const token = await confirmationToken(email);
    stack.clock.moveTo(new Date(stack.clock.now().getTime() + 7 * 24 * 3600 * 1000 + 60_000));
    const late = await api('POST', '/public/requests/confirm', { body: { token } });
    expect(late.status).toBe(404);
    expect(late.body.error?.code).toBe('CONFIRMATION_EXPIRED');
    expect((await postForm(`/portal/confirm/${token}`, {})).status).toBe(404);
  }, 60_000);

  it('sends nothing for a form whose hidden honeypot field is filled, yet answers as for a person', async () => {
    const email = someone();
    const res = await postForm('/portal/ask', { ...asking(email), website: 'http://spam.example' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal/check-email');
    expect(await mailsTo(email)).toEqual([]);
  });

  it('answers a form with problems with the same form, its error summary linked to each field, and what was typed kept', async () => {
    const res = await postForm('/portal/ask', {
      name: '',
      email: 'not-an-address',
      subject: '<script>alert(1)</script>',
      body: '',
    });
    const page = await res.text();
    expect(res.status).toBe(400);
    expect(page).toContain('<a href="#name">Enter your name</a>');
    expect(page).toContain('<a href="#email">Enter an email address in the correct format, like name@example.bt</a>');
    expect(page).toContain('<a href="#body">Enter your request</a>');
    expect(page).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page).not.toContain('<script>alert(1)');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('registers through the pages alone: ask (303) → confirm button (303 to the tracking page)', async () => {
    const email = someone();
    const asked = await postForm('/portal/ask', { ...asking(email), organization: 'Ministry of Health' });
    expect(asked.status).toBe(303);
    const confirmed = await postForm(`/portal/confirm/${await confirmationToken(email)}`, {});
    expect(confirmed.status).toBe(303);
    const location = confirmed.headers.get('location') ?? '';
    expect(location).toMatch(/^\/portal\/track\/NECS-\d{4}-\d{5}\?token=[0-9a-f]{32}&notice=sent$/);
    const track = await fetch(`${stack.apiUrl}${location}`);
    expect(track.status).toBe(200);
    // The due date with how its days were counted, from the agency calendar.
    const trackPage = await track.text();
    expect(trackPage).toContain('How we count the days');
    expect(trackPage).toContain('Working day 5');
    const id = /track\/([^?]+)/.exec(location)?.[1] as string;
    expect((await api('GET', `/requests/${id}`, { as: 'ict.officer' })).body.requester).toEqual({
      name: 'Karma Dorji',
      email,
      organization: 'Ministry of Health',
      kind: 'agency',
    });
  }, 60_000);
});

describe('following a request', () => {
  it('shows the requester their messages and the agency’s mail, never notes, consultations or staff names; a wrong token is a 404', async () => {
    // Prepare
    const { id, token } = await askAndConfirm(someone());
    const run = async (type: string, data: Record<string, unknown>, by: string) => {
      const r = await stack.core.commands.execute(id, {
        type,
        data,
        metadata: { now: stack.clock.now().toISOString(), actor: as(by) },
      } as never);
      if (!r.ok) throw r.error;
    };
    await run('AssignRequest', { division: 'legal', assignee: 'legal.officer' }, 'ict.officer');
    await run('AddNote', { text: 'INTERNAL-NOTE the requester seems to be a journalist' }, 'legal.officer');
    await run(
      'RecordConsultation',
      { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'concerns', note: 'SECRET-VIEW careful' },
      'spokesperson.legal',
    );
    await run('RequestClarification', { message: { inline: 'Which months do you need?' } }, 'legal.officer');
    // Act
    const view = await api('GET', `/public/requests/${id}?token=${token}`);
    const wrong = await api('GET', `/public/requests/${id}?token=${'0'.repeat(32)}`);
    const missing = await api('GET', `/public/requests/${id}`);
    const replyTokenInstead = await api('GET', `/public/requests/${id}?token=${replyToken('test-reply-secret', id)}`);
    const page404 = await fetch(`${stack.apiUrl}/portal/track/${id}?token=nope`);
    // Assess
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ id, status: 'awaiting_your_reply', subject: 'PM2.5 readings for Thimphu' });
    const messages = view.body.messages as { direction: string; kind: string; text: string }[];
    expect(messages.map((m) => [m.direction, m.kind])).toEqual([
      ['in', 'request'],
      ['out', 'acknowledgment'],
      ['out', 'clarification'],
    ]);
    const text = JSON.stringify(view.body);
    for (const secret of ['INTERNAL-NOTE', 'SECRET-VIEW', 'legal.officer', 'spokesperson', 'Legal', 'legal'])
      expect(text).not.toContain(secret);
    expect([wrong.status, missing.status, replyTokenInstead.status, page404.status]).toEqual([404, 404, 404, 404]);
  }, 60_000);

  it('takes the requester’s reply as a mail to the reply address would (it ends a clarification), and their withdrawal as their act', async () => {
    const { id, token } = await askAndConfirm(someone());
    await stack.core.commands.execute(id, {
      type: 'AssignRequest',
      data: { division: 'ppd' },
      metadata: { now: stack.clock.now().toISOString(), actor: as('ict.officer') },
    });
    await stack.core.commands.execute(id, {
      type: 'RequestClarification',
      data: { message: { inline: 'Which year?' } },
      metadata: { now: stack.clock.now().toISOString(), actor: as('ppd.officer') },
    });
    // Act: reply through the page, then withdraw through the page
    const replied = await postForm(`/portal/track/${id}/reply`, { token, message: '2025, all months.' });
    const again = await postForm(`/portal/track/${id}/reply`, { token, message: '2025, all months.' });
    expect(again.status).toBe(303);
    const withdrawn = await postForm(`/portal/track/${id}/withdraw`, { token });
    // Assess
    expect(replied.status).toBe(303);
    expect(withdrawn.status).toBe(303);
    const history = await api('GET', `/requests/${id}/history`, { as: 'auditor' });
    const events = history.body.events as { type: string; actor: unknown; data: Record<string, unknown> }[];
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['RequesterMessageReceived', 'ClarificationReceived', 'RequestClosed']),
    );
    expect(events.filter((e) => e.type === 'RequesterMessageReceived')).toHaveLength(1);
    const closed = events.find((e) => e.type === 'RequestClosed');
    expect(closed).toMatchObject({ actor: { kind: 'system', component: 'requester' }, data: { reason: 'withdrawn' } });
    const view = await api('GET', `/public/requests/${id}?token=${token}`);
    expect(view.body).toMatchObject({ status: 'closed', closeReason: 'withdrawn', open: false });
    // A wrong token acts on nothing.
    expect(
      (await api('POST', `/public/requests/${id}/messages`, { body: { token: 'f'.repeat(32), text: 'hi' } })).status,
    ).toBe(404);
  }, 60_000);
});

describe('what was shared', () => {
  it('lists responses archived as publishable, newest first, never naming a member of the public; the files download for anyone', async () => {
    // Prepare: a member of the public's request answered with a file and archived as publishable; an agency's; one not publishable
    const answer = async (email: string, extra: Record<string, unknown>, publishable: boolean) => {
      const { id } = await askAndConfirm(email, extra);
      const run = async (type: string, data: Record<string, unknown>, by: string) => {
        const r = await stack.core.commands.execute(id, {
          type,
          data,
          metadata: { now: stack.clock.now().toISOString(), actor: as(by) },
        } as never);
        if (!r.ok) throw r.error;
      };
      await run('AssignRequest', { division: 'legal' }, 'ict.officer');
      await run(
        'RecordConsultation',
        { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
        'spokesperson.legal',
      );
      const response = await api('POST', `/requests/${id}/response`, {
        as: 'legal.officer',
        body: {
          body: 'Attached.',
          disposition: 'full',
          attachments: [
            {
              filename: 'pm25.csv',
              contentType: 'text/csv',
              contentBase64: Buffer.from('month,value\n1,35\n').toString('base64'),
            },
          ],
        },
      });
      expect(response.status).toBe(200);
      await run('ArchiveRequest', { topics: ['air quality'], publishable }, 'legal.officer');
      stack.clock.moveTo(new Date(stack.clock.now().getTime() + 60_000));
      return id;
    };
    const mine = await answer(someone(), { subject: 'Air quality data asked by Karma Dorji' }, true);
    const agency = await answer(someone(), { organization: 'Thimphu Thromde' }, true);
    const hidden = await answer(someone(), { subject: 'Private matter' }, false);
    await stack.settle();
    // Act
    const log = await api('GET', '/public/disclosures?limit=50');
    const found = await api('GET', '/public/disclosures?q=air%20quality');
    // Assess
    const items = log.body.items as {
      id: string;
      subject: string;
      organization?: string;
      requesterKind: string;
      attachments: { url: string; sha256: string }[];
    }[];
    const ids = items.map((i) => i.id);
    expect(ids.indexOf(agency)).toBeLessThan(ids.indexOf(mine));
    expect(ids).not.toContain(hidden);
    expect(JSON.stringify(log.body)).not.toContain('Karma');
    expect(JSON.stringify(log.body)).not.toContain('@example.bt');
    expect(items.find((i) => i.id === mine)).toMatchObject({
      requesterKind: 'public',
      subject: 'Air quality data asked by [name withheld]',
    });
    expect(items.find((i) => i.id === mine)?.organization).toBeUndefined();
    expect(items.find((i) => i.id === agency)).toMatchObject({
      requesterKind: 'agency',
      organization: 'Thimphu Thromde',
    });
    expect((found.body.items as { id: string }[]).map((i) => i.id)).toEqual(expect.arrayContaining([mine, agency]));
    const file = await fetch(`${stack.apiUrl}${items.find((i) => i.id === mine)?.attachments[0]?.url ?? ''}`);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('month,value\n1,35\n');
    const hiddenFile = await fetch(
      `${stack.apiUrl}/public/disclosures/${hidden}/attachments/${items[0]?.attachments[0]?.sha256 ?? ''}`,
    );
    expect(hiddenFile.status).toBe(404);
    // While someone writes about the same thing, the released answer is suggested.
    const suggested = await api('GET', `/public/suggestions?q=${encodeURIComponent('air quality in Paro')}`);
    expect(suggested.body.items).toEqual(
      expect.arrayContaining([
        { title: 'Air quality data asked by [name withheld]', url: `/portal/disclosures/${mine}`, kind: 'disclosure' },
      ]),
    );
    expect(JSON.stringify(suggested.body)).not.toContain(hidden);
    const page = await (await fetch(`${stack.apiUrl}/portal/disclosures/${mine}`)).text();
    expect(page).toContain('A member of the public');
    expect(page).not.toContain('Karma');
  }, 90_000);
});
