import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { metaSignature } from '../../domain/social/messages-signature.js';
import type { LocalStack } from '../../local/stack.js';
import { badlySignedFixture, metaFixture, metaText } from '../support/meta-fixtures.js';
import { caller, outbox, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const SECRET = 'local-app-secret';

/** Delivers a body to the webhook as Meta would: signed with the app secret unless a signature is given. */
const deliver = async (body: string, signature: string | null = metaSignature(body, SECRET)) => {
  const res = await fetch(`${stack.apiUrl}/social/inbound/facebook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Record<string, unknown> };
};

interface SocialOutboxMessage {
  platform: string;
  recipientId: string;
  text: string;
  window: string;
}
const socialOutbox = async (): Promise<SocialOutboxMessage[]> =>
  ((await (await fetch(`${stack.apiUrl}/_local/social-outbox`)).json()) as { messages: SocialOutboxMessage[] })
    .messages;

/** The social requests as the staff's list shows them (once the projector caught up). */
const socialRequests = async () => {
  await stack.settle();
  const page = await api('GET', '/requests?channel=social', { as: 'ict.officer' });
  return page.body.items as {
    id: string;
    dueAt: string;
    requester: { name: string; platform?: string; senderId?: string };
  }[];
};

describe("Meta's verify handshake", () => {
  it('answers the challenge as plain text when the verify token is ours', async () => {
    // Act
    const res = await fetch(
      `${stack.apiUrl}/social/inbound/facebook?hub.mode=subscribe&hub.verify_token=local-verify-token&hub.challenge=1158201444`,
    );
    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
  });

  it('refuses another token with a 403', async () => {
    // Act
    const res = await fetch(
      `${stack.apiUrl}/social/inbound/facebook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444`,
    );
    // Assess
    expect(res.status).toBe(403);
  });
});

describe('a Facebook message, from the webhook to the private answer', () => {
  const sender = '6781234567890123';
  let ref = '';

  it('refuses a delivery without a genuine signature (401) and registers nothing', async () => {
    // Arrange
    const { body, signature } = badlySignedFixture();
    // Act
    const forged = await deliver(body, signature);
    const unsigned = await deliver(body, null);
    const malformedForged = await deliver('{"object": "page", "entry": [', signature);
    // Assess
    expect([forged.status, unsigned.status, malformedForged.status]).toEqual([401, 401, 401]);
    expect(forged.body).toMatchObject({ error: { code: 'INVALID_SIGNATURE' } });
    expect(await socialRequests()).toEqual([]);
  });

  it('answers 400, never 5xx, to a genuinely signed body that is not a webhook payload', async () => {
    // Act
    const notJson = await deliver('{"object": "page", "entry": [');
    const notPayload = await deliver('{"object": 7}');
    // Assess
    expect(notJson.status).toBe(400);
    expect(notPayload.status).toBe(400);
  });

  it('opens a request on channel social, known by platform and sender id, due in five working days', async () => {
    // Act
    const res = await deliver(metaFixture('text'));
    // Assess
    expect(res).toEqual({ status: 200, body: { received: 1, duplicates: 0, ignored: 0 } });
    const [request] = await socialRequests();
    ref = request?.id as string;
    const view = await api('GET', `/requests/${ref}`, { as: 'ict.officer' });
    expect(view.body).toMatchObject({
      channel: 'social',
      requester: { name: 'Facebook user ending 0123', kind: 'public', platform: 'facebook', senderId: sender },
      subject: 'Kuzuzangpo! Could you share the air quality readings for Thimphu for October 2026?',
      // Received Monday 23 November 2026, 11:00 in Thimphu: day 0, and due at close of office on the 5th working day.
      dueAt: '2026-11-30T17:00:00+06:00',
    });
  });

  it('acknowledges it privately: the acknowledgment is in the social outbox, and no mail goes to anyone', async () => {
    // Act
    await stack.settle();
    // Assess
    const sent = await socialOutbox();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ platform: 'facebook', recipientId: sender, window: 'response' });
    expect(sent[0]?.text).toContain(ref);
    expect(sent[0]?.text).toContain('Monday, 30 November 2026');
    expect(sent[0]?.text.length).toBeLessThan(2_000);
    expect(await outbox(stack)).toEqual([]);
  });

  it('ignores the same message delivered again (same mid): no second request, no second acknowledgment', async () => {
    // Act
    const again = await deliver(metaFixture('text'));
    await stack.settle();
    // Assess
    expect(again).toEqual({ status: 200, body: { received: 0, duplicates: 1, ignored: 0 } });
    expect(await socialRequests()).toHaveLength(1);
    expect(await socialOutbox()).toHaveLength(1);
  });

  it("ignores an echo of the page's own message", async () => {
    // Act
    const echo = await deliver(metaFixture('echo'));
    // Assess
    expect(echo).toEqual({ status: 200, body: { received: 0, duplicates: 0, ignored: 3 } });
    expect(await socialRequests()).toHaveLength(1);
  });

  it("adds the sender's next message to their open request, unacknowledged", async () => {
    // Act
    const res = await deliver(metaFixture('attachments'));
    await stack.settle();
    // Assess
    expect(res.body).toEqual({ received: 1, duplicates: 0, ignored: 0 });
    expect(await socialRequests()).toHaveLength(1);
    const history = await api('GET', `/requests/${ref}/history`, { as: 'auditor' });
    const message = (history.body.events as { type: string; data: Record<string, unknown> }[]).find(
      (e) => e.type === 'RequesterMessageReceived',
    );
    expect(message?.data).toMatchObject({
      channel: 'social',
      messageId: 'm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-attachments',
    });
    expect(await socialOutbox()).toHaveLength(1);
  });

  it('sends the official response privately on Facebook, with the archive copy by mail and nothing public', async () => {
    // Arrange
    await api('POST', `/requests/${ref}/assign`, {
      as: 'ict.officer',
      body: { division: 'legal', assignee: 'legal.officer' },
    });
    await api('POST', `/requests/${ref}/consultations`, {
      as: 'spokesperson.legal',
      body: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
    });
    // Act
    const responded = await api('POST', `/requests/${ref}/response`, {
      as: 'legal.officer',
      body: { body: 'The October 2026 readings for Thimphu: PM2.5 averaged 21 µg/m³.', disposition: 'full' },
    });
    await stack.settle();
    // Assess
    expect(responded.status).toBe(200);
    const sent = await socialOutbox();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ platform: 'facebook', recipientId: sender });
    expect(sent[1]?.text).toContain('PM2.5 averaged 21 µg/m³');
    const mails = await outbox(stack);
    expect(mails.map((m) => m.destination)).toEqual([{ to: [], cc: ['archive@necs.example'], bcc: [] }]);
    const view = await api('GET', `/requests/${ref}`, { as: 'ict.officer' });
    expect(view.body.status).toBe('responded');
  });

  it('shows the messages as the correspondence: in and out on Facebook, privately, each by the requester’s name', async () => {
    // Act
    const all = (await api('GET', `/requests/${ref}/correspondence`, { as: 'legal.officer' })).body.items as {
      kind: string;
      direction: string;
      from?: string;
      to?: string[];
      cc?: string[];
      via?: string;
      text: string;
      mail?: { via?: string; to: string[] };
    }[];
    const items = all.filter((i) => i.direction !== 'internal');
    // Assess
    const name = 'Facebook user ending 0123';
    expect(items.map((i) => [i.kind, i.direction, i.via])).toEqual([
      ['request', 'in', 'facebook'],
      ['acknowledgment', 'out', 'facebook'],
      ['requester_message', 'in', 'facebook'],
      ['response', 'out', 'facebook'],
    ]);
    expect(items[0]?.from).toBe(name);
    expect(items[1]?.mail).toMatchObject({ via: 'facebook', to: [name] });
    expect(items[2]?.text).toContain('[image attachment: https://scontent.example/');
    expect(items[3]).toMatchObject({ to: [name], cc: ['archive@necs.example'], mail: { via: 'facebook' } });
  });

  it('a message after the response opens a new request for the same sender', async () => {
    // Act
    const res = await deliver(metaText({ senderId: sender, mid: 'm_after-the-answer', text: 'And for November?' }));
    await stack.settle();
    // Assess
    expect(res.body).toEqual({ received: 1, duplicates: 0, ignored: 0 });
    const requests = await socialRequests();
    expect(requests).toHaveLength(2);
    expect((await socialOutbox()).at(-1)?.text).toContain(requests.find((r) => r.id !== ref)?.id ?? 'a new reference');
  });
});
