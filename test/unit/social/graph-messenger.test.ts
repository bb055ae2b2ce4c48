import { describe, expect, it } from '@jest/globals';
import { graphMessenger, SendApiError } from '../../../adapters/social/graph-messenger.js';
import { windowAt } from '../../../application/social/messages-outbound.js';

/** A stand-in for fetch that records the call and answers as the Send API would. */
const fakeFetch = (status: number, reply: unknown) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(reply), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, impl };
};

describe("Meta's Send API", () => {
  it('sends a private text within 24 hours as a RESPONSE, with the page token, and returns Meta’s message id', async () => {
    // Arrange
    const api = fakeFetch(200, { recipient_id: '678', message_id: 'm_sent' });
    const messenger = graphMessenger(async () => 'page-token', api.impl);
    // Act
    const sent = await messenger.sendPrivateMessage({
      platform: 'facebook',
      recipientId: '678',
      text: 'Dear Karma, …',
      window: 'response',
    });
    // Assess
    expect(sent).toEqual({ messageId: 'm_sent' });
    expect(api.calls[0]?.url).toBe('https://graph.facebook.com/v21.0/me/messages');
    expect((api.calls[0]?.init.headers as Record<string, string>).authorization).toBe('Bearer page-token');
    expect(JSON.parse(api.calls[0]?.init.body as string)).toEqual({
      recipient: { id: '678' },
      message: { text: 'Dear Karma, …' },
      messaging_type: 'RESPONSE',
    });
  });

  it('after 24 hours tags the message HUMAN_AGENT', async () => {
    // Arrange
    const api = fakeFetch(200, { message_id: 'm_sent' });
    // Act
    await graphMessenger(async () => 't', api.impl).sendPrivateMessage({
      platform: 'facebook',
      recipientId: '678',
      text: 'x',
      window: 'human_agent',
    });
    // Assess
    expect(JSON.parse(api.calls[0]?.init.body as string)).toMatchObject({
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });
  });

  it('a refusal is an error naming Meta’s code, so the job is retried', async () => {
    // Arrange
    const api = fakeFetch(400, { error: { code: 10, message: 'outside of allowed window' } });
    // Act / Assess
    await expect(
      graphMessenger(async () => 't', api.impl).sendPrivateMessage({
        platform: 'facebook',
        recipientId: '678',
        text: 'x',
        window: 'response',
      }),
    ).rejects.toMatchObject({ name: 'SendApiError', status: 400, code: 10 } satisfies Partial<SendApiError>);
  });

  it('the window is RESPONSE until 24 hours after the person last wrote', () => {
    expect(windowAt('2026-11-23T11:00:00+06:00', new Date('2026-11-24T10:59:00+06:00'))).toBe('response');
    expect(windowAt('2026-11-23T11:00:00+06:00', new Date('2026-11-24T11:00:00+06:00'))).toBe('human_agent');
  });
});
